package dev.adjointgreeks.scenario.shock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

import dev.adjointgreeks.engine.GreeksEngine;
import dev.adjointgreeks.engine.HessianRows;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.RunSettings;
import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.model.BlackScholesModel;
import dev.adjointgreeks.product.Asian;
import dev.adjointgreeks.product.Averaging;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.OptionType;

/**
 * The Hessian rows behind {@code --explain}: {@code d2V / dS dr}, {@code dS dq}, {@code d sigma dr},
 * {@code d sigma dq} of a Black-Scholes call from the adjoint engine (tangent-over-adjoint for the
 * conditioned payoff, differences of adjoint gradients for the kinked one) against the closed form,
 * and the explained P&amp;L of a joint spot and rate (or dividend) shock, which the cross term brings
 * closer to full revaluation.
 */
class ExplainCrossTermsTest {

    private static final double S = 100;
    private static final double K = 100;
    private static final double T = 1;
    private static final double R = 0.05;
    private static final double Q = 0.02;
    private static final double VOL = 0.2;

    private static Trade call(boolean conditioned, double spot, double rate, double dividend) {
        return new Trade("eu", new European(OptionType.CALL, K, T, conditioned),
                new BlackScholesModel(spot, VOL, rate, dividend));
    }

    /** The closed form's cross derivatives of the call, by hand: {spot-rate, spot-div, vol-rate, vol-div}. */
    private static Map<String, Double> closedForm() {
        double sq = Math.sqrt(T);
        double d1 = (Math.log(S / K) + (R - Q + 0.5 * VOL * VOL) * T) / (VOL * sq);
        NormalDistribution n = new NormalDistribution();
        double pdf = n.density(d1);
        double eq = Math.exp(-Q * T);
        double vega = S * eq * pdf * sq;
        return Map.of("d2_spot_rate", eq * pdf * sq / VOL,
                "d2_spot_dividend", -T * eq * n.cumulativeProbability(d1) - eq * pdf * sq / VOL,
                "d2_vol_rate", -S * eq * pdf * d1 * T / VOL,
                "d2_vol_dividend", -T * vega + S * eq * pdf * d1 * T / VOL);
    }

    @Test
    void theEngineCrossTermsAreTheClosedFormsWithinFourStandardErrors() {
        Map<String, Double> exact = closedForm();
        // the closed form on derivative structures agrees with the formulas above (it reads the same rows)
        TradeResult analytic = GreeksEngine.price(call(true, S, R, Q), Method.ANALYTIC,
                RunSettings.defaults(1, 1).withHessianRows(true));
        for (Map.Entry<String, Double> e : exact.entrySet()) {
            assertEquals(e.getValue(), analytic.get(e.getKey()), 1e-10 * Math.abs(e.getValue()), e.getKey());
        }
        // the conditioned one-step European is the closed form path by path (standard errors 0: rounding
        // only), the kinked one takes differences of adjoint gradients; both geometric Asians are noisy
        // (tangent-over-adjoint for the conditioned one), against their own closed form's rows
        Trade[] trades = {call(true, S, R, Q), call(false, S, R, Q), asian(true), asian(false)};
        for (Trade t : trades) {
            Map<String, Double> oracle = t.product() instanceof European ? exact
                    : GreeksEngine.price(t, Method.ANALYTIC, RunSettings.defaults(1, 1).withHessianRows(true)).values();
            RunSettings s = RunSettings.defaults(20_000, 11);
            TradeResult plain = GreeksEngine.price(t, Method.ADJOINT, s);
            TradeResult rows = GreeksEngine.price(t, Method.ADJOINT, s.withHessianRows(true));
            for (String k : exact.keySet()) {
                double v = rows.get(k);
                double se = rows.get(k + "_stderr");
                double x = oracle.get(k);
                System.out.printf("%s %s: %.5f +- %.5f (closed form %.5f)%n", t.product(), k, v, se, x);
                assertTrue(Math.abs(v - x) <= 4 * se + 1e-9 * Math.abs(x), k + " " + v + " +- " + se + " vs " + x);
            }
            // the Greek columns are untouched: the same numbers, the rows only added beside them
            for (String k : plain.values().keySet()) {
                assertEquals(plain.get(k), rows.get(k), k);
            }
            for (String k : rows.values().keySet()) {
                assertTrue(plain.has(k) || HessianRows.isEntry(k), k);
            }
            assertFalse(plain.values().keySet().stream().anyMatch(HessianRows::isEntry));
        }
        // compare has no bump twin for them: it prices as without
        TradeResult compare = GreeksEngine.price(call(false, S, R, Q), Method.COMPARE,
                RunSettings.defaults(2_000, 3).withHessianRows(true));
        assertFalse(compare.values().keySet().stream().anyMatch(HessianRows::isEntry));
    }

