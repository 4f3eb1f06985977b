package dev.adjointgreeks.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static dev.adjointgreeks.engine.RunSettings.SecondOrderMethod.DIFFERENCES;

import dev.adjointgreeks.mc.MonteCarlo;
import dev.adjointgreeks.model.BlackScholesModel;
import dev.adjointgreeks.product.Digital;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.OptionType;
import dev.adjointgreeks.product.Product;

/**
 * Second-order Greeks you can trust. By default the smooth estimators (the conditioned digital and
 * European) give gamma, vanna and volga by tangent-over-adjoint: exact pathwise second derivatives,
 * unbiased, so their standard error is the sampling error alone (0 when the one-step estimator is
 * the closed form itself, and then equal to it to rounding). Differences of adjoint gradients (the
 * comparison, and every estimator that is not smooth path by path) report a standard error that
 * covers the difference's bias ({@link SecondOrderError}). Under Black-Scholes (one exact step) the
 * digital's price and delta carry no sampling error, so its gamma's former standard error was 0
 * while the 1% spot bump left it 1-2% off the closed form: the issue's two examples are now within
 * 4 reported standard errors, and the test asserts that the former reporting (the sampling error of
 * {@code D(h)} alone) fails them. A held-out-style grid of digitals and Europeans checks gamma,
 * vanna and volga against the analytic engine (closed forms on DerivativeStructure order 2), and
 * asserts that the former reporting fails some of them.
 */
class SecondOrderErrorTest {

    static final double S = 100;
    static final Set<String> SECOND = Set.of("gamma", "vanna", "volga");

    /** {type, strike, maturity, vol}: the issue's digital call (closed-form gamma 0.006149) and put. */
    static final Object[][] ISSUE_DIGITALS = {
        {OptionType.CALL, 104.0, 0.08, 0.2},
        {OptionType.PUT, 97.0, 0.05, 0.25},
    };

    @Test
    void issueDigitalsAreCoveredAndTheOldReportingWouldNotBe() {
        for (Object[] c : ISSUE_DIGITALS) {
            Trade t = new Trade("d", new Digital((OptionType) c[0], (double) c[1], (double) c[2], 1.0),
                    new BlackScholesModel(S, (double) c[3], 0.03, 0.0));
            RunSettings s = RunSettings.defaults(2_000, 20261206).withGreeks(SECOND);
            TradeResult exact = GreeksEngine.price(t, Method.ANALYTIC, s);
            TradeResult tangent = GreeksEngine.price(t, Method.ADJOINT, s);
            TradeResult mc = GreeksEngine.price(t, Method.ADJOINT, s.withSecondOrderMethod(DIFFERENCES));
            String what = "digital " + c[0] + " K=" + c[1] + " T=" + c[2];
            if (c == ISSUE_DIGITALS[0]) {
                assertEquals(0.006149, exact.get("gamma"), 5e-7, "the issue's closed-form gamma");
            }
            for (String g : new String[] {"gamma", "vanna", "volga"}) {
                // tangent-over-adjoint on the one-step conditioned digital: the closed form, exact
                assertEquals(0.0, tangent.get(g + "_stderr"), what + " " + g);
                assertEquals(exact.get(g), tangent.get(g), 1e-10 * Math.abs(exact.get(g)), what + " " + g + " tangent");
                McAssert.within(what, exact.get(g), mc, g, 0.0);
                assertTrue(mc.get(g + "_stderr") > 0, what + " " + g + ": a biased difference reports no error");
            }
            MonteCarlo.Result r = formerReporting(t, s);
            int i = r.indexOf("gamma");
            double oldZ = Math.abs(r.mean()[i] - exact.get("gamma"))
                    / Math.max(r.stderr()[i], 1e-12 * Math.abs(exact.get("gamma")));
            assertTrue(oldZ > McAssert.SIGMAS, what + ": the former error bar would have covered gamma (z " + oldZ + ")");
            assertTrue(Math.abs(r.mean()[i] - exact.get("gamma")) > 0.005 * exact.get("gamma"),
                    what + ": D(h) is more than 0.5% off, as the issue reports");
        }
    }

    /** The former reporting: {@code D(h)} (the output named for the Greek) with the sampling error of the difference alone. */
    private static MonteCarlo.Result formerReporting(Trade t, RunSettings s) {
        Plan plan = new Plan(t.problem(), s.withSecondOrderMethod(DIFFERENCES));
        AdjointEngine.adjointGreeks(plan, 0, "");
        return plan.run(s.paths(), t.seedFor(s.seed()));
    }

