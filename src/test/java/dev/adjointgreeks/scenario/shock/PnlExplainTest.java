package dev.adjointgreeks.scenario.shock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

import dev.adjointgreeks.scenario.shock.PnlExplain.Hessian;

class PnlExplainTest {

    /** Black-Scholes call on derivative structures of order 2 in (spot, vol, rate). */
    private static DerivativeStructure call(double s, double v, double r, double k, double t) {
        DerivativeStructure spot = new DerivativeStructure(3, 2, 0, s);
        DerivativeStructure vol = new DerivativeStructure(3, 2, 1, v);
        DerivativeStructure rate = new DerivativeStructure(3, 2, 2, r);
        DerivativeStructure sqrtT = new DerivativeStructure(3, 2, Math.sqrt(t));
        DerivativeStructure d1 = spot.divide(k).log().add(rate.add(vol.multiply(vol).multiply(0.5)).multiply(t))
                .divide(vol.multiply(sqrtT));
        DerivativeStructure d2 = d1.subtract(vol.multiply(sqrtT));
        return spot.multiply(cdf(d1)).subtract(rate.multiply(-t).exp().multiply(k).multiply(cdf(d2)));
    }

    private static DerivativeStructure cdf(DerivativeStructure x) {
        return dev.adjointgreeks.ad.Fn.normCdf(x);
    }

    private static double[] gradient(DerivativeStructure p) {
        return new double[] {p.getPartialDerivative(1, 0, 0), p.getPartialDerivative(0, 1, 0),
            p.getPartialDerivative(0, 0, 1)};
    }

    private static List<Hessian> gammaVannaVolga(DerivativeStructure p) {
        return List.of(new Hessian(0, 0, p.getPartialDerivative(2, 0, 0)),
                new Hessian(0, 1, p.getPartialDerivative(1, 1, 0)),
                new Hessian(1, 1, p.getPartialDerivative(0, 2, 0)));
    }

    @Test
    void aQuadraticIsExplainedExactly() {
        // V = 3x + 2y + x^2 + 5xy + 4y^2 moved by (0.3, -0.2)
        double dx = 0.3;
        double dy = -0.2;
        double pnl = 3 * dx + 2 * dy + dx * dx + 5 * dx * dy + 4 * dy * dy;
        double got = PnlExplain.explained(new double[] {dx, dy}, new double[] {3, 2},
                List.of(new Hessian(0, 0, 2), new Hessian(0, 1, 5), new Hessian(1, 1, 8)));
        assertEquals(pnl, got, 1e-15);
    }

    @Test
    void aNearTheMoneyEuropeanLeavesOnlyThirdOrderUnexplained() {
        DerivativeStructure base = call(100, 0.2, 0.03, 100, 1);
        double[] moves = {-0.01, 0.01};
        for (double m : moves) {
            double[] dx = {100 * m, 0.01 * Math.signum(m), 0.0};
            double pnl = call(100 + dx[0], 0.2 + dx[1], 0.03, 100, 1).getValue() - base.getValue();
            double explained = PnlExplain.explained(dx, gradient(base), gammaVannaVolga(base));
            assertTrue(Math.abs(pnl - explained) <= 0.01 * Math.abs(pnl),
                    "move " + m + ": pnl " + pnl + " explained " + explained);
        }
    }

    @Test
    void movesOfInputsWithoutSecondOrderTermsUseTheirFirstOrderOnly() {
        DerivativeStructure base = call(100, 0.2, 0.03, 100, 1);
        double[] dx = {0, 0, 0.005};
        double explained = PnlExplain.explained(dx, gradient(base), gammaVannaVolga(base));
        assertEquals(base.getPartialDerivative(0, 0, 1) * 0.005, explained, 1e-15);
    }
}
