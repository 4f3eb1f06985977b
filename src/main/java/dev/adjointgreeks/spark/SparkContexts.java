package dev.adjointgreeks.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Starts the Spark context of a run: the master is the one asked for, else the one
 * {@code spark-submit} set ({@code spark.master}), else {@code local[*]}; logging at WARN; no UI,
 * console progress bar or network-facing driver in local mode. A master that cannot be reached is
 * reported with its URL before Spark spends a minute retrying.
 */
public final class SparkContexts {

    /** Classpath resource with the WARN-level log4j2 configuration used when nothing else configured log4j. */
    static final String LOG_CONFIG = "dev/adjointgreeks/spark/log4j2-greeks.properties";

    /** How long a TCP probe of a standalone or Kubernetes master may take. */
    static final int PROBE_TIMEOUT_MS = 3000;

    /** At most this long for a cluster's executors to register before the first chunk is sized. */
    static final long EXECUTOR_WAIT_MS = 30_000;

    /** The number of registered executors must hold this long to count as the cluster's size. */
    static final long EXECUTOR_STABLE_MS = 2_000;

    private static volatile JavaSparkContext shared;

    private SparkContexts() {
    }

    /** The master a run uses: the option, else what spark-submit set, else {@code local[*]}. */
    public static String master(String option, SparkConf conf) {
        if (option != null && !option.isBlank()) {
            return option.trim();
        }
        return conf.get("spark.master", "local[*]");
    }

    /** The configuration of a run (the master is resolved by {@link #master}). */
    public static SparkConf conf(String masterOption, String appName) {
        quietLogging();   // before the first Spark class logs (SparkConf does)
        SparkConf conf = new SparkConf();   // picks up every spark.* property spark-submit set
        String master = master(masterOption, conf);
        conf.setMaster(master);
        conf.setIfMissing("spark.app.name", appName);
        if (isLocal(master)) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        return conf;
    }

    public static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[") || master.startsWith("local-cluster[");
    }

    /**
     * The context for {@code conf}: the one {@link #share shared} in this JVM if it has the same
     * master, else a new one.
     * Before Spark is touched: logging at WARN unless log4j was configured (spark-submit's
     * conf/log4j2.properties, {@code -Dlog4j2.configurationFile}); the master's address is probed
     * when it has one.
     *
     * @throws UnreachableMasterException when the master cannot be reached or refuses the application
     */
    public static Started start(SparkConf conf) {
        String master = conf.get("spark.master");
        JavaSparkContext existing = shared;
        if (existing != null && !existing.sc().isStopped() && existing.master().equals(master)) {
            return new Started(existing, false);
        }
        quietLogging();
        probe(master);
        try {
            JavaSparkContext jsc = new JavaSparkContext(conf);
            if (System.getProperty("SPARK_SUBMIT") == null) {
                jsc.setLogLevel("WARN");
            }
            return new Started(jsc, true);
        } catch (Exception e) {   // Spark also throws its checked SparkException, undeclared
            if (isLocal(master) && e instanceof RuntimeException r) {
                throw r;
            }
            throw new UnreachableMasterException("cannot start on the Spark master " + master, master, e.toString());
        }
    }

    /**
     * Makes {@link #start} hand out {@code jsc} instead of starting a context (Spark allows one per
     * JVM): for a program that already runs Spark, and for the tests' one shared context. Null undoes it.
     */
    public static void share(JavaSparkContext jsc) {
        shared = jsc;
    }

    /** A context and whether the executor that asked for it must stop it. */
    public record Started(JavaSparkContext context, boolean owned) {
    }

    /**
     * On a cluster, waits until executors have registered and their number has held for
     * {@code stableMs} (at most {@code waitMs} in all), so that the default partitions per chunk
     * follow the cluster's cores rather than the two Spark reports before any executor is up. Local
     * mode returns at once; so does a cluster whose executors do not come (its first job then waits
     * for them as any Spark job does).
     */
    public static void awaitExecutors(JavaSparkContext jsc, long waitMs, long stableMs) {
        if (isLocal(jsc.master())) {
            return;
        }
        long start = System.nanoTime();
        long since = start;
        int last = -1;
        while ((System.nanoTime() - start) / 1_000_000 < waitMs) {
            int executors = jsc.sc().statusTracker().getExecutorInfos().length - 1;   // less the driver
            long now = System.nanoTime();
            if (executors != last) {
                last = executors;
                since = now;
            } else if (executors > 0 && (now - since) / 1_000_000 >= stableMs) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** WARN-level logging, unless log4j has a configuration of someone else's. */
    static void quietLogging() {
        if (System.getProperty("log4j2.configurationFile") == null
                && System.getProperty("log4j.configurationFile") == null
                && System.getProperty("SPARK_SUBMIT") == null) {
            System.setProperty("log4j2.configurationFile", LOG_CONFIG);
        }
    }

    /** Refuses a standalone or Kubernetes master none of whose addresses accepts a connection. */
    static void probe(String master) {
        List<InetSocketAddress> addresses = addresses(master);
        if (addresses.isEmpty()) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (InetSocketAddress a : addresses) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(a.getHostString(), a.getPort()), PROBE_TIMEOUT_MS);
                return;
            } catch (IOException e) {
                failures.add(a.getHostString() + ":" + a.getPort() + " (" + e + ")");
            }
        }
        throw new UnreachableMasterException("cannot reach the Spark master " + master, master,
                "no connection to " + String.join(", ", failures));
    }

    /** The (unresolved) host:port pairs of {@code spark://h1:p1,h2:p2} and {@code k8s://https://h:p}; empty for others. */
    static List<InetSocketAddress> addresses(String master) {
        List<InetSocketAddress> out = new ArrayList<>();
        String m = master.toLowerCase(Locale.ROOT);
        if (m.startsWith("spark://")) {
            for (String hp : master.substring("spark://".length()).split(",")) {
                int colon = hp.lastIndexOf(':');
                String host = colon < 0 ? hp : hp.substring(0, colon);
                int port = colon < 0 ? 7077 : Integer.parseInt(hp.substring(colon + 1).replaceAll("/.*", ""));
                out.add(InetSocketAddress.createUnresolved(host, port));
            }
        } else if (m.startsWith("k8s://")) {
            String rest = master.substring("k8s://".length());
            URI uri = URI.create(rest.contains("://") ? rest : "https://" + rest);
            if (uri.getHost() != null) {
                int port = uri.getPort() > 0 ? uri.getPort() : ("http".equals(uri.getScheme()) ? 80 : 443);
                out.add(InetSocketAddress.createUnresolved(uri.getHost(), port));
            }
        }
        return out;
    }

    /** The master could not be reached, or the context could not start on it. */
    public static final class UnreachableMasterException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String master;

        public UnreachableMasterException(String what, String master, String detail) {
            super(what + (detail == null ? "" : ": " + detail));
            this.master = master;
        }

        public String master() {
            return master;
        }
    }
}
