package dev.adjointgreeks.surrogate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.adjointgreeks.closedform.BlackScholesFormula;
import dev.adjointgreeks.closedform.CallPut;
import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.product.European;

/**
 * Second-order labels by tangent-over-adjoint on the block scalar: with the bs-call's one exact step
 * the conditioned payoff is the closed form, so the labels are Black-Scholes' price, delta and gamma
 * to rounding; over four steps (conditioned on the last quarter year) they are noisy but unbiased:
 * sample means of label minus closed form within 4 standard errors of 0.
 */
class SecondOrderLabelsTest {

    static SurrogateSpec withSteps(SurrogateSpec spec, int steps) {
        Trade t = spec.trade();
        Trade u = new Trade(t.id(), t.product(), t.model(), t.paths(), steps, t.seed(), t.quantity(), t.underlying());
        return new SurrogateSpec(spec.name(), u, spec.vary(), spec.labels(), spec.antithetic(), spec.hidden(), spec.test());
    }

    @Test
    void oneExactStepGivesTheClosedFormsPriceDeltaAndGammaOnTheSameStates() throws Exception {
        SurrogateSpec spec = Examples.byName("bs-call");
        TrainingData first = TrainingData.generate(spec, 150, 5);
        TrainingData d = TrainingData.generateSecondOrder(spec, 150, 5);   // 64 + 64 + 22 lanes
        for (int i = 0; i < 150; i++) {
            double s = d.x()[i][0];
            assertEquals(first.x()[i][0], s, 0.0, "same states as first-order labels");
            BlackScholesFormula.Greeks g = BlackScholesFormula.greeks(CallPut.CALL, s, 110, 1, 0, 0, 0.2);
            assertEquals(g.price(), d.y()[i], 1e-10 * Math.max(1, g.price()));
            assertEquals(g.delta(), d.dydx()[i][0], 1e-10);
            assertEquals(g.gamma(), d.d2ydx0dx()[i][0], 1e-10);
        }
        assertArrayEquals(d.y(), TrainingData.generateSecondOrder(spec, 150, 5).y(), "a seed gives the same labels");
    }

    @Test
    void conditionedOnTheLastOfFourStepsTheLabelsAverageToPriceDeltaAndGamma() throws Exception {
        SurrogateSpec spec = withSteps(Examples.byName("bs-call"), 4);
        int m = 20_000;
        TrainingData d = TrainingData.generateSecondOrder(spec, m, 7);
        double[] mean = new double[3];
        double[] sq = new double[3];
        double spread = 0;
        for (int i = 0; i < m; i++) {
            double s = d.x()[i][0];
            BlackScholesFormula.Greeks g = BlackScholesFormula.greeks(CallPut.CALL, s, 110, 1, 0, 0, 0.2);
            double[] r = {d.y()[i] - g.price(), d.dydx()[i][0] - g.delta(), d.d2ydx0dx()[i][0] - g.gamma()};
            for (int k = 0; k < 3; k++) {
                mean[k] += r[k] / m;
                sq[k] += r[k] * r[k] / m;
            }
            spread = Math.max(spread, Math.abs(r[2]));
        }
        for (int k = 0; k < 3; k++) {
            assertEquals(0, mean[k], 4 * Math.sqrt(sq[k] / m), "label " + k);
        }
        assertTrue(spread > 1e-3, "the gamma labels are noisy over four steps: " + spread);
    }

    @Test
    void aKinkedPayoffIsRefused() throws Exception {
        SurrogateSpec spec = Examples.byName("bs-call");
        European e = (European) spec.trade().product();
        Trade t = spec.trade();
        Trade kinked = new Trade(t.id(), new European(e.type(), e.strike(), e.maturity(), false), t.model());
        SurrogateSpec k = new SurrogateSpec(spec.name(), kinked, spec.vary(), spec.labels(), spec.antithetic(),
                spec.hidden(), spec.test());
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> TrainingData.generateSecondOrder(k, 10, 1));
        assertTrue(x.getMessage().contains("smooth path by path"), x.getMessage());
    }
}
