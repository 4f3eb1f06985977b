package dev.adjointgreeks.batch;

import java.util.Map;

/**
 * Options for starting an executor.
 *
 * @param threads    worker threads for the local executor (the number of cores by default)
 * @param master     the cluster master URL ({@code --spark-master}), or null for the executor's default
 * @param partitions partitions per chunk ({@code --partitions}), or 0 for the executor's default
 * @param properties further executor-specific settings, by name
 */
public record ExecutorOptions(int threads, String master, int partitions, Map<String, String> properties) {

    public ExecutorOptions {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public static ExecutorOptions local(int threads) {
        return new ExecutorOptions(threads, null, 0, Map.of());
    }
}
