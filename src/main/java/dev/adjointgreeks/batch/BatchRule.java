package dev.adjointgreeks.batch;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.scenario.ScenarioRow;

/**
 * The batch rule: every row ends as finite numbers or as exactly one rejection. A value that is
 * not finite rejects its row, naming the output column, unless it is one of the documented empty
 * cells (README, "Empty cells"):
 * <ul>
 *   <li>a z-score ({@code *_z}, {@code *_z_analytic}) whose standard error is 0;</li>
 *   <li>under {@code --method compare}, the {@code *_analytic}, {@code *_z_analytic} and
 *       {@code time_analytic_ms} columns of a trade without a closed form.</li>
 * </ul>
 * Those are written as empty cells (absent JSON keys).
 */
public final class BatchRule {

    private BatchRule() {
    }

    /** The rejection of the row when a value breaks the rule, or null when the row may be written. */
    public static ScenarioRow.Rejected violation(TradeResult r, ScenarioRow.Source source) {
        boolean noClosedForm = noClosedForm(r);
        for (Map.Entry<String, Double> e : r.values().entrySet()) {
            double v = e.getValue();
            if (!Double.isFinite(v) && !undefined(e.getKey(), v, noClosedForm)) {
                return new ScenarioRow.Rejected(source, r.id(), e.getKey(),
                        "is not finite: inputs outside the model's numerical range", Double.toString(v));
            }
        }
        if (!Double.isFinite(r.timeMs())) {
            return new ScenarioRow.Rejected(source, r.id(), "time_ms", "is not finite", Double.toString(r.timeMs()));
        }
        return null;
    }

    /** The result with every documented undefined value as NaN (an empty cell). */
    public static TradeResult emptyUndefined(TradeResult r) {
        Map<String, Double> clean = null;
        for (Map.Entry<String, Double> e : r.values().entrySet()) {
            if (Double.isInfinite(e.getValue())) {
                if (clean == null) {
                    clean = new LinkedHashMap<>(r.values());
                }
                clean.put(e.getKey(), Double.NaN);
            }
        }
        return clean == null ? r : new TradeResult(r.id(), r.product(), r.model(), r.method(), r.paths(), r.seed(),
                clean, r.timeMs(), r.quantity(), r.underlying());
    }

    /** Whether a non-finite value in column {@code c} is one of the documented empty cells. */
    static boolean undefined(String c, double v, boolean noClosedForm) {
        return c.endsWith("_z") || c.endsWith("_z_analytic")
                || (noClosedForm && Double.isNaN(v) && (c.endsWith("_analytic") || c.equals("time_analytic_ms")));
    }

    private static boolean noClosedForm(TradeResult r) {
        return r.has("time_analytic_ms") && Double.isNaN(r.get("time_analytic_ms"));
    }
}
