package dev.adjointgreeks.engine;

import static dev.adjointgreeks.engine.AdjointEngine.ADJOINT_GROUP;
import static dev.adjointgreeks.engine.BumpEngine.BUMP_GROUP;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.adjointgreeks.mc.MonteCarlo;
import dev.adjointgreeks.mc.MonteCarlo.Output;
import dev.adjointgreeks.mc.PricingProblem;

/**
 * Adjoint and bump in the same run on the same paths, each Greek's difference as a z-score against
 * the standard error of the per-path difference, and the analytic value where a closed form exists.
 * Built from the other three engines' parts; it has no market scenarios.
 */
final class CompareEngine implements PricingEngine {

    static final CompareEngine INSTANCE = new CompareEngine();

    private CompareEngine() {
    }

    @Override
    public Method method() {
        return Method.COMPARE;
    }

    @Override
    public List<TradeResult> priceScenarios(Trade trade, RunSettings settings, List<GreeksEngine.Scenario> scenarios,
            double[][] inputs, boolean scenarioGreeks) {
        throw new IllegalArgumentException("market scenarios need a single method, not compare");
    }

    @Override
    public TradeResult price(Trade trade, RunSettings asked) {
        RunSettings settings = asked.withHessianRows(false);   // the rows have no bump twin to compare with
        PricingProblem problem = trade.problem();
        long paths = trade.pathsFor(settings.paths());
        long seed = trade.seedFor(settings.seed());
        long start = System.nanoTime();
        Plan plan = new Plan(problem, settings);
        List<String> adj = AdjointEngine.adjointGreeks(plan, ADJOINT_GROUP, "_adjoint");
        int adjointOutputs = plan.outputs.size();
        List<String> bump = BumpEngine.bumpGreeks(plan, BUMP_GROUP, "_bump");
        List<Output> adjointOut = new ArrayList<>(plan.outputs.subList(0, adjointOutputs));
        List<Output> bumpOut = new ArrayList<>(plan.outputs.subList(adjointOutputs, plan.outputs.size()));
        List<String> greeks = new ArrayList<>();
        for (String n : adj) {
            greeks.add(n.substring(0, n.length() - "_adjoint".length()));
        }
        for (int g = 0; g < greeks.size(); g++) {
            Output a = adjointOut.get(g);
            Output b = bumpOut.get(bump.indexOf(greeks.get(g) + "_bump"));
            plan.outputs.add(MonteCarloEngine.difference(greeks.get(g) + "_diff", a, b));
            Output richardson = output(plan, a.name() + SecondOrderError.RICHARDSON);
            if (richardson != null) {
                plan.outputs.add(MonteCarloEngine.difference(greeks.get(g) + "_diff" + SecondOrderError.RICHARDSON,
                        richardson, b));
            }
        }
        MonteCarlo.Result r = plan.run(paths, seed);

        Map<String, Double> analytic = null;
        long analyticNanos = 0;
        if (ModelTypes.analytic(problem.model()).unavailableReason(problem) == null) {
            long t0 = System.nanoTime();
            analytic = AnalyticEngine.analytic(problem, settings);
            analyticNanos = System.nanoTime() - t0;
        }
        Map<String, Double> v = new LinkedHashMap<>();
        for (String g : greeks) {
            int ib = r.indexOf(g + "_bump");
            int id = r.indexOf(g + "_diff");
            MonteCarloEngine.put(v, g + "_adjoint", g + "_adjoint", r);
            double adjoint = v.get(g + "_adjoint");
            double adjointStderr = v.get(g + "_adjoint_stderr");
            double diff = r.mean()[id];
            double diffStderr = r.stderr()[id];
            if (SecondOrderError.has(r, g + "_adjoint")) {
                // the sampling error of the per-path difference and the adjoint's bias estimate
                SecondOrderError.Estimate e = SecondOrderError.of(r, g + "_adjoint");
                if (e.richardson()) {
                    id = r.indexOf(g + "_diff" + SecondOrderError.RICHARDSON);
                    diff = r.mean()[id];
                    diffStderr = r.stderr()[id];
                }
                diffStderr = Math.hypot(diffStderr, e.bias());
            }
            v.put(g + "_bump", r.mean()[ib]);
            v.put(g + "_bump_stderr", SecondOrderError.reported(r.stderr()[ib], r.mean()[ib]));
            v.put(g + "_analytic", analytic != null && analytic.containsKey(g) ? analytic.get(g) : Double.NaN);
            v.put(g + "_z", zScore(diff, diffStderr, adjoint));
            v.put(g + "_z_analytic", analytic != null && analytic.containsKey(g)
                    ? zScore(adjoint - analytic.get(g), adjointStderr, adjoint) : Double.NaN);
        }
        v.put("time_adjoint_ms", r.groupNanos()[ADJOINT_GROUP] / 1e6);
        v.put("time_bump_ms", r.groupNanos()[BUMP_GROUP] / 1e6);
        v.put("time_analytic_ms", analytic != null ? analyticNanos / 1e6 : Double.NaN);
        double ms = (System.nanoTime() - start) / 1e6;
        return new TradeResult(trade.id(), trade.product().kind(), trade.modelName(), Method.COMPARE.word(), r.paths(),
                seed, v, ms, trade.quantity(), trade.underlying());
    }

    /** The output of {@code plan} named {@code name}, or null. */
    private static Output output(Plan plan, String name) {
        for (Output o : plan.outputs) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        return null;
    }

    /**
     * A difference over its standard error. An estimator without variance (a digital priced by its
     * conditional expectation over one exact step) has a standard error of 0: a difference within
     * the rounding of double arithmetic is then a z of 0, any other is undefined (NaN).
     */
    static double zScore(double difference, double stderr, double scale) {
        if (difference == 0.0) {
            return 0.0;
        }
        if (stderr > 0.0) {
            return difference / stderr;
        }
        return Math.abs(difference) <= 1e-12 * Math.max(1.0, Math.abs(scale)) ? 0.0 : Double.NaN;
    }
}
