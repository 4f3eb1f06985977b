package dev.adjointgreeks.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Future;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;

import dev.adjointgreeks.batch.Chunk;
import dev.adjointgreeks.batch.TaskOutcome;
import dev.adjointgreeks.batch.TaskPricer;
import dev.adjointgreeks.batch.TradeExecutor;
import dev.adjointgreeks.batch.TradeTask;
import dev.adjointgreeks.engine.Method;

/**
 * Prices chunks on Apache Spark: each chunk is one job over its trades, split into partitions;
 * executors rebuild each trade from its validated fields and price it with {@link TaskPricer}, the
 * same code the local executor runs, so a trade's numbers do not depend on where it is priced.
 * {@code collect} returns the outcomes in the chunk's order.
 *
 * <p>Sizes: a partition holds about {@value #TRADES_PER_PARTITION} trades, enough that Spark's
 * per-task cost (a few milliseconds) is small next to pricing them, few enough that trades of
 * different cost even out across the cores; a chunk has {@value #PARTITIONS_PER_CORE} partitions
 * per core; {@value #CHUNKS_IN_FLIGHT} chunks in flight keep every core busy while the last task of
 * a job finishes and while the driver writes, and bound the driver's memory.
 *
 * <p>Faults: a task lost with its executor is re-run by Spark elsewhere, and since a trade's
 * numbers do not depend on where it is priced, the output is the same. A task that fails
 * {@code spark.task.maxFailures} times aborts its chunk's job, and the run stops with an
 * {@link dev.adjointgreeks.batch.ExecutorFailedException} naming the chunk's trades. A failure
 * drill shows that case on any cluster: with the system property {@value #DRILL} set to a trade
 * id on the driver, the task holding that trade fails on every attempt, outside the per-trade
 * catch of {@link TaskPricer}.
 */
public final class SparkExecutor implements TradeExecutor {

    static final int TRADES_PER_PARTITION = 16;
    static final int PARTITIONS_PER_CORE = 2;
    static final int CHUNKS_IN_FLIGHT = 3;

    /** System property: the id of a trade whose task fails on every attempt (a failure drill, for tests). */
    public static final String DRILL = "greeks.spark.drill.failTrade";

    private final JavaSparkContext jsc;
    private final boolean ownsContext;
    private final int partitions;
    private final int chunkSize;
    private final String drill = System.getProperty(DRILL);

    /**
     * @param jsc         the context to run on
     * @param ownsContext stop the context on {@link #close()} (false for a context shared by tests)
     * @param partitions  partitions per chunk, or 0 for {@value #PARTITIONS_PER_CORE} per core of the cluster
     */
    public SparkExecutor(JavaSparkContext jsc, boolean ownsContext, int partitions) {
        if (partitions < 0) {
            throw new IllegalArgumentException("partitions must be >= 0 (value " + partitions + ")");
        }
        this.jsc = jsc;
        this.ownsContext = ownsContext;
        this.partitions = partitions > 0 ? partitions : PARTITIONS_PER_CORE * Math.max(1, jsc.defaultParallelism());
        this.chunkSize = TRADES_PER_PARTITION * this.partitions;
    }

    @Override
    public Future<List<TaskOutcome>> submit(Chunk chunk) {
        int slices = Math.max(1, Math.min(partitions, chunk.size()));
        jsc.setJobDescription("greeks chunk " + chunk.number() + " (" + chunk.size() + " trades)");
        return jsc.parallelize(chunk.tasks(), slices)
                .mapPartitions(new PriceTasks(chunk.method(), drill))
                .collectAsync();
    }

    @Override
    public int chunkSize() {
        return chunkSize;
    }

    @Override
    public int chunksInFlight() {
        return CHUNKS_IN_FLIGHT;
    }

    /** Partitions per chunk. */
    public int partitions() {
        return partitions;
    }

    @Override
    public void close() {
        if (ownsContext) {
            try {
                jsc.stop();
            } catch (RuntimeException e) {
                // closing must not fail the run whose results are already written
            }
        }
    }

    /** The function shipped to executors: prices one partition's tasks in order. */
    static final class PriceTasks implements FlatMapFunction<Iterator<TradeTask>, TaskOutcome> {
        private static final long serialVersionUID = 1L;
        private final Method method;
        private final String drill;

        PriceTasks(Method method) {
            this(method, null);
        }

        /** @param drill the id of a trade whose task must fail (see {@link SparkExecutor#DRILL}), or null */
        PriceTasks(Method method, String drill) {
            this.method = method;
            this.drill = drill;
        }

        @Override
        public Iterator<TaskOutcome> call(Iterator<TradeTask> tasks) {
            List<TaskOutcome> out = new ArrayList<>();
            while (tasks.hasNext()) {
                TradeTask t = tasks.next();
                if (t.id().equals(drill)) {
                    throw new IllegalStateException("failure drill: the task holding trade '" + drill + "' fails ("
                            + DRILL + ")");
                }
                out.add(TaskPricer.price(t, method));
            }
            return out.iterator();
        }
    }
}
