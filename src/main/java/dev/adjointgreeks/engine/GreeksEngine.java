package dev.adjointgreeks.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

import dev.adjointgreeks.mc.MonteCarlo;
import dev.adjointgreeks.mc.MonteCarlo.Output;
import dev.adjointgreeks.mc.PricingProblem;

/**
 * Turns a trade into its price and Greeks by one of the four {@link Method}s.
 *
 * <ul>
 * <li>adjoint: one adjoint sweep per path gives every first-order Greek; second order (gamma,
 * cross gammas, vanna, volga) by central differences of adjoint gradients under common random
 * numbers, spot bumped by {@code spotBump2} (relative, default 1%) and vol by {@code volBump2}
 * (absolute, default 0.01).</li>
 * <li>bump: central (or forward) differences of the same generic pricer on the passive scalar,
 * common random numbers; second order by three- and four-point differences with the same
 * second-order bump sizes.</li>
 * <li>analytic: the closed form on commons-math3 derivative structures of order 2 (exact
 * derivatives of the formula); Heston by central differences of its Fourier price.</li>
 * <li>compare: adjoint and bump in the same run on the same paths, each Greek's difference as a
 * z-score against the standard error of the per-path difference, and the analytic value.</li>
 * </ul>
 */
public final class GreeksEngine {

    private static final int ADJOINT_GROUP = 0;
    private static final int BUMP_GROUP = 1;

    private GreeksEngine() {
    }

    public static TradeResult price(Trade trade, Method method, RunSettings settings) {
        PricingProblem problem = trade.problem();
        long paths = trade.pathsFor(settings.paths());
        long seed = trade.seedFor(settings.seed());
        long start = System.nanoTime();
        Map<String, Double> values = new LinkedHashMap<>();
        long pathsUsed = paths;
        switch (method) {
            case ADJOINT:
            case BUMP: {
                Plan plan = new Plan(problem, settings);
                List<String> names = method == Method.ADJOINT ? adjointGreeks(plan, ADJOINT_GROUP, "")
                        : bumpGreeks(plan, BUMP_GROUP, "");
                MonteCarlo.Result r = plan.run(paths, seed);
                pathsUsed = r.paths();
                for (String n : names) {
                    int i = r.indexOf(n);
                    values.put(n, r.mean()[i]);
                    values.put(n + "_stderr", r.stderr()[i]);
                }
                break;
            }
            case ANALYTIC: {
                pathsUsed = 0;
                values.putAll(analytic(problem, settings));
                break;
            }
            case COMPARE:
                return compare(trade, problem, settings, paths, seed);
            default:
                throw new AssertionError(method);
        }
        double ms = (System.nanoTime() - start) / 1e6;
        return new TradeResult(trade.id(), trade.product().kind(), trade.modelName(), method.word(), pathsUsed,
                method == Method.ANALYTIC ? 0 : seed, values, ms, trade.quantity(), trade.underlying());
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
        return method == Method.ANALYTIC ? analyticScenarios(trade, settings, scenarios, inputs, scenarioGreeks)
                : monteCarloScenarios(trade, method, settings, scenarios, inputs, scenarioGreeks);
    }

