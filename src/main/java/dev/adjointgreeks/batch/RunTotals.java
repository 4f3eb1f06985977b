package dev.adjointgreeks.batch;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.scenario.PortfolioTotals;
import dev.adjointgreeks.scenario.shock.ShockPlan;

/**
 * A run's portfolio totals ({@code --totals}): one set without shocks; with shocks, one set per
 * scenario, the base first.
 */
final class RunTotals {

    private final BatchOptions options;
    private final PortfolioTotals totals;
    /** Scenario runs: totals per scenario (base first). */
    private final Map<String, PortfolioTotals> scenarioTotals = new LinkedHashMap<>();

    RunTotals(BatchOptions options, List<String> valueColumns) {
        this.options = options;
        this.totals = options.totals() && options.shocks() == null ? new PortfolioTotals(valueColumns) : null;
        ShockPlan shocks = options.shocks();
        if (shocks != null && options.totals()) {
            scenarioTotals.put(TradeResult.BASE, new PortfolioTotals(valueColumns));
            for (String name : shocks.shocks().names()) {
                scenarioTotals.put(name, new PortfolioTotals(valueColumns));
            }
        }
    }

    /**
     * A row that passed the batch rule: a trade's row, or with shocks its base row or one of its
     * scenario rows (plain totals exist only without shocks, scenario totals only with them).
     */
    void add(TradeResult r) {
        if (totals != null) {
            totals.add(r);
        }
        PortfolioTotals t = r.scenario() == null ? null : scenarioTotals.get(r.scenario());
        if (t != null) {
            t.add(r);
        }
    }

    /** Hands the total rows to {@code sink}, after every row. */
    void emit(BatchSink sink) throws IOException {
        if (totals != null) {
            for (TradeResult t : totals.rows(options.method())) {
                sink.total(t);
            }
        }
        for (Map.Entry<String, PortfolioTotals> e : scenarioTotals.entrySet()) {
            for (TradeResult t : e.getValue().rows(options.method())) {
                sink.total(scenarioTotal(t, e.getKey()));
            }
        }
    }

    /**
     * A total row of one scenario. A scenario row has no Greeks without --scenario-greeks, so
     * neither has its total: those cells stay empty rather than sum to 0.
     */
    private TradeResult scenarioTotal(TradeResult t, String scenario) {
        TradeResult r = t.inScenario(scenario);
        if (scenario.equals(TradeResult.BASE) || options.shocks().scenarioGreeks()) {
            return r;
        }
        Map<String, Double> v = new LinkedHashMap<>();
        for (String c : options.shocks().pnlColumns()) {
            v.put(c, r.get(c));
        }
        v.put("price", r.get("price"));
        v.put("price_stderr", r.get("price_stderr"));
        return r.withValues(v);
    }
}
