package dev.adjointgreeks.batch;

import java.util.List;
import java.util.concurrent.Future;

/**
 * Where trades are priced: the local thread pool ({@link LocalExecutor}), or a cluster found at
 * run time through {@link TradeExecutorProvider}. The driver ({@link BatchPricer}) reads and
 * validates the input, ships valid trades in numbered {@link Chunk}s, and writes the outcomes in
 * input order; an executor only prices.
 *
 * <p>Contract: {@link #submit} returns promptly; the future's list holds exactly one outcome per
 * task, in the chunk's order (use {@link TaskPricer#price(Chunk)} for each chunk, so a failing
 * trade becomes a {@link TaskOutcome.Failed}). A future that fails as a whole (a cluster that gave
 * up after its retries) stops the run with an {@link ExecutorFailedException} naming the chunk's
 * trades. At most {@link #chunksInFlight()} chunks are
 * submitted and not yet collected, so driver memory is bounded by chunk size times that number.
 */
public interface TradeExecutor extends AutoCloseable {

    /** Starts pricing a chunk. */
    Future<List<TaskOutcome>> submit(Chunk chunk);

    /** Trades per chunk that suit this executor (a cluster wants large chunks, a thread pool small ones). */
    int chunkSize();

    /** Chunks submitted and not yet collected, at most. */
    int chunksInFlight();

    /** Releases threads or the cluster session; no exception. */
    @Override
    void close();
}
