package dev.adjointgreeks.batch;

import java.util.ArrayDeque;

import dev.adjointgreeks.scenario.ScenarioRow;

/**
 * The rows read but not yet written, in input order: a rejection, or a place in a chunk. Chunks
 * finish in any order; rows leave from the head only, so the output keeps the input's order. Its
 * size is bounded, so memory does not grow with the input.
 */
final class ReorderWindow {

    /** A row in the output window: a rejection, or a place in a chunk. */
    record Slot(ScenarioRow.Source source, String id, ScenarioRow.Rejected rejected, ChunkScheduler.InFlight chunk,
            int pos) {

        static Slot rejected(ScenarioRow.Source source, String id, ScenarioRow.Rejected rejected) {
            return new Slot(source, id, rejected, null, -1);
        }

        /** Written without waiting: a rejection, or a row whose chunk is done. */
        boolean ready() {
            return rejected != null || chunk.done();
        }
    }

    private final ArrayDeque<Slot> window = new ArrayDeque<>();
    private final int limit;

    /** {@code limit}: rows beyond which the head is written even if it must be waited for. */
    ReorderWindow(int limit) {
        this.limit = limit;
    }

    void add(Slot s) {
        window.add(s);
    }

    boolean isEmpty() {
        return window.isEmpty();
    }

    /** Over its limit, or its head is ready. */
    boolean headDue() {
        return window.size() > limit || window.peek().ready();
    }

    Slot poll() {
        return window.poll();
    }
}