    private static List<TradeResult> monteCarloScenarios(Trade trade, Method method, RunSettings settings,
            List<Scenario> scenarios, double[][] inputs, boolean scenarioGreeks) {
        long start = System.nanoTime();
        long paths = trade.pathsFor(settings.paths());
        long seed = trade.seedFor(settings.seed());
        Plan plan = new Plan(trade.problem(), settings);
        List<String> names = method == Method.ADJOINT ? adjointGreeks(plan, 0, "") : bumpGreeks(plan, 0, "");
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
                own = method == Method.ADJOINT ? adjointGreeks(at, group, suffix) : bumpGreeks(at, group, suffix);
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
            int i = r.indexOf(n);
            baseValues.put(n, r.mean()[i]);
            baseValues.put(n + "_stderr", r.stderr()[i]);
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
                int i = r.indexOf(n);
                String plain = n.substring(0, n.length() - suffix.length());
                v.put(plain, r.mean()[i]);
                v.put(plain + "_stderr", r.stderr()[i]);
            }
            int p = r.indexOf("pnl" + suffix);
            double share = totalNanos > 0 && k + 1 < nanos.length ? nanos[k + 1] / totalNanos : 0.0;
            out.add(row(trade, method, r.paths(), seed, scenarioValues(v, r.mean()[p], r.stderr()[p], true),
                    wallMs * share, scenario));
        }
        return out;
    }

    private static List<TradeResult> analyticScenarios(Trade trade, RunSettings settings, List<Scenario> scenarios,
            double[][] inputs, boolean scenarioGreeks) {
        long t0 = System.nanoTime();
        Map<String, Double> baseValues = analytic(trade.problem(), settings);
        List<TradeResult> out = new ArrayList<>();
        out.add(row(trade, Method.ANALYTIC, 0, 0, scenarioValues(baseValues, 0, 0, true), (System.nanoTime() - t0) / 1e6,
                TradeResult.BASE));
        double basePrice = baseValues.get("price");
        RunSettings own = scenarioGreeks ? settings : settings.withSecondOrder(false);
        for (int k = 0; k < inputs.length; k++) {
            String scenario = scenarios.get(k).name();
            if (inputs[k] == null) {
                out.add(row(trade, Method.ANALYTIC, 0, 0, scenarioValues(baseValues, 0, 0, scenarioGreeks), 0.0,
                        scenario));
                continue;
            }
            long t = System.nanoTime();
            // the shocked trade's own closed form: the same number as pricing its shocked row
            Map<String, Double> v = analytic(scenarios.get(k).shocked().problem(), own);
            if (!scenarioGreeks) {
                v = Map.of("price", v.get("price"), "price_stderr", 0.0);
            }
            out.add(row(trade, Method.ANALYTIC, 0, 0, scenarioValues(v, v.get("price") - basePrice, 0.0, true),
                    (System.nanoTime() - t) / 1e6, scenario));
        }
        return out;
    }

    /** price, price_stderr, pnl, pnl_stderr, then the Greeks of {@code v} when {@code greeks}. */
    private static Map<String, Double> scenarioValues(Map<String, Double> v, double pnl, double pnlStderr,
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

    private static TradeResult row(Trade trade, Method method, long paths, long seed, Map<String, Double> values,
            double ms, String scenario) {
        return new TradeResult(trade.id(), trade.product().kind(), trade.modelName(), method.word(), paths, seed,
                values, ms, trade.quantity(), trade.underlying(), scenario);
    }

    // ------------------------------------------------------------------ adjoint

    /** Adds the adjoint evaluators and outputs; returns the output names ({@code price}, Greeks). */
    static List<String> adjointGreeks(Plan plan, int group, String suffix) {
        PricingProblem p = plan.problem;
        GreekCatalogue catalogue = plan.settings.catalogue(p);
        List<String> names = new ArrayList<>();
        int base = plan.adjoint(group, null);
        plan.output("price" + suffix, new int[] {base}, new int[] {0}, new double[] {1.0});
        names.add("price" + suffix);
        for (Greek.FirstOrder g : catalogue.firstOrder()) {
            plan.output(g.column() + suffix, new int[] {base}, new int[] {1 + g.input()}, new double[] {g.sign()});
            names.add(g.column() + suffix);
        }
        // Second order: central differences of adjoint gradients, one bumped pair of evaluators per
        // bumped input, shared by every Greek that needs it.
        Map<Integer, int[]> bumped = new HashMap<>();
        Map<Integer, Double> h = new HashMap<>();
        for (Greek.SecondOrder g : catalogue.secondOrder()) {
            for (int side = 0; side < 2; side++) {
                int in = side == 0 ? g.inputA() : g.inputB();
                if (!bumped.containsKey(in)) {
                    double size = Greek.SecondOrder.bump(side == 0 ? g.blockA() : g.blockB(), plan.settings,
                            plan.base[in]);
                    h.put(in, size);
                    bumped.put(in, new int[] {plan.adjoint(group, plan.bump(in, size)),
                        plan.adjoint(group, plan.bump(in, -size))});
                }
            }
        }
        for (Greek.SecondOrder g : catalogue.secondOrder()) {
            int a = g.inputA();
            int b = g.inputB();
            double ha = h.get(a);
            double hb = h.get(b);
            String n = g.column() + suffix;
            if (a == b && !g.isSpotDiagonal()) {
                // volga: the difference of the vega of the vol-bumped evaluators
                plan.output(n, bumped.get(a), new int[] {1 + a, 1 + a}, new double[] {0.5 / ha, -0.5 / ha});
            } else {
                // symmetrised: (d g_b / d x_a + d g_a / d x_b) / 2
                plan.output(n, new int[] {bumped.get(a)[0], bumped.get(a)[1], bumped.get(b)[0], bumped.get(b)[1]},
                        new int[] {1 + b, 1 + b, 1 + a, 1 + a},
                        new double[] {0.25 / ha, -0.25 / ha, 0.25 / hb, -0.25 / hb});
            }
            names.add(n);
        }
        return names;
    }

    // ------------------------------------------------------------------ bump and revalue

    static List<String> bumpGreeks(Plan plan, int group, String suffix) {
        PricingProblem p = plan.problem;
        RunSettings s = plan.settings;
        GreekCatalogue catalogue = s.catalogue(p);
        List<String> names = new ArrayList<>();
        int base = plan.passive(group, null);
        plan.output("price" + suffix, new int[] {base}, new int[] {0}, new double[] {1.0});
        names.add("price" + suffix);
        for (Greek.FirstOrder g : catalogue.firstOrder()) {
            int k = g.input();
            double h = g.bump(s, plan.base[k]);
            double sign = g.sign();
            String n = g.column() + suffix;
            int up = plan.passive(group, plan.bump(k, h));
            if (s.central()) {
                int down = plan.passive(group, plan.bump(k, -h));
                plan.output(n, new int[] {up, down}, new int[] {0, 0}, new double[] {sign * 0.5 / h, -sign * 0.5 / h});
            } else {
                plan.output(n, new int[] {up, base}, new int[] {0, 0}, new double[] {sign / h, -sign / h});
            }
            names.add(n);
        }
        Map<Integer, int[]> bumped = new HashMap<>();
        for (Greek.SecondOrder g : catalogue.secondOrder()) {
            int a = g.inputA();
            int b = g.inputB();
            double ha = Greek.SecondOrder.bump(g.blockA(), s, plan.base[a]);
            double hb = Greek.SecondOrder.bump(g.blockB(), s, plan.base[b]);
            String n = g.column() + suffix;
            if (a == b) {
                int[] ud = bumped.computeIfAbsent(a, i -> new int[] {plan.passive(group, plan.bump(i, ha)),
                    plan.passive(group, plan.bump(i, -ha))});
                double inv = 1.0 / (ha * ha);
                plan.output(n, new int[] {ud[0], base, ud[1]}, new int[] {0, 0, 0}, new double[] {inv, -2 * inv, inv});
            } else {
                cross(plan, group, n, a, ha, b, hb);
            }
            names.add(n);
        }
        return names;
    }

    /** Four-point mixed second difference. */
    private static void cross(Plan plan, int group, String name, int i, double hi, int j, double hj) {
        int pp = plan.passive(group, plan.bump(i, hi, j, hj));
        int pm = plan.passive(group, plan.bump(i, hi, j, -hj));
        int mp = plan.passive(group, plan.bump(i, -hi, j, hj));
        int mm = plan.passive(group, plan.bump(i, -hi, j, -hj));
        double c = 0.25 / (hi * hj);
        plan.output(name, new int[] {pp, pm, mp, mm}, new int[] {0, 0, 0, 0}, new double[] {c, -c, -c, c});
    }

    // ------------------------------------------------------------------ analytic

    /** Price and Greeks from the closed form (standard errors 0). */
    static Map<String, Double> analytic(PricingProblem p, RunSettings settings) {
        Analytic formula = ModelTypes.analytic(p.model());
        String reason = formula.unavailableReason(p);
        if (reason != null) {
            throw new UnsupportedOperationException(reason);
        }
        GreekCatalogue catalogue = settings.catalogue(p);
        double[] x = p.inputValues();
        int n = x.length;
        Map<String, Double> v = new LinkedHashMap<>();
        if (!formula.fieldGeneric()) {
            // a price in double precision only (Heston's Fourier inversion): central differences
            double price = formula.price(p, x);
            put(v, "price", price);
            for (Greek.FirstOrder g : catalogue.firstOrder()) {
                int k = g.input();
                double h = 1e-4 * Math.max(Math.abs(x[k]), 0.01);
                double up = formula.price(p, shift(x, k, h));
                double down = formula.price(p, shift(x, k, -h));
                put(v, g.column(), g.sign() * (up - down) / (2 * h));
            }
            for (Greek.SecondOrder g : catalogue.secondOrder()) {
                if (g.isSpotDiagonal()) {
                    int s = g.inputA();
                    double h = settings.spotBump2() * x[s];
                    double up = formula.price(p, shift(x, s, h));
                    double down = formula.price(p, shift(x, s, -h));
                    put(v, g.column(), (up - 2 * price + down) / (h * h));
                }
            }
            return v;
        }
        int order = catalogue.secondOrder().isEmpty() ? 1 : 2;
        DerivativeStructure[] ds = new DerivativeStructure[n];
        for (int k = 0; k < n; k++) {
            ds[k] = new DerivativeStructure(n, order, k, x[k]);
        }
        DerivativeStructure price = formula.price(p, ds);
        put(v, "price", price.getValue());
        int[] orders = new int[n];
        for (Greek.FirstOrder g : catalogue.firstOrder()) {
            orders[g.input()] = 1;
            put(v, g.column(), g.sign() * price.getPartialDerivative(orders));
            orders[g.input()] = 0;
        }
        for (Greek.SecondOrder g : catalogue.secondOrder()) {
            orders[g.inputA()]++;
            orders[g.inputB()]++;
            put(v, g.column(), price.getPartialDerivative(orders));
            orders[g.inputA()] = 0;
            orders[g.inputB()] = 0;
        }
        return v;
    }

    private static void put(Map<String, Double> v, String name, double value) {
        v.put(name, value);
        v.put(name + "_stderr", 0.0);
    }

    private static double[] shift(double[] x, int k, double h) {
        double[] y = x.clone();
        y[k] += h;
        return y;
    }

    // ------------------------------------------------------------------ compare

    private static TradeResult compare(Trade trade, PricingProblem problem, RunSettings settings, long paths, long seed) {
        long start = System.nanoTime();
        Plan plan = new Plan(problem, settings);
        List<String> adj = adjointGreeks(plan, ADJOINT_GROUP, "_adjoint");
        int adjointOutputs = plan.outputs.size();
        List<String> bump = bumpGreeks(plan, BUMP_GROUP, "_bump");
        List<Output> adjointOut = new ArrayList<>(plan.outputs.subList(0, adjointOutputs));
        List<Output> bumpOut = new ArrayList<>(plan.outputs.subList(adjointOutputs, plan.outputs.size()));
        List<String> greeks = new ArrayList<>();
        for (String n : adj) {
            greeks.add(n.substring(0, n.length() - "_adjoint".length()));
        }
        for (int g = 0; g < greeks.size(); g++) {
            Output a = adjointOut.get(g);
            Output b = bumpOut.get(bump.indexOf(greeks.get(g) + "_bump"));
            plan.outputs.add(difference(greeks.get(g) + "_diff", a, b));
        }
        MonteCarlo.Result r = plan.run(paths, seed);

        Map<String, Double> analytic = null;
        long analyticNanos = 0;
        if (ModelTypes.analytic(problem.model()).unavailableReason(problem) == null) {
            long t0 = System.nanoTime();
            analytic = analytic(problem, settings);
            analyticNanos = System.nanoTime() - t0;
        }
        Map<String, Double> v = new LinkedHashMap<>();
        for (String g : greeks) {
            int ia = r.indexOf(g + "_adjoint");
            int ib = r.indexOf(g + "_bump");
            int id = r.indexOf(g + "_diff");
            v.put(g + "_adjoint", r.mean()[ia]);
            v.put(g + "_adjoint_stderr", r.stderr()[ia]);
            v.put(g + "_bump", r.mean()[ib]);
            v.put(g + "_bump_stderr", r.stderr()[ib]);
            v.put(g + "_analytic", analytic != null && analytic.containsKey(g) ? analytic.get(g) : Double.NaN);
            v.put(g + "_z", zScore(r.mean()[id], r.stderr()[id], r.mean()[ia]));
            v.put(g + "_z_analytic", analytic != null && analytic.containsKey(g)
                    ? zScore(r.mean()[ia] - analytic.get(g), r.stderr()[ia], r.mean()[ia]) : Double.NaN);
        }
        v.put("time_adjoint_ms", r.groupNanos()[ADJOINT_GROUP] / 1e6);
        v.put("time_bump_ms", r.groupNanos()[BUMP_GROUP] / 1e6);
        v.put("time_analytic_ms", analytic != null ? analyticNanos / 1e6 : Double.NaN);
        double ms = (System.nanoTime() - start) / 1e6;
        return new TradeResult(trade.id(), trade.product().kind(), trade.modelName(), Method.COMPARE.word(), r.paths(),
                seed, v, ms, trade.quantity(), trade.underlying());
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

    private static Output difference(String name, Output a, Output b) {
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
