/**
 * The Spark executor ({@code --executor spark}), found at run time by name; Spark is a
 * {@code provided} dependency, and only this package uses it (Java API only, no Scala code).
 *
 * <p>The driver reads and validates the files with the same readers as the local executor, so line
 * numbers, rejections and duplicate ids are the same. Valid trades go out in numbered chunks, one
 * Spark job each, as validated fields that the executors rebuild into trades (Java serialization),
 * and are priced by {@link dev.adjointgreeks.batch.TaskPricer}, the code the local executor runs. A
 * trade that fails only when priced is rejected alone, with its reason. A chunk holds 16 trades per
 * partition, {@code --partitions} partitions (default 2 per core of the cluster, counted once its
 * executors have registered), and 3 chunks are in flight, so the driver holds about 3 chunks of a
 * book larger than its memory. Results come back in input order and are written atomically by the
 * same writer; totals are computed on the driver.
 *
 * <p>The master is {@code --spark-master}, else what {@code spark-submit} set, else {@code local[*]}.
 * In local mode there is no UI and the driver binds to 127.0.0.1; a {@code spark://} or
 * {@code k8s://} master is probed first, and an unreachable master is exit 2 with its URL.
 * {@code src/test/sh/spark-standalone.sh} runs a standalone master and worker as separate JVMs and
 * compares their output with the local executor's.
 *
 * <p>Under {@code spark-submit} (client mode, so that the driver reads the scenario files and writes
 * {@code --out} where it is submitted) the main class is {@code dev.adjointgreeks.cli.GreeksCommand} and
 * the application jar {@code target/greeks.jar}, e.g.
 * {@code spark-submit --master spark://head:7077 --deploy-mode client --class dev.adjointgreeks.cli.GreeksCommand
 * target/greeks.jar price book.csv --executor spark --paths 10000 --out greeks.csv}; YARN and Kubernetes
 * masters work the same way. The cluster's own Spark jars are used there. {@code -Pspark,spark4} builds
 * against Spark 4.0.1. Not tried on a real cluster: a Spark 3.5 distribution puts its Jackson 2.15
 * before the 2.21 this project is built with.
 */
package dev.adjointgreeks.spark;
