package dev.adjointgreeks.batch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** Finds executors by name through {@link ServiceLoader}; {@code local} is always there. */
public final class TradeExecutors {

    /** How to get executors that are not built into the core jar. */
    private static final String SPARK_HINT = "the Spark executor needs Spark on the class path: build it with "
            + "'mvn -B -Pspark package -DskipTests' (see the README's Spark section) or run under spark-submit";

    private TradeExecutors() {
    }

    /** Starts the executor called {@code name}. */
    public static TradeExecutor create(String name, ExecutorOptions options) throws ExecutorUnavailableException {
        String want = name.trim().toLowerCase(Locale.ROOT);
        List<String> broken = new ArrayList<>();
        for (TradeExecutorProvider p : providers(broken)) {
            if (p.name().equals(want)) {
                return p.create(options);
            }
        }
        StringBuilder msg = new StringBuilder("--executor: unknown executor '").append(name).append("' (available: ")
                .append(String.join(", ", names())).append(')');
        if (want.equals("spark")) {
            msg.append("; ").append(SPARK_HINT);
        }
        for (String b : broken) {
            msg.append("; ").append(b);
        }
        throw new ExecutorUnavailableException(msg.toString());
    }

    /** The names of the executors on the class path, sorted. */
    public static List<String> names() {
        TreeSet<String> n = new TreeSet<>();
        for (TradeExecutorProvider p : providers(new ArrayList<>())) {
            n.add(p.name());
        }
        return List.copyOf(n);
    }

    /** Loads what can be loaded; a provider whose classes are missing is skipped and noted in {@code broken}. */
    private static List<TradeExecutorProvider> providers(List<String> broken) {
        List<TradeExecutorProvider> out = new ArrayList<>();
        out.add(new LocalExecutor.Provider());
        Iterator<TradeExecutorProvider> it = ServiceLoader.load(TradeExecutorProvider.class,
                TradeExecutors.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                TradeExecutorProvider p = it.next();
                if (!(p instanceof LocalExecutor.Provider)) {
                    out.add(p);
                }
            } catch (ServiceConfigurationError | LinkageError e) {
                broken.add("an executor could not be loaded: " + e.getMessage());
            }
        }
        return out;
    }
}
