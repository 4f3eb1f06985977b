package dev.adjointgreeks.spark;

import dev.adjointgreeks.batch.ExecutorOptions;
import dev.adjointgreeks.batch.ExecutorUnavailableException;
import dev.adjointgreeks.batch.TradeExecutor;
import dev.adjointgreeks.batch.TradeExecutorProvider;

/**
 * {@code --executor spark}, found through {@link java.util.ServiceLoader}. This class names no
 * Spark type, so it loads without Spark; Spark's classes are touched only in {@link #create}, and
 * their absence becomes an {@link ExecutorUnavailableException} (exit 2) saying how to get them.
 */
public final class SparkExecutorProvider implements TradeExecutorProvider {

    /** What to do when Spark is not on the class path. */
    static final String HOW_TO = "--executor spark: Spark is not on the class path. Either build with "
            + "'mvn -B -Pspark package -DskipTests', which copies Spark's jars into target/spark/jars where "
            + "target/greeks.jar finds them, or run under spark-submit with target/greeks.jar as the "
            + "application jar (see the README's Spark section)";

    /** A class of spark-core that the executor needs. */
    static final String PROBE_CLASS = "org.apache.spark.api.java.JavaSparkContext";

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public TradeExecutor create(ExecutorOptions options) throws ExecutorUnavailableException {
        return create(options, SparkExecutorProvider.class.getClassLoader());
    }

    /** {@link #create(ExecutorOptions)} with the class loader that must see Spark. */
    TradeExecutor create(ExecutorOptions options, ClassLoader loader) throws ExecutorUnavailableException {
        if (!sparkVisible(loader)) {
            throw new ExecutorUnavailableException(HOW_TO);
        }
        try {
            return Start.executor(options);
        } catch (SparkContexts.UnreachableMasterException e) {
            throw new ExecutorUnavailableException("--executor spark: " + e.getMessage(), e);
        } catch (LinkageError e) {
            throw new ExecutorUnavailableException(HOW_TO + " (" + e + ")", e);
        }
    }

    static boolean sparkVisible(ClassLoader loader) {
        try {
            Class.forName(PROBE_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Kept apart so that the provider's own code never links against Spark. */
    private static final class Start {
        static TradeExecutor executor(ExecutorOptions options) {
            SparkContexts.Started s = SparkContexts.start(SparkContexts.conf(options.master(), "greeks price"));
            if (options.partitions() == 0) {
                SparkContexts.awaitExecutors(s.context(), SparkContexts.EXECUTOR_WAIT_MS, SparkContexts.EXECUTOR_STABLE_MS);
            }
            return new SparkExecutor(s.context(), s.owned(), options.partitions());
        }
    }
}
