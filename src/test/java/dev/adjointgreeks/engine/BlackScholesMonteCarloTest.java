package dev.adjointgreeks.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.closedform.BlackScholesFormula;
import dev.adjointgreeks.closedform.CallPut;
import dev.adjointgreeks.closedform.BlackScholesFormula.Greeks;
import dev.adjointgreeks.model.BlackScholesModel;
import dev.adjointgreeks.product.Digital;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.OptionType;

/**
 * European and digital options: every adjoint Greek against the closed form, within 4 standard
 * errors plus the bias of the documented approximation (second-order finite differences of the
 * gradient; the digital's smoothing), each bias computed deterministically.
 */
class BlackScholesMonteCarloTest {

    static final double S = 100;
    static final double K = 105;
    static final double T = 0.75;
    static final double R = 0.04;
    static final double Q = 0.015;
    static final double VOL = 0.25;
    static final RunSettings SETTINGS = RunSettings.defaults(200_000, 20261127);

    @Test
    void europeanCallAndPutAgainstClosedForm() {
        for (OptionType type : OptionType.values()) {
            Trade t = new Trade("eu-" + type.word(), new European(type, K, T), new BlackScholesModel(S, VOL, R, Q));
            TradeResult r = GreeksEngine.price(t, Method.ADJOINT, SETTINGS);
            Greeks g = BlackScholesFormula.greeks(CallPut.ofSign(type.sign()), S, K, T, R, Q, VOL);
            String w = type.word();
            McAssert.within(w, g.price(), r, "price", 0);
            McAssert.within(w, g.delta(), r, "delta", 0);
            McAssert.within(w, g.vega(), r, "vega", 0);
            McAssert.within(w, g.rho(), r, "rho", 0);
            McAssert.within(w, g.dividendRho(), r, "dividend_rho", 0);
            McAssert.within(w, g.theta(), r, "theta", 0);
            McAssert.within(w, g.dStrike(), r, "d_strike", 0);
            // Second order: central differences of adjoint gradients; their bias from the closed form.
            double hs = SETTINGS.spotBump2() * S;
            double hv = SETTINGS.volBump2();
            Greeks up = BlackScholesFormula.greeks(CallPut.ofSign(type.sign()), S + hs, K, T, R, Q, VOL);
            Greeks dn = BlackScholesFormula.greeks(CallPut.ofSign(type.sign()), S - hs, K, T, R, Q, VOL);
            Greeks vu = BlackScholesFormula.greeks(CallPut.ofSign(type.sign()), S, K, T, R, Q, VOL + hv);
            Greeks vd = BlackScholesFormula.greeks(CallPut.ofSign(type.sign()), S, K, T, R, Q, VOL - hv);
            double gammaFd = (up.delta() - dn.delta()) / (2 * hs);
            double vannaFd = 0.5 * ((up.vega() - dn.vega()) / (2 * hs) + (vu.delta() - vd.delta()) / (2 * hv));
            double volgaFd = (vu.vega() - vd.vega()) / (2 * hv);
            McAssert.within(w, g.gamma(), r, "gamma", gammaFd - g.gamma());
            McAssert.within(w, g.vanna(), r, "vanna", vannaFd - g.vanna());
            McAssert.within(w, g.volga(), r, "volga", volgaFd - g.volga());
            assertTrue(Math.abs(gammaFd - g.gamma()) < 1e-3 * g.gamma(), "the stated bump keeps the gamma bias small");
        }
    }

    /**
     * The digital's smoothed payoff, integrated by quadrature on derivative structures: the exact
     * smoothed price and its Greeks, with no Monte Carlo in them.
     */
    static DerivativeStructure smoothedDigitalByQuadrature(OptionType type, double s, double k, double t, double r,
            double q, double vol, double payout, double width) {
        DerivativeStructure sp = new DerivativeStructure(3, 2, 0, s);
        DerivativeStructure sg = new DerivativeStructure(3, 2, 1, vol);
        DerivativeStructure rr = new DerivativeStructure(3, 2, 2, r);
        DerivativeStructure mean = sp.log().add(rr.subtract(q).subtract(sg.multiply(sg).multiply(0.5)).multiply(t))
                .subtract(Math.log(k));
        DerivativeStructure sd = sg.multiply(Math.sqrt(t));
        int n = 4001;
        double lo = -12;
        double dx = 24.0 / (n - 1);
        DerivativeStructure sum = sp.multiply(0);
        for (int i = 0; i < n; i++) {
            double x = lo + i * dx;
            double w = (i == 0 || i == n - 1 ? 0.5 : 1.0) * dx * Fn.normPdf(x);
            sum = sum.add(Fn.normCdf(mean.add(sd.multiply(x)).multiply(type.sign() / width)).multiply(w));
        }
        return sum.multiply(rr.multiply(-t).exp()).multiply(payout);
    }

