package dev.adjointgreeks.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** The rows of a trade priced with market scenarios: shared by the Monte Carlo and analytic engines. */
final class ScenarioRows {

    private ScenarioRows() {
    }

    /** price, price_stderr, pnl, pnl_stderr, then the Greeks of {@code v} when {@code greeks}. */
    static Map<String, Double> scenarioValues(Map<String, Double> v, double pnl, double pnlStderr,
            boolean greeks) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("price", v.get("price"));
        out.put("price_stderr", v.get("price_stderr"));
        out.put("pnl", pnl);
        out.put("pnl_stderr", pnlStderr);
        if (greeks) {
            v.forEach(out::putIfAbsent);
        }
        return out;
    }

    static TradeResult row(Trade trade, Method method, long paths, long seed, Map<String, Double> values,
            double ms, String scenario) {
        return new TradeResult(trade.id(), trade.product().kind(), trade.modelName(), method.word(), paths, seed,
                values, ms, trade.quantity(), trade.underlying(), scenario);
    }
}