    @Test
    void standardErrorBelowRoundingIsZero() {
        assertEquals(0.0, SecondOrderError.reported(3e-22, 0.5));
        assertEquals(1e-9, SecondOrderError.reported(1e-9, 0.5));
        assertEquals(1e-30, SecondOrderError.reported(1e-30, 0.0));
        // the one-step digital's price and delta are exact: their standard errors are written as 0
        Trade t = new Trade("d", new Digital(OptionType.CALL, 104.0, 0.08, 1.0), new BlackScholesModel(S, 0.2, 0.03, 0.0));
        TradeResult mc = GreeksEngine.price(t, Method.ADJOINT, RunSettings.defaults(500, 7).withGreeks(Set.of("delta")));
        assertEquals(0.0, mc.get("price_stderr"));
        assertEquals(0.0, mc.get("delta_stderr"));
    }

    @Test
    void heldOutStyleGrid() {
        grid(new double[] {7.0 / 365, 0.5, 2.0}, new double[] {0.1, 0.35, 0.6}, true, 4_000);
    }

    @Tag("slow")
    @Test
    void heldOutStyleGridFull() {
        grid(new double[] {7.0 / 365, 30.0 / 365, 0.25, 0.5, 1.0, 2.0}, new double[] {0.1, 0.2, 0.35, 0.6}, false,
                50_000);
    }

    /** |value - exact| in reported standard errors; a 0 standard error must mean exact to rounding. */
    private static double z(TradeResult mc, TradeResult exact, String g) {
        double se = mc.get(g + "_stderr");
        double diff = mc.get(g) - exact.get(g);
        return se > 0 ? Math.abs(diff) / se
                : Math.abs(diff) <= 1e-10 * Math.max(1e-6, Math.abs(exact.get(g))) ? 0 : Double.POSITIVE_INFINITY;
    }

    /**
     * Digitals and Europeans (calls for x >= 0, puts below), {@code K = S e^{x vol sqrt(T)}}; with
     * {@code diagonal}, each x takes three (T, vol) pairs of a Latin square instead of all of them.
     */
    private static void grid(double[] maturities, double[] vols, boolean diagonal, long paths) {
        double[] xs = {-1.5, -0.5, 0.0, 0.5, 1.5};
        List<String> failures = new ArrayList<>();
        int checks = 0;
        int formerFailures = 0;
        double maxZ = 0;
        double maxZDifferences = 0;
        RunSettings s = RunSettings.defaults(paths, 20261206).withGreeks(SECOND);
        for (int ix = 0; ix < xs.length; ix++) {
            for (int it = 0; it < maturities.length; it++) {
                for (int iv = 0; iv < vols.length; iv++) {
                    if (diagonal && iv != (it + ix) % vols.length) {
                        continue;
                    }
                    double t = maturities[it];
                    double vol = vols[iv];
                    double k = S * Math.exp(xs[ix] * vol * Math.sqrt(t));
                    OptionType type = xs[ix] >= 0 ? OptionType.CALL : OptionType.PUT;
                    for (Product p : new Product[] {new Digital(type, k, t, 1.0), new European(type, k, t)}) {
                        Trade trade = new Trade("g", p, new BlackScholesModel(S, vol, 0.03, 0.01));
                        TradeResult exact = GreeksEngine.price(trade, Method.ANALYTIC, s);
                        TradeResult mc = GreeksEngine.price(trade, Method.ADJOINT, s);
                        TradeResult fd = GreeksEngine.price(trade, Method.ADJOINT, s.withSecondOrderMethod(DIFFERENCES));
                        MonteCarlo.Result former = formerReporting(trade, s);
                        for (String g : SECOND) {
                            double z = z(mc, exact, g);
                            double zd = z(fd, exact, g);
                            maxZDifferences = Math.max(maxZDifferences, zd);
                            if (!(zd <= McAssert.SIGMAS)) {
                                failures.add(String.format("differences %s x=%s T=%.4f vol=%s %s: %.6g vs %.6g, z %.2f",
                                        p.kind(), xs[ix], t, vol, g, fd.get(g), exact.get(g), zd));
                            }
                            double se = mc.get(g + "_stderr");
                            checks++;
                            int i = former.indexOf(g);
                            if (Math.abs(former.mean()[i] - exact.get(g)) > McAssert.SIGMAS * former.stderr()[i]
                                    + 1e-12 * Math.max(1, Math.abs(exact.get(g)))) {
                                formerFailures++;
                            }
                            maxZ = Math.max(maxZ, z);
                            if (!(z <= McAssert.SIGMAS)) {
                                failures.add(String.format("%s x=%s T=%.4f vol=%s %s: %.6g vs %.6g, se %.3g, z %.2f",
                                        p.kind(), xs[ix], t, vol, g, mc.get(g), exact.get(g), se, z));
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("second-order grid: %d checks at %d paths, largest |z| %.2f by tangent-over-adjoint, "
                + "%.2f by differences; the former reporting fails %d%n", checks, paths, maxZ, maxZDifferences,
                formerFailures);
        assertTrue(formerFailures > 0, "the grid has no case the former reporting fails");
        assertTrue(failures.isEmpty(), failures.size() + " of " + checks + " outside 4 SE:\n" + String.join("\n", failures));
    }
}