    @Test
    void smoothingBiasVanishesAsTheWidthShrinks() {
        double exact = BlackScholesFormula.digital(CallPut.CALL, new DerivativeStructure(1, 1, 0, S),
                new DerivativeStructure(1, 1, K), new DerivativeStructure(1, 1, T), new DerivativeStructure(1, 1, R),
                new DerivativeStructure(1, 1, Q), new DerivativeStructure(1, 1, VOL), 1.0).getPartialDerivative(1);
        double previous = Double.POSITIVE_INFINITY;
        for (double width : new double[] {0.08, 0.04, 0.02, 0.01, 0.005}) {
            DerivativeStructure sm = smoothedDigitalByQuadrature(OptionType.CALL, S, K, T, R, Q, VOL, 1.0, width);
            double bias = Math.abs(sm.getPartialDerivative(1, 0, 0) - exact);
            assertTrue(bias < previous / 3.0, "delta bias falls like width^2: " + bias + " after " + previous);
            previous = bias;
        }
        assertTrue(previous < 1e-5);
    }

    /** The exact digital on derivative structures in (spot, vol, rate). */
    static DerivativeStructure exactDigital(OptionType type, double s, double vol, double payout) {
        return BlackScholesFormula.digital(CallPut.ofSign(type.sign()), new DerivativeStructure(3, 1, 0, s),
                new DerivativeStructure(3, 1, K), new DerivativeStructure(3, 1, T), new DerivativeStructure(3, 1, 2, R),
                new DerivativeStructure(3, 1, Q), new DerivativeStructure(3, 1, 1, vol), payout);
    }

    /**
     * The digital is the conditional expectation of its indicator over the last step: unbiased, so
     * first-order Greeks match the closed form within 4 SE; second order carries only the bias of
     * the central differences of adjoint gradients. Forced to 8 steps so the estimator has variance.
     */
    @Test
    void digitalCallAndPutAgainstClosedForm() {
        double payout = 10;
        for (OptionType type : OptionType.values()) {
            Digital d = new Digital(type, K, T, payout);
            TradeResult r = GreeksEngine.price(new Trade("dg-" + type.word(), d, new BlackScholesModel(S, VOL, R, Q), 0, 8,
                    null, 1, null), Method.ADJOINT, SETTINGS.withPaths(50_000));
            TradeResult exact = GreeksEngine.price(new Trade("dg", d, new BlackScholesModel(S, VOL, R, Q)),
                    Method.ANALYTIC, SETTINGS);
            assertTrue(r.get("price_stderr") > 0, "eight steps: the estimator has variance");
            double hs = SETTINGS.spotBump2() * S;
            double hv = SETTINGS.volBump2();
            DerivativeStructure up = exactDigital(type, S + hs, VOL, payout);
            DerivativeStructure dn = exactDigital(type, S - hs, VOL, payout);
            DerivativeStructure vu = exactDigital(type, S, VOL + hv, payout);
            DerivativeStructure vd = exactDigital(type, S, VOL - hv, payout);
            String w = "digital " + type.word();
            for (String g : new String[] {"price", "delta", "vega", "rho", "dividend_rho", "theta", "d_strike"}) {
                check(w, g, exact, r, exact.get(g));
            }
            check(w, "gamma", exact, r, (up.getPartialDerivative(1, 0, 0) - dn.getPartialDerivative(1, 0, 0)) / (2 * hs));
            check(w, "vanna", exact, r, 0.5 * ((up.getPartialDerivative(0, 1, 0) - dn.getPartialDerivative(0, 1, 0)) / (2 * hs)
                    + (vu.getPartialDerivative(1, 0, 0) - vd.getPartialDerivative(1, 0, 0)) / (2 * hv)));
            check(w, "volga", exact, r, (vu.getPartialDerivative(0, 1, 0) - vd.getPartialDerivative(0, 1, 0)) / (2 * hv));
        }
    }

    /** With its one default step, the Black-Scholes digital is the closed form itself: no variance. */
    @Test
    void oneStepDigitalIsTheClosedForm() {
        Digital d = new Digital(OptionType.CALL, K, 0.019, 1.0);
        TradeResult r = GreeksEngine.price(new Trade("dg", d, new BlackScholesModel(S, 0.3, R, Q)), Method.ADJOINT,
                SETTINGS.withPaths(1000).withSecondOrder(false));
        TradeResult exact = GreeksEngine.price(new Trade("dg", d, new BlackScholesModel(S, 0.3, R, Q)), Method.ANALYTIC,
                SETTINGS.withSecondOrder(false));
        assertEquals(exact.get("price"), r.get("price"), 1e-14);
        assertEquals(exact.get("delta"), r.get("delta"), 1e-12);
        assertEquals(0.0, r.get("price_stderr"));
    }