    private static Trade asian(boolean conditioned) {
        return new Trade("as", new Asian(OptionType.CALL, K, T, 12, Averaging.GEOMETRIC, false, conditioned),
                new BlackScholesModel(S, VOL, R, Q));
    }

    @Test
    void theCrossTermBringsTheExplainedPnlOfAJointShockCloserToFullRevaluation() {
        // spot +10% with rate +2 points, and with dividend +2 points: cross terms about 0.38 and -0.50,
        // against third-order remainders under 0.1
        Map<String, Double> exact = closedForm();
        String[] entry = {"d2_spot_rate", "d2_spot_dividend"};
        // the conditioned European by tangent-over-adjoint (exact path by path) and by its closed form,
        // the kinked one by differences of adjoint gradients (noisy, with Richardson error bars)
        Object[][] cases = {{Method.ADJOINT, true}, {Method.ANALYTIC, true}, {Method.ADJOINT, false}};
        for (Object[] c : cases) {
            Method m = (Method) c[0];
            boolean conditioned = (Boolean) c[1];
            Trade base = call(conditioned, S, R, Q);
            List<Trade> shocked = List.of(call(conditioned, 110, R + 0.02, Q), call(conditioned, 110, R, Q + 0.02));
            RunSettings s = Explanation.explaining(RunSettings.defaults(20_000, 5), base.problem());
            List<TradeResult> rows = GreeksEngine.priceScenarios(base, m, s,
                    List.of(new GreeksEngine.Scenario("spot+rate", shocked.get(0)),
                            new GreeksEngine.Scenario("spot+div", shocked.get(1))), false);
            for (int k = 0; k < shocked.size(); k++) {
                double pnl = rows.get(k + 1).get("pnl");
                Explanation.Explained e = Explanation.explained(rows.get(0), base.problem(), shocked.get(k).problem());
                double with = Math.abs(pnl - e.total());
                double without = Math.abs(pnl - (e.total() - e.cross()));
                double bound = 4 * rows.get(0).get(entry[k] + "_stderr") * 10 * 0.02;
                System.out.printf("%s %s %s: pnl %.5f +- %.5f, cross %.5f, unexplained %.5f with, %.5f without%n",
                        m, conditioned ? "conditioned" : "kinked", entry[k], pnl, rows.get(k + 1).get("pnl_stderr"),
                        e.cross(), pnl - e.total(), pnl - (e.total() - e.cross()));
                assertEquals(exact.get(entry[k]) * 10 * 0.02, e.cross(), bound + 1e-9, m + " " + entry[k]);
                assertTrue(with < 0.5 * without, m + " " + entry[k] + ": " + with + " vs " + without);
            }
        }
    }

    @Test
    void aCrossTermTheEngineLacksIsMissingNotZero() {
        Trade base = call(true, S, R, Q);
        Trade joint = call(true, 110, R + 0.02, Q);
        Trade spotOnly = call(true, 110, R, Q);
        List<TradeResult> rows = GreeksEngine.priceScenarios(base, Method.BUMP,
                Explanation.explaining(RunSettings.defaults(2_000, 5), base.problem()),
                List.of(new GreeksEngine.Scenario("j", joint)), false);
        Explanation.Explained j = Explanation.explained(rows.get(0), base.problem(), joint.problem());
        assertTrue(Double.isNaN(j.cross()), "bump has no d2V/dS dr");
        assertTrue(Double.isFinite(j.total()));
        assertEquals(0.0, Explanation.explained(rows.get(0), base.problem(), spotOnly.problem()).cross(),
                "a spot shock alone has no cross term");
    }
}
