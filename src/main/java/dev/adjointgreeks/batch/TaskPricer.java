package dev.adjointgreeks.batch;

import java.util.ArrayList;
import java.util.List;

import dev.adjointgreeks.engine.GreeksEngine;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.scenario.FieldException;
import dev.adjointgreeks.scenario.ScenarioRow;

/**
 * Prices tasks where an executor runs: rebuilds each trade, prices it, and turns a failure of
 * that one trade into a {@link TaskOutcome.Failed}, so one bad trade never stops a chunk. Every
 * executor calls this; the driver applies the rest of the batch rule ({@link BatchRule}).
 */
public final class TaskPricer {

    private TaskPricer() {
    }

    public static List<TaskOutcome> price(Chunk chunk) {
        List<TaskOutcome> out = new ArrayList<>(chunk.size());
        for (TradeTask t : chunk.tasks()) {
            out.add(price(t, chunk.method()));
        }
        return out;
    }

    public static TaskOutcome price(TradeTask task, Method method) {
        try {
            TradeResult r = GreeksEngine.price(task.trade(), method, task.settings());
            return new TaskOutcome.Priced(task.index(), r);
        } catch (FieldException e) {
            return failed(task, e.column(), e.getMessage(), e.value());
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return failed(task, "method", String.valueOf(e.getMessage()), null);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return failed(task, "row", "pricing failed: " + e, null);
        }
    }

    private static TaskOutcome failed(TradeTask task, String column, String reason, String value) {
        return new TaskOutcome.Failed(task.index(),
                new ScenarioRow.Rejected(task.source(), task.id(), column, reason, value));
    }
}