    /** Against the closed form, allowing the (deterministic) bias of what the estimator estimates. */
    private static void check(String what, String greek, TradeResult exact, TradeResult mc, double expectedByMc) {
        double closed = exact.get(greek);
        McAssert.within(what, closed, mc, greek, expectedByMc - closed);
    }

    @Test
    void volZeroIsTheDeterministicForward() {
        Trade t = new Trade("v0", new European(OptionType.CALL, 95, 1), new BlackScholesModel(100, 0.0, 0.05, 0.0));
        TradeResult r = GreeksEngine.price(t, Method.ADJOINT, SETTINGS.withPaths(1000).withSecondOrder(false));
        double df = Math.exp(-0.05);
        assertEquals(100 - 95 * df, r.get("price"), 1e-9);
        assertEquals(0.0, r.get("price_stderr"), 1e-9);
        assertEquals(1.0, r.get("delta"), 1e-12);
        assertEquals(95 * df, r.get("rho"), 1e-9);
        assertEquals(-df, r.get("d_strike"), 1e-12);
        assertEquals(-0.05 * 95 * df, r.get("theta"), 1e-9);
    }

    @Test
    void limits() {
        RunSettings s = SETTINGS.withPaths(50_000).withSecondOrder(false);
        // deep in the money: delta e^{-qT}, price the discounted forward minus strike
        TradeResult itm = GreeksEngine.price(new Trade("itm", new European(OptionType.CALL, 20, 1),
                new BlackScholesModel(100, 0.2, 0.05, 0.02)), Method.ADJOINT, s);
        McAssert.within("deep in the money", Math.exp(-0.02), itm, "delta", 0);
        assertEquals(-Math.exp(-0.05), itm.get("d_strike"), 1e-12, "every path ends in the money");
        assertEquals(100 * Math.exp(-0.02) - 20 * Math.exp(-0.05), itm.get("price"), 4 * itm.get("price_stderr") + 1e-9);
        // deep out of the money: everything (nearly) zero
        TradeResult otm = GreeksEngine.price(new Trade("otm", new European(OptionType.CALL, 400, 1),
                new BlackScholesModel(100, 0.2, 0.05, 0.02)), Method.ADJOINT, s);
        assertEquals(0.0, otm.get("price"), 1e-9);
        assertEquals(0.0, otm.get("delta"), 1e-9);
        // very short maturity: at the money delta near one half, vega near S phi(0) sqrt(T)
        double t = 1.0 / 3650;
        TradeResult shortT = GreeksEngine.price(new Trade("short", new European(OptionType.CALL, 100, t),
                new BlackScholesModel(100, 0.2, 0.05, 0.0)), Method.ADJOINT, s);
        Greeks g = BlackScholesFormula.greeks(CallPut.CALL, 100, 100, t, 0.05, 0.0, 0.2);
        McAssert.within("short maturity", g.delta(), shortT, "delta", 0);
        McAssert.within("short maturity", g.vega(), shortT, "vega", 0);
        McAssert.within("short maturity", g.theta(), shortT, "theta", 0);
    }

    @Test
    void putCallParityOfPricesAndGreeks() {
        RunSettings s = SETTINGS.withPaths(100_000).withSecondOrder(false);
        BlackScholesModel m = new BlackScholesModel(S, VOL, R, Q);
        TradeResult c = GreeksEngine.price(new Trade("x", new European(OptionType.CALL, K, T), m), Method.ADJOINT, s);
        TradeResult p = GreeksEngine.price(new Trade("x", new European(OptionType.PUT, K, T), m), Method.ADJOINT, s);
        // Same id, same seed, same paths: C - P = e^{-rT}(S_T - K) path by path (conditioned over the
        // one step, both are the closed forms: then only rounding, 1e-12 of the size, remains)
        double dq = Math.exp(-Q * T);
        double dr = Math.exp(-R * T);
        double se = c.get("price_stderr") + p.get("price_stderr");
        assertEquals(S * dq - K * dr, c.get("price") - p.get("price"), 4 * se + 1e-12 * S);
        assertEquals(dq, c.get("delta") - p.get("delta"), 4 * (c.get("delta_stderr") + p.get("delta_stderr")) + 1e-12);
        assertEquals(0.0, c.get("vega") - p.get("vega"), 4 * (c.get("vega_stderr") + p.get("vega_stderr")) + 1e-12 * S);
        assertEquals(-dr, c.get("d_strike") - p.get("d_strike"), 1e-12 + 4 * c.get("d_strike_stderr"));
        assertEquals(K * T * dr, c.get("rho") - p.get("rho"), 4 * (c.get("rho_stderr") + p.get("rho_stderr")) + 1e-12 * K);
    }
}
