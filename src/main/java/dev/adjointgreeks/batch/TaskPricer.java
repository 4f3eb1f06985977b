package dev.adjointgreeks.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.adjointgreeks.engine.GreeksEngine;
import dev.adjointgreeks.engine.HessianRows;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.RunSettings;
import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.spec.FieldException;
import dev.adjointgreeks.scenario.ScenarioRow;
import dev.adjointgreeks.scenario.shock.Explanation;
import dev.adjointgreeks.scenario.shock.ShockPlan;
import dev.adjointgreeks.scenario.shock.ShockedTrades;

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
            if (task.shocks() != null) {
                return scenarios(task, method, task.shocks());
            }
            TradeResult r = GreeksEngine.price(task.trade(), method, task.settings());
            return new TaskOutcome.Priced(task.index(), r);
        } catch (FieldException e) {
            return failed(task, e.column(), e.reason(), e.value());
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return failed(task, "method", String.valueOf(e.getMessage()), null);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return failed(task, "row", "pricing failed: " + e, null);
        }
    }

    /**
     * The unit of work of a scenario run: one trade with its base and every scenario, priced in one
     * run on the same paths. A scenario whose shocked inputs the trade refuses is rejected alone,
     * naming the scenario; the base and the other scenarios are still priced.
     */
    private static TaskOutcome scenarios(TradeTask task, Method method, ShockPlan plan) {
        Trade trade = task.trade();
        List<ShockedTrades.Outcome> shocked = ShockedTrades.of(task.fields(), trade, plan.shocks());
        List<GreeksEngine.Scenario> priced = new ArrayList<>();
        for (ShockedTrades.Outcome o : shocked) {
            if (o.scenario() != null) {
                priced.add(o.scenario());
            }
        }
        // --explain on a curve trade also needs its curve buckets (the writers show only the selected columns)
        RunSettings settings = plan.explain() ? Explanation.explaining(task.settings(), trade.problem())
                : task.settings();
        List<TradeResult> rows = GreeksEngine.priceScenarios(trade, method, settings, priced,
                plan.scenarioGreeks());
        TradeResult base = rows.get(0);
        TradeResult explaining = base;
        if (plan.explain()) {
            base = explained(base, new Explanation.Explained(0.0, 0.0));
        }
        List<TaskOutcome> out = new ArrayList<>();
        int next = 1;
        for (ShockedTrades.Outcome o : shocked) {
            if (o.rejection() != null) {
                FieldException e = o.rejection();
                out.add(new TaskOutcome.Failed(task.index(),
                        new ScenarioRow.Rejected(task.source(), task.id(), e.column(), e.reason(), e.value())));
                continue;
            }
            TradeResult r = rows.get(next++);
            if (plan.explain()) {
                Trade s = o.scenario().shocked();
                r = explained(r, s == null ? new Explanation.Explained(0.0, 0.0)
                        : Explanation.explained(explaining, trade.problem(), s.problem()));
            }
            out.add(new TaskOutcome.Priced(task.index(), r));
        }
        return new TaskOutcome.Priced(task.index(), base, out);
    }

    /**
     * The row with {@code pnl_explained}, {@code pnl_unexplained} and {@code pnl_explained_cross}
     * (absent where a cross term is missing) after {@code pnl_stderr}, without the Hessian rows that
     * priced it (values, never columns).
     */
    private static TradeResult explained(TradeResult r, Explanation.Explained explained) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : r.values().entrySet()) {
            if (HessianRows.isEntry(e.getKey())) {
                continue;
            }
            v.put(e.getKey(), e.getValue());
            if (e.getKey().equals("pnl_stderr")) {
                v.put("pnl_explained", explained.total());
                v.put("pnl_unexplained", r.get("pnl") - explained.total());
                if (!Double.isNaN(explained.cross())) {
                    v.put("pnl_explained_cross", explained.cross());   // else an empty cell: not 0, missing
                }
            }
        }
        return r.withValues(v);
    }

    private static TaskOutcome failed(TradeTask task, String column, String reason, String value) {
        return new TaskOutcome.Failed(task.index(),
                new ScenarioRow.Rejected(task.source(), task.id(), column, reason, value));
    }
}
