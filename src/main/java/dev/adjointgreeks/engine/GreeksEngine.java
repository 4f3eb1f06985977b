package dev.adjointgreeks.engine;

import java.util.Arrays;
import java.util.List;

import dev.adjointgreeks.mc.PricingProblem;

/**
 * Turns a trade into its price and Greeks by one of the four {@link Method}s, each one
 * {@link PricingEngine}:
 *
 * <ul>
 * <li>{@link AdjointEngine}: one adjoint sweep per path gives every first-order Greek; second order
 * by central differences of adjoint gradients under common random numbers.</li>
 * <li>{@link BumpEngine}: central (or forward) differences of the same generic pricer on the passive
 * scalar, common random numbers.</li>
 * <li>{@link AnalyticEngine}: the closed form on derivative structures of order 2.</li>
 * <li>{@link CompareEngine}: adjoint and bump in the same run on the same paths, with z-scores and
 * the analytic value.</li>
 * </ul>
 */
public final class GreeksEngine {

    private GreeksEngine() {
    }

    public static TradeResult price(Trade trade, Method method, RunSettings settings) {
        return PricingEngine.of(method).price(trade, settings);
    }

    // ------------------------------------------------------------------ market scenarios

    /**
     * A market scenario of one trade: the same trade with shocked inputs, or null when no input of
     * the trade moves (its row is the base price with a P&amp;L of 0).
     */
    public record Scenario(String name, Trade shocked) {
    }

    /**
     * Prices a trade at its base market and in each scenario, base row first. Monte Carlo methods
     * price every scenario in the base's run, on the same paths (common random numbers; the seed is
     * the base's): each scenario adds its evaluators to the plan, and {@code pnl} is an output of
     * the per-path differences, so its standard error is that of the difference. Scenario rows
     * carry {@code price} and {@code pnl} only, unless {@code scenarioGreeks}. A row's
     * {@code time_ms} is its share of the run (the evaluators' times), so the rows add up to it.
     */
    public static List<TradeResult> priceScenarios(Trade trade, Method method, RunSettings settings,
            List<Scenario> scenarios, boolean scenarioGreeks) {
        if (method == Method.COMPARE) {
            throw new IllegalArgumentException("market scenarios need a single method, not compare");
        }
        PricingProblem problem = trade.problem();
        double[] base = problem.inputValues();
        double[][] inputs = new double[scenarios.size()][];
        for (int k = 0; k < inputs.length; k++) {
            Trade shocked = scenarios.get(k).shocked();
            if (shocked != null) {
                PricingProblem sp = shocked.problem();
                if (!Arrays.equals(sp.inputNames(), problem.inputNames())) {
                    throw new IllegalArgumentException("scenario '" + scenarios.get(k).name()
                            + "' changes the trade's inputs: " + String.join(",", sp.inputNames()));
                }
                double[] x = sp.inputValues();
                inputs[k] = Arrays.equals(x, base) ? null : x;
            }
        }
        return PricingEngine.of(method).priceScenarios(trade, settings, scenarios, inputs, scenarioGreeks);
    }
}
