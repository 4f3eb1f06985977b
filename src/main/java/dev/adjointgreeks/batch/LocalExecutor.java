package dev.adjointgreeks.batch;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The default executor: a fixed pool of daemon threads on this machine, one trade per chunk so
 * that trades of any cost share the threads evenly, and up to {@code 4 * threads + 8} trades in flight.
 */
public final class LocalExecutor implements TradeExecutor {

    private final ExecutorService pool;
    private final int threads;

    public LocalExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 (value " + threads + ")");
        }
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "pricer");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Future<List<TaskOutcome>> submit(Chunk chunk) {
        return pool.submit(() -> TaskPricer.price(chunk));
    }

    @Override
    public int chunkSize() {
        return 1;
    }

    @Override
    public int chunksInFlight() {
        return 4 * threads + 8;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** {@code --executor local}. */
    public static final class Provider implements TradeExecutorProvider {
        @Override
        public String name() {
            return "local";
        }

        @Override
        public TradeExecutor create(ExecutorOptions options) {
            return new LocalExecutor(options.threads() > 0 ? options.threads()
                    : Runtime.getRuntime().availableProcessors());
        }
    }
}
