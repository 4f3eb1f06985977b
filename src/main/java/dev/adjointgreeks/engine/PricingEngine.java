package dev.adjointgreeks.engine;

import java.util.List;

/**
 * One way of turning a trade into its price and Greeks: one implementation per {@link Method},
 * chosen by {@link #of(Method)}. {@link GreeksEngine} is the public entry point; it checks a
 * trade's market scenarios once and hands them to the method's engine, so single trades and
 * scenario rows go through the same code.
 */
public interface PricingEngine {

    /** The method this engine implements (the {@code method} column of its rows). */
    Method method();

    /** Price and Greeks of one trade at its own market. */
    TradeResult price(Trade trade, RunSettings settings);

    /**
     * The base row and one row per scenario. {@code inputs[k]} holds scenario {@code k}'s inputs in
     * the order of the trade's inputs, or null when they equal the base's (checked by the caller).
     */
    List<TradeResult> priceScenarios(Trade trade, RunSettings settings, List<GreeksEngine.Scenario> scenarios,
            double[][] inputs, boolean scenarioGreeks);

    static PricingEngine of(Method method) {
        switch (method) {
            case ADJOINT:
                return AdjointEngine.INSTANCE;
            case BUMP:
                return BumpEngine.INSTANCE;
            case ANALYTIC:
                return AnalyticEngine.INSTANCE;
            case COMPARE:
                return CompareEngine.INSTANCE;
            default:
                throw new AssertionError(method);
        }
    }
}
