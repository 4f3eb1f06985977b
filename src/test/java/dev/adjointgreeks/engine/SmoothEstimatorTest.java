package dev.adjointgreeks.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.adjointgreeks.model.BachelierModel;
import dev.adjointgreeks.model.BlackScholesModel;
import dev.adjointgreeks.model.HestonModel;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.product.Asian;
import dev.adjointgreeks.product.Averaging;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.OptionType;
import dev.adjointgreeks.product.Product;

/**
 * Estimators smooth path by path: the European conditioned over its last step and the Asian
 * conditioned on its terminal normal. Price, first- and second-order Greeks against closed forms
 * within 4 reported standard errors (plus, under Heston, the Euler bias measured by halving the
 * step); the conditioned and the kinked estimators agree on the same trade; gamma's standard error
 * at equal paths against the kinked estimator (asserted: at least 5x smaller for the European and the
 * Asian); and the Asian with one fixing, conditioned, is the European closed form to rounding (the
 * kink's Newton root and the series for the normal CDFs exact).
 */
class SmoothEstimatorTest {

    static final Set<String> ALL = Set.of("delta", "vega", "gamma", "vanna", "volga");
    static final String[] FIRST = {"price", "delta", "vega"};
    static final String[] SECOND = {"gamma", "vanna", "volga"};

    private static Trade trade(Product p, PathModel m, int steps) {
        return new Trade("s", p, m, 0, steps, null, 1, null);
    }

    /** Every named Greek of {@code t} by the adjoint engine within 4 SE (+ bias) of the analytic engine; returns the largest |z|. */
    private static double againstClosedForm(String what, Trade t, RunSettings s, double bias, String... greeks) {
        TradeResult exact = GreeksEngine.price(t, Method.ANALYTIC, s);
        TradeResult mc = GreeksEngine.price(t, Method.ADJOINT, s);
        double maxZ = 0;
        for (String g : greeks) {
            McAssert.within(what, exact.get(g), mc, g, bias * Math.max(1, Math.abs(exact.get(g))));
            double se = mc.get(g + "_stderr");
            maxZ = Math.max(maxZ, se > 0 ? Math.abs(mc.get(g) - exact.get(g)) / se : 0);
        }
        return maxZ;
    }

    @Test
    void conditionedEuropeanAgainstClosedFormsUnderBlackScholesAndBachelier() {
        RunSettings s = RunSettings.defaults(8_000, 31).withGreeks(ALL);
        String[] all = {"price", "delta", "vega", "gamma", "vanna", "volga"};
        // one exact step: the conditioned payoff is the closed form (no sampling error at all)
        TradeResult one = GreeksEngine.price(new Trade("s", new European(OptionType.CALL, 105, 0.5),
                new BlackScholesModel(100, 0.25, 0.03, 0.01)), Method.ADJOINT, s);
        assertEquals(0.0, one.get("price_stderr"));
        assertEquals(0.0, one.get("delta_stderr"));
        againstClosedForm("bs 1 step", new Trade("s", new European(OptionType.CALL, 105, 0.5),
                new BlackScholesModel(100, 0.25, 0.03, 0.01)), s, 0, all);
        againstClosedForm("bs 20 steps put", trade(new European(OptionType.PUT, 95, 1),
                new BlackScholesModel(100, 0.3, 0.03, 0.01), 20), s, 0, all);
        againstClosedForm("bachelier 10 steps", trade(new European(OptionType.PUT, 100, 1),
                new BachelierModel(100, 20, 0.03, 0.0), 10), s, 0, all);
        againstClosedForm("bachelier 1 step call", new Trade("s", new European(OptionType.CALL, 110, 2),
                new BachelierModel(100, 15, 0.02, 0.01)), s, 0, all);
    }

    @Test
    void conditionedEuropeanUnderHestonAgainstFourier() {
        RunSettings s = RunSettings.defaults(20_000, 5).withGreeks(Set.of("delta", "gamma"));
        HestonModel m = ReferenceTrades.HESTON;
        European e = new European(OptionType.CALL, 100, 1);
        // the Euler bias, measured on the price by halving the step (as in HestonMonteCarloTest)
        RunSettings priceOnly = RunSettings.defaults(20_000, 5).withGreeks(Set.of("delta"));
        double coarse = GreeksEngine.price(trade(e, m, 25), Method.ADJOINT, priceOnly).get("price");
        double fine = GreeksEngine.price(trade(e, m, 50), Method.ADJOINT, priceOnly).get("price");
        double relativeBias = Math.abs(coarse - fine) / fine;
        againstClosedForm("heston 50 steps", trade(e, m, 50), s, relativeBias, "price", "delta", "gamma");
    }

