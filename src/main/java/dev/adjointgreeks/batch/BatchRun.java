package dev.adjointgreeks.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

import dev.adjointgreeks.engine.RunSettings;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.scenario.ScenarioRow;

/**
 * One run of a {@link BatchPricer}: reads the rows, rejects duplicate ids and rows over the work
 * limit, schedules the rest in chunks, and writes every row in input order through the window,
 * each checked by the {@link BatchRule}; then the totals and the shocks that matched nothing.
 */
final class BatchRun {

    private final BatchPricer batch;
    private final BatchOptions options;
    private final BatchSink sink;
    private final ChunkScheduler chunks;
    private final ReorderWindow window;
    private final IdSet ids = new IdSet();
    private final RunTotals totals;
    private final ShockMatching shocks;
    private final long started = System.nanoTime();
    private long index;
    private long priced;
    private long rejected;
    private long paths;

    BatchRun(BatchPricer batch, TradeExecutor executor, BatchSink sink) {
        this.batch = batch;
        this.options = batch.options();
        this.sink = sink;
        this.totals = new RunTotals(options, batch.valueColumns());
        this.shocks = new ShockMatching(options.shocks());
        this.chunks = new ChunkScheduler(executor, options.method());
        this.window = new ReorderWindow(chunks.windowLimit());
    }

    BatchSummary run() throws IOException, InterruptedException {
        for (BatchInput in : batch.inputs()) {
            RunSettings settings = batch.settingsFor(in.settings());
            Iterator<ScenarioRow> rows = in.rows();
            while (true) {
                ScenarioRow row;
                try {
                    if (!rows.hasNext()) {
                        break;
                    }
                    row = rows.next();
                } catch (UncheckedIOException e) {
                    // the reader could not go on (an I/O error partway): the rest of this file is one rejection
                    row = new ScenarioRow.Rejected(new ScenarioRow.Source(in.name(), 0), null, "row",
                            "the rest of the file could not be read: " + e.getCause().getMessage(), null);
                    add(row, settings);
                    break;
                }
                if (!add(row, settings)) {
                    return summary(true);
                }
            }
        }
        chunks.submitFilling();
        while (!window.isEmpty()) {
            if (!emitHead()) {
                return summary(true);
            }
        }
        totals.emit(sink);
        shocks.warnUnmatched(sink);
        return summary(false);
    }

    /** Queues one row; false when fail-fast must stop. */
    private boolean add(ScenarioRow row, RunSettings settings) throws IOException, InterruptedException {
        long i = index++;
        if (row instanceof ScenarioRow.Rejected r) {
            window.add(ReorderWindow.Slot.rejected(r.source(), r.id(), r));
        } else {
            ScenarioRow.Parsed p = (ScenarioRow.Parsed) row;
            String id = p.trade().id();
            ScenarioRow.Rejected tooLarge = WorkLimits.tooMuchWork(options.method(), p, settings);
            if (!ids.add(id)) {
                window.add(ReorderWindow.Slot.rejected(p.source(), id, new ScenarioRow.Rejected(p.source(), id, "id",
                        "duplicate id in this run", id)));
            } else if (tooLarge != null) {
                window.add(ReorderWindow.Slot.rejected(p.source(), id, tooLarge));
            } else {
                ChunkScheduler.Place at = chunks.add(new TradeTask(i, p.source(), id, p.fields(), settings,
                        options.shocks()));
                shocks.see(p.trade().underlying());
                window.add(new ReorderWindow.Slot(p.source(), id, null, at.chunk(), at.pos()));
            }
        }
        while (!window.isEmpty() && (chunks.saturated() || window.headDue())) {
            if (!emitHead()) {
                return false;
            }
        }
        return true;
    }

    /** Writes the head of the window, waiting for it if needed; false when fail-fast must stop. */
    private boolean emitHead() throws IOException, InterruptedException {
        ReorderWindow.Slot s = window.poll();
        ScenarioRow.Rejected rejection = s.rejected();
        if (rejection == null) {
            ChunkScheduler.InFlight c = s.chunk();
            List<TaskOutcome> outcomes = chunks.outcomes(c);
            TaskOutcome o = s.pos() < outcomes.size() ? outcomes.get(s.pos()) : null;
            long expected = c.tasks.get(s.pos()).index();
            if (o == null || o.index() != expected) {
                rejection = new ScenarioRow.Rejected(s.source(), s.id(), "row",
                        "the executor returned no result for this trade", null);
            } else if (o instanceof TaskOutcome.Failed f) {
                rejection = f.rejection();
            } else {
                TaskOutcome.Priced p = (TaskOutcome.Priced) o;
                TradeResult r = p.result();
                rejection = BatchRule.violation(r, s.source());
                if (rejection == null) {
                    r = BatchRule.emptyUndefined(r);
                    sink.priced(r, c.tasks.get(s.pos()));
                    priced++;
                    paths += r.paths();
                    totals.add(r);
                }
                if (!p.scenarios().isEmpty()) {
                    if (rejection != null && !reject(rejection)) {
                        return false;
                    }
                    rejection = null;
                    if (!emitScenarios(p, s)) {
                        return false;
                    }
                }
            }
            chunks.written(c, s.pos());
        }
        if (rejection != null && !reject(rejection)) {
            return false;
        }
        sink.progress(summary(false));
        return true;
    }

    /** Reports a rejection; false when fail-fast must stop. */
    private boolean reject(ScenarioRow.Rejected rejection) throws IOException {
        rejected++;
        sink.rejected(rejection);
        return !options.failFast();
    }

    /** A trade's scenario rows after its base row, each checked by the batch rule on its own. */
    private boolean emitScenarios(TaskOutcome.Priced p, ReorderWindow.Slot s) throws IOException {
        for (TaskOutcome o : p.scenarios()) {
            if (o instanceof TaskOutcome.Failed f) {
                if (!reject(f.rejection())) {
                    return false;
                }
                continue;
            }
            TradeResult r = ((TaskOutcome.Priced) o).result();
            ScenarioRow.Rejected bad = BatchRule.violation(r, s.source());
            if (bad != null) {
                if (!reject(new ScenarioRow.Rejected(bad.source(), bad.id(), bad.column(),
                        "scenario '" + r.scenario() + "': " + bad.reason(), bad.value()))) {
                    return false;
                }
                continue;
            }
            r = BatchRule.emptyUndefined(r);
            sink.priced(r);
            totals.add(r);
        }
        return true;
    }

    private BatchSummary summary(boolean stopped) {
        return new BatchSummary(priced, rejected, paths, stopped, (System.nanoTime() - started) / 1e9);
    }
}
