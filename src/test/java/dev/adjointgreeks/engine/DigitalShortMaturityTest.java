package dev.adjointgreeks.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.adjointgreeks.model.BlackScholesModel;
import dev.adjointgreeks.model.HestonModel;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.product.Digital;
import dev.adjointgreeks.product.OptionType;

/**
 * The digital at short maturities (a few days to a few months, vol 0.1 to 0.4), where the former
 * smoothing width of 0.01 in log-moneyness was not small against vol sqrt(T) (0.7% off in price,
 * up to 7% in vega, 6 to 18 standard errors at 200,000 paths). The conditional expectation over the
 * last step is unbiased: price, delta, vega and theta within 4 standard errors of the closed form;
 * gamma within 4 standard errors of the closed form's own central difference of deltas (the
 * estimator's only bias, the 1% spot bump). Black-Scholes is forced to 4 steps so that the
 * estimator has variance (with its default single step it is the closed form itself).
 *
 * <p>Cheaper sizes with the power that matters: at 100,000 paths the Black-Scholes tolerance
 * (4 standard errors) is checked to be smaller than the former smoothing's bias in price or vega
 * on the two examples, so this test fails the old estimator. {@code @Tag("slow")} repeats
 * everything at the 1,000,000 paths the issue names
 * ({@code mvn test -Dgroups=slow -DexcludedGroups=none}).
 */
class DigitalShortMaturityTest {

    static final double S = 100;
    static final HestonModel HESTON = new HestonModel(S, 0.04, 1.5, 0.04, 0.3, -0.7, 0.03, 0.0);
    static final Set<String> GREEKS = Set.of("delta", "gamma", "vega", "theta");

    /** {type, strike, maturity, vol}: short call at 7 days, the two examples, a put at 3 months. */
    static final Object[][] BS_CASES = {
        {OptionType.CALL, 101.0, 7.0 / 365, 0.2},
        {OptionType.CALL, 103.0, 0.019, 0.3},
        {OptionType.PUT, 97.0, 0.1, 0.15},
        {OptionType.PUT, 95.0, 0.25, 0.4},
        {OptionType.CALL, 102.0, 0.05, 0.1},
    };

    /** {type, strike, maturity} under Heston (vol about 0.2), 20 Euler steps (the digital is exact for the Euler step). */
    static final Object[][] HESTON_CASES = {
        {OptionType.CALL, 101.0, 0.02},
        {OptionType.PUT, 97.0, 0.1},
    };

    @Test
    void blackScholesShortMaturities() {
        blackScholes(100_000);
    }

    @Test
    void hestonEulerShortMaturities() {
        heston(20_000);
    }

    @Tag("slow")
    @Test
    void blackScholesShortMaturitiesAtAMillionPaths() {
        blackScholes(1_000_000);
    }

    @Tag("slow")
    @Test
    void hestonEulerShortMaturitiesAtAMillionPaths() {
        heston(1_000_000);
    }

    private static void blackScholes(long paths) {
        for (Object[] c : BS_CASES) {
            double vol = (double) c[3];
            TradeResult mc = check(new Digital((OptionType) c[0], (double) c[1], (double) c[2], 1.0), new BlackScholesModel(S, vol, 0.03,
                    0.01), v -> new BlackScholesModel(S + v, vol, 0.03, 0.01), 4, paths, false);
            if (c == BS_CASES[1] || c == BS_CASES[2]) {
                // the examples: the former smoothing (width 0.01) was further off than our tolerance
                OptionType type = (OptionType) c[0];
                DerivativeStructure old = BlackScholesMonteCarloTest.smoothedDigitalByQuadrature(type, S, (double) c[1],
                        (double) c[2], 0.03, 0.01, vol, 1.0, Digital.DEFAULT_WIDTH);
                TradeResult exact = GreeksEngine.price(new Trade("d", new Digital(type, (double) c[1], (double) c[2], 1.0),
                        new BlackScholesModel(S, vol, 0.03, 0.01)), Method.ANALYTIC, RunSettings.defaults(1, 1));
                double zPrice = Math.abs(old.getValue() - exact.get("price")) / mc.get("price_stderr");
                double zVega = Math.abs(old.getPartialDerivative(0, 1, 0) - exact.get("vega")) / mc.get("vega_stderr");
                assertTrue(Math.max(zPrice, zVega) > McAssert.SIGMAS, "the test would catch the former bias: z "
                        + zPrice + " (price), " + zVega + " (vega)");
            }
        }
    }

    private static void heston(long paths) {
        for (Object[] c : HESTON_CASES) {
            check(new Digital((OptionType) c[0], (double) c[1], (double) c[2], 1.0), HESTON,
                    v -> new HestonModel(S + v, 0.04, 1.5, 0.04, 0.3, -0.7, 0.03, 0.0), 20, paths,
                    paths >= 500_000);
        }
    }

    /**
     * With {@code eulerBias}, the model's discretisation bias (not the digital's: the estimator is
     * exact for the Euler step) is measured by halving the step, as in {@code HestonMonteCarloTest}:
     * the test runs at {@code 2 steps} and allows {@code |g(steps) - g(2 steps)|}. At a million paths
     * Heston's 20-step Euler bias in theta reaches 4.7 standard errors (T = 0.1).
     */
    private static TradeResult check(Digital d, PathModel m, java.util.function.DoubleFunction<PathModel> shifted, int steps,
            long paths, boolean eulerBias) {
        RunSettings s = RunSettings.defaults(paths, 20261128).withGreeks(GREEKS);
        String what = m.name() + " " + d.type().word() + " K=" + d.strike() + " T=" + d.maturity();
        TradeResult coarse = eulerBias ? GreeksEngine.price(new Trade("d", d, m, 0, steps, null, 1, null), Method.ADJOINT, s)
                : null;
        TradeResult mc = GreeksEngine.price(new Trade("d", d, m, 0, eulerBias ? 2 * steps : steps, null, 1, null),
                Method.ADJOINT, s);
        java.util.function.ToDoubleFunction<String> bias = g -> coarse == null ? 0.0 : Math.abs(coarse.get(g) - mc.get(g));
        TradeResult exact = GreeksEngine.price(new Trade("d", d, m), Method.ANALYTIC, s);
        for (String g : new String[] {"price", "delta", "vega", "theta"}) {
            if (exact.values().containsKey(g)) {
                McAssert.within(what, exact.get(g), mc, g, bias.applyAsDouble(g));
            }
        }
        double h = s.spotBump2() * S;
        double up = GreeksEngine.price(new Trade("d", d, shifted.apply(h)), Method.ANALYTIC, s).get("delta");
        double down = GreeksEngine.price(new Trade("d", d, shifted.apply(-h)), Method.ANALYTIC, s).get("delta");
        double gammaOfTheEstimator = (up - down) / (2 * h);
        McAssert.within(what, exact.get("gamma"), mc, "gamma",
                Math.abs(gammaOfTheEstimator - exact.get("gamma")) + bias.applyAsDouble("gamma"));
        return mc;
    }
}
