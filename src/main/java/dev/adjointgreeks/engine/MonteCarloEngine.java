package dev.adjointgreeks.engine;

import static dev.adjointgreeks.engine.ScenarioRows.row;
import static dev.adjointgreeks.engine.ScenarioRows.scenarioValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.adjointgreeks.mc.MonteCarlo;
import dev.adjointgreeks.mc.MonteCarlo.Output;

/**
 * What the two Monte Carlo methods share: one {@link Plan} per trade, run once; each method only
 * says which evaluators and outputs give its Greeks ({@link #greeks}). Market scenarios join the
 * base's run on the same paths.
 */
abstract class MonteCarloEngine implements PricingEngine {

    /**
     * Adds the method's evaluators and outputs to {@code plan} in timing group {@code group}, each
     * output named with {@code suffix}; returns the output names ({@code price}, then the Greeks).
     */
    abstract List<String> greeks(Plan plan, int group, String suffix);

    /** The timing group of a single trade's evaluators. */
    abstract int group();

    @Override
    public TradeResult price(Trade trade, RunSettings settings) {
        long paths = trade.pathsFor(settings.paths());
        long seed = trade.seedFor(settings.seed());
        long start = System.nanoTime();
        Map<String, Double> values = new LinkedHashMap<>();
        Plan plan = new Plan(trade.problem(), settings);
        List<String> names = greeks(plan, group(), "");
        MonteCarlo.Result r = plan.run(paths, seed);
        long pathsUsed = r.paths();
        for (String n : names) {
            put(values, n, n, r);
        }
        double ms = (System.nanoTime() - start) / 1e6;
        return new TradeResult(trade.id(), trade.product().kind(), trade.modelName(), method().word(), pathsUsed,
                seed, values, ms, trade.quantity(), trade.underlying());
    }

    /**
     * Every scenario in the base's run, on the same paths (common random numbers; the seed is the
     * base's): each scenario adds its evaluators to the plan, and {@code pnl} is an output of the
     * per-path differences, so its standard error is that of the difference. A row's
     * {@code time_ms} is its share of the run (the evaluators' times), so the rows add up to it.
     */
    @Override
    public List<TradeResult> priceScenarios(Trade trade, RunSettings settings, List<GreeksEngine.Scenario> scenarios,
            double[][] inputs, boolean scenarioGreeks) {
        Method method = method();
        long start = System.nanoTime();
        long paths = trade.pathsFor(settings.paths());
        long seed = trade.seedFor(settings.seed());
        Plan plan = new Plan(trade.problem(), settings);
        List<String> names = greeks(plan, 0, "");
        Output basePrice = plan.outputs.get(0);
        List<List<String>> scenarioNames = new ArrayList<>();
        for (int k = 0; k < inputs.length; k++) {
            if (inputs[k] == null) {
                scenarioNames.add(null);
                continue;
            }
            String suffix = "@" + k;
            int group = k + 1;
            List<String> own;
            int first = plan.outputs.size();
            if (scenarioGreeks) {
                Plan at = plan.at(inputs[k]);
                own = greeks(at, group, suffix);
            } else {
                int e = plan.passiveAt(group, inputs[k]);
                plan.output("price" + suffix, new int[] {e}, new int[] {0}, new double[] {1.0});
                own = List.of("price" + suffix);
            }
            plan.outputs.add(difference("pnl" + suffix, plan.outputs.get(first), basePrice));
            scenarioNames.add(own);
        }
        MonteCarlo.Result r = plan.run(paths, seed);
        double wallMs = (System.nanoTime() - start) / 1e6;
        long[] nanos = r.groupNanos();
        double totalNanos = 0;
        for (long n : nanos) {
            totalNanos += n;
        }
        Map<String, Double> baseValues = new LinkedHashMap<>();
        for (String n : names) {
            put(baseValues, n, n, r);
        }
        List<TradeResult> out = new ArrayList<>();
        double baseShare = totalNanos > 0 ? nanos[0] / totalNanos : 1.0;
        out.add(row(trade, method, r.paths(), seed, scenarioValues(baseValues, 0, 0, true), wallMs * baseShare,
                TradeResult.BASE));
        for (int k = 0; k < inputs.length; k++) {
            String scenario = scenarios.get(k).name();
            if (inputs[k] == null) {
                out.add(row(trade, method, r.paths(), seed, scenarioValues(baseValues, 0, 0, scenarioGreeks), 0.0,
                        scenario));
                continue;
            }
            String suffix = "@" + k;
            Map<String, Double> v = new LinkedHashMap<>();
            for (String n : scenarioNames.get(k)) {
                put(v, n.substring(0, n.length() - suffix.length()), n, r);
            }
            int p = r.indexOf("pnl" + suffix);
            double share = totalNanos > 0 && k + 1 < nanos.length ? nanos[k + 1] / totalNanos : 0.0;
            out.add(row(trade, method, r.paths(), seed, scenarioValues(v, r.mean()[p],
                    SecondOrderError.reported(r.stderr()[p], r.mean()[p]), true),
                    wallMs * share, scenario));
        }
        return out;
    }

    /**
     * Puts output {@code name}'s value and standard error under {@code column}: a second-order
     * difference with its bias in its error ({@link SecondOrderError}), any standard error below
     * rounding as 0.
     */
    static void put(Map<String, Double> values, String column, String name, MonteCarlo.Result r) {
        if (SecondOrderError.has(r, name)) {
            SecondOrderError.Estimate e = SecondOrderError.of(r, name);
            values.put(column, e.value());
            values.put(column + "_stderr", e.stderr());
        } else {
            int i = r.indexOf(name);
            values.put(column, r.mean()[i]);
            values.put(column + "_stderr", SecondOrderError.reported(r.stderr()[i], r.mean()[i]));
        }
    }

    /** The output {@code a - b}: its per-path values are the differences, so is its standard error. */
    static Output difference(String name, Output a, Output b) {
        int na = a.evaluator().length;
        int nb = b.evaluator().length;
        int[] e = new int[na + nb];
        int[] c = new int[na + nb];
        double[] w = new double[na + nb];
        for (int t = 0; t < na; t++) {
            e[t] = a.evaluator()[t];
            c[t] = a.component()[t];
            w[t] = a.coefficient()[t];
        }
        for (int t = 0; t < nb; t++) {
            e[na + t] = b.evaluator()[t];
            c[na + t] = b.component()[t];
            w[na + t] = -b.coefficient()[t];
        }
        return new Output(name, e, c, w);
    }
}