    @Test
    void conditionedAndKinkedEstimatorsAgree() {
        RunSettings s = RunSettings.defaults(8_000, 13).withGreeks(ALL);
        BlackScholesModel m = new BlackScholesModel(100, 0.25, 0.03, 0.01);
        Product[][] pairs = {
            {new European(OptionType.CALL, 100, 1), new European(OptionType.CALL, 100, 1, false)},
            {new Asian(OptionType.CALL, 100, 1, 12, Averaging.ARITHMETIC),
                new Asian(OptionType.CALL, 100, 1, 12, Averaging.ARITHMETIC, true, false)},
            {new Asian(OptionType.PUT, 105, 0.5, 6, Averaging.ARITHMETIC, false, true),
                new Asian(OptionType.PUT, 105, 0.5, 6, Averaging.ARITHMETIC, false, false)},
        };
        for (Product[] p : pairs) {
            TradeResult smooth = GreeksEngine.price(trade(p[0], m, 24), Method.ADJOINT, s);
            TradeResult kinked = GreeksEngine.price(trade(p[1], m, 24), Method.ADJOINT, s);
            for (String g : new String[] {"price", "delta", "vega", "gamma", "vanna", "volga"}) {
                // independent estimates of one number (different payoffs on the same paths: bound, not difference)
                McAssert.within(p[0].kind() + " " + g + " conditioned vs kinked", kinked.get(g), smooth.get(g),
                        smooth.get(g + "_stderr") + kinked.get(g + "_stderr"), 0);
            }
        }
    }

    @Test
    void anAsianOfOneFixingConditionedIsTheEuropeanClosedForm() {
        RunSettings s = RunSettings.defaults(2_000, 3).withGreeks(Set.of("delta", "vega"));
        for (double x : new double[] {-1.5, 0.0, 1.5}) {
            for (OptionType type : OptionType.values()) {
                double k = 100 * Math.exp(x * 0.4 * Math.sqrt(2));
                BlackScholesModel m = new BlackScholesModel(100, 0.4, 0.03, 0.01);
                TradeResult asian = GreeksEngine.price(new Trade("a",
                        new Asian(type, k, 2, 1, Averaging.ARITHMETIC, false), m), Method.ADJOINT, s);
                TradeResult exact = GreeksEngine.price(new Trade("a", new European(type, k, 2), m), Method.ANALYTIC, s);
                for (String g : FIRST) {
                    assertEquals(exact.get(g), asian.get(g), 1e-11 * Math.max(1, Math.abs(exact.get(g))), type + " x=" + x + " " + g);
                }
            }
        }
    }

