package dev.adjointgreeks.batch;

import java.io.Serializable;
import java.util.List;

import dev.adjointgreeks.engine.Method;

/**
 * A numbered run of consecutive trades priced by one method: the unit an executor receives.
 * Chunks are numbered from 0 in input order; outcomes come back in the order of {@link #tasks()}.
 */
public record Chunk(long number, Method method, List<TradeTask> tasks) implements Serializable {

    public Chunk {
        tasks = List.copyOf(tasks);
    }

    public int size() {
        return tasks.size();
    }
}
