package dev.adjointgreeks.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.scenario.ScenarioRow;

/**
 * Groups a run's tasks into chunks of the executor's size, submits each when it is full (or when
 * its first row must be written), keeps at most the executor's number of chunks in flight, and
 * collects a chunk's outcomes once. A chunk whose executor failed rejects each of its trades.
 */
final class ChunkScheduler {

    /** A chunk on its way: submitted or still filling. */
    static final class InFlight {
        final List<TradeTask> tasks = new ArrayList<>();
        final long number;
        Future<List<TaskOutcome>> future;
        List<TaskOutcome> outcomes;

        InFlight(long number) {
            this.number = number;
        }

        /** Its outcomes can be had without waiting. */
        boolean done() {
            return outcomes != null || (future != null && future.isDone());
        }
    }

    /** A task's place: its chunk and its position there. */
    record Place(InFlight chunk, int pos) {
    }

    private final TradeExecutor executor;
    private final Method method;
    private final int chunkSize;
    private final int maxChunks;
    private InFlight filling;
    private long chunks;
    private int submitted;

    ChunkScheduler(TradeExecutor executor, Method method) {
        this.executor = executor;
        this.method = method;
        this.chunkSize = Math.max(1, executor.chunkSize());
        this.maxChunks = Math.max(1, executor.chunksInFlight());
    }

    /** Rows that may wait for output: every chunk in flight, the one filling, and some rejections. */
    int windowLimit() {
        return chunkSize * (maxChunks + 1) + 64;
    }

    /** As many chunks are in flight as the executor takes: the oldest must be collected first. */
    boolean saturated() {
        return submitted >= maxChunks;
    }

    /** Adds a task to the filling chunk, submitting the chunk when it is full. */
    Place add(TradeTask task) {
        if (filling == null) {
            filling = new InFlight(chunks++);
        }
        InFlight c = filling;
        c.tasks.add(task);
        Place place = new Place(c, c.tasks.size() - 1);
        if (c.tasks.size() >= chunkSize) {
            submitFilling();
        }
        return place;
    }

    void submitFilling() {
        if (filling != null && !filling.tasks.isEmpty()) {
            filling.future = executor.submit(new Chunk(filling.number, method, filling.tasks));
            submitted++;
        }
        filling = null;
    }

    /** The chunk's outcomes, submitting it first if it is still filling, waiting for them if needed. */
    List<TaskOutcome> outcomes(InFlight c) throws InterruptedException {
        if (c == filling) {
            submitFilling();
        }
        if (c.outcomes == null) {
            c.outcomes = collect(c);
            submitted--;
        }
        return c.outcomes;
    }

    /** The task at {@code pos} is written: after the chunk's last one, let the chunk go. */
    void written(InFlight c, int pos) {
        if (pos == c.tasks.size() - 1) {
            c.tasks.clear();
            c.outcomes = List.of();
        }
    }

    /** The chunk's outcomes; a chunk whose executor gave up on it stops the run, naming its trades. */
    private List<TaskOutcome> collect(InFlight c) throws InterruptedException {
        try {
            return c.future.get();
        } catch (ExecutionException e) {
            throw ExecutorFailedException.of(c.number, c.tasks, e.getCause() == null ? e : e.getCause());
        }
    }
}