    /**
     * Gamma's standard error at equal paths, conditioned against kinked: at least 5x smaller for the
     * default European (one exact step: only the difference's bias remains) and the 52-fixing Asian
     * (measured about 750x and 160x); Europeans over many steps (last-step conditioning smooths over
     * one short step: Bachelier 10 steps about 5x, Black-Scholes 50 steps 2.4x, Heston 50 steps 3.7x)
     * are measured and printed.
     */
    @Test
    void gammaStandardErrorAgainstTheKinkedEstimator() {
        RunSettings s = RunSettings.defaults(10_000, 17).withGreeks(Set.of("delta", "gamma"));
        BlackScholesModel bs = new BlackScholesModel(100, 0.2, 0.03, 0.01);
        Object[][] cases = {
            {"european bs 1 step", new European(OptionType.CALL, 100, 1), new European(OptionType.CALL, 100, 1, false), bs, 0, true},
            {"european bachelier 10 steps", new European(OptionType.CALL, 100, 1),
                new European(OptionType.CALL, 100, 1, false), new BachelierModel(100, 20, 0.03, 0.0), 10, false},
            {"asian 52 fixings", new Asian(OptionType.CALL, 100, 1, 52, Averaging.ARITHMETIC),
                new Asian(OptionType.CALL, 100, 1, 52, Averaging.ARITHMETIC, true, false), bs, 0, true},
            {"european bs 50 steps", new European(OptionType.CALL, 100, 1), new European(OptionType.CALL, 100, 1, false), bs, 50, false},
            {"european heston 50 steps", new European(OptionType.CALL, 100, 1),
                new European(OptionType.CALL, 100, 1, false), ReferenceTrades.HESTON, 50, false},
        };
        List<String> misses = new ArrayList<>();
        for (Object[] c : cases) {
            TradeResult smooth = GreeksEngine.price(trade((Product) c[1], (PathModel) c[3], (int) c[4]), Method.ADJOINT, s);
            TradeResult kinked = GreeksEngine.price(trade((Product) c[2], (PathModel) c[3], (int) c[4]), Method.ADJOINT, s);
            double ratio = kinked.get("gamma_stderr") / smooth.get("gamma_stderr");
            System.out.printf("gamma stderr, kinked / conditioned, %s: %.4g / %.4g = %.1f; price stderr %.4g -> %.4g,"
                    + " delta stderr %.4g -> %.4g%n", c[0], kinked.get("gamma_stderr"), smooth.get("gamma_stderr"), ratio,
                    kinked.get("price_stderr"), smooth.get("price_stderr"), kinked.get("delta_stderr"),
                    smooth.get("delta_stderr"));
            // price and delta: the conditioned estimator's standard error never grows
            assertTrue(smooth.get("price_stderr") <= kinked.get("price_stderr") * 1.02, c[0] + ": price stderr grew");
            assertTrue(smooth.get("delta_stderr") <= kinked.get("delta_stderr") * 1.02, c[0] + ": delta stderr grew");
            if ((boolean) c[5] && !(ratio >= 5)) {
                misses.add(c[0] + ": " + ratio);
            }
        }
        assertTrue(misses.isEmpty(), "gamma stderr less than 5x smaller: " + misses);
    }

    @Test
    void geometricAsianGrid() {
        asianGrid(new double[] {7.0 / 365, 0.5, 2.0}, new double[] {0.1, 0.35, 0.6}, true, 4_000);
    }

    @Tag("slow")
    @Test
    void geometricAsianGridFull() {
        asianGrid(new double[] {7.0 / 365, 30.0 / 365, 0.25, 0.5, 1.0, 2.0}, new double[] {0.1, 0.2, 0.35, 0.6}, false,
                20_000);
    }

    /**
     * Conditioned geometric Asians (12 fixings; calls for x >= 0, puts below,
     * {@code K = S e^{x vol sqrt T}}) against the closed form: price, delta, vega, gamma, vanna, volga.
     */
    private static void asianGrid(double[] maturities, double[] vols, boolean diagonal, long paths) {
        double[] xs = {-1.5, -0.5, 0.0, 0.5, 1.5};
        RunSettings s = RunSettings.defaults(paths, 20261206).withGreeks(ALL);
        int checks = 0;
        double maxZ = 0;
        for (int ix = 0; ix < xs.length; ix++) {
            for (int it = 0; it < maturities.length; it++) {
                for (int iv = 0; iv < vols.length; iv++) {
                    if (diagonal && iv != (it + ix) % vols.length) {
                        continue;
                    }
                    double t = maturities[it];
                    double vol = vols[iv];
                    double k = 100 * Math.exp(xs[ix] * vol * Math.sqrt(t));
                    OptionType type = xs[ix] >= 0 ? OptionType.CALL : OptionType.PUT;
                    Trade trade = new Trade("g", new Asian(type, k, t, 12, Averaging.GEOMETRIC),
                            new BlackScholesModel(100, vol, 0.03, 0.01));
                    String what = String.format("geometric asian x=%s T=%.4f vol=%s", xs[ix], t, vol);
                    maxZ = Math.max(maxZ, againstClosedForm(what, trade, s, 0, "price", "delta", "vega", "gamma",
                            "vanna", "volga"));
                    checks += 6;
                }
            }
        }
        System.out.printf("geometric Asian grid: %d checks at %d paths, largest |z| %.2f%n", checks, paths, maxZ);
    }
}
