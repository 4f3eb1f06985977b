package dev.adjointgreeks.spark;

import org.apache.spark.api.java.JavaSparkContext;

/**
 * The one Spark context of the test JVM ({@code local[2]}, UI off), started on first use and
 * stopped when the JVM exits. It is also {@link SparkContexts#share shared}, so that the command
 * line run in-process with {@code --executor spark --spark-master local[2]} prices on it too.
 */
public final class SharedSpark {

    public static final String MASTER = "local[2]";
    private static JavaSparkContext context;

    private SharedSpark() {
    }

    public static synchronized JavaSparkContext context() {
        if (context == null) {
            JavaSparkContext jsc = SparkContexts.start(SparkContexts.conf(MASTER, "greeks tests")).context();
            SparkContexts.share(jsc);
            Runtime.getRuntime().addShutdownHook(new Thread(jsc::stop, "stop-spark"));
            context = jsc;
        }
        return context;
    }
}
