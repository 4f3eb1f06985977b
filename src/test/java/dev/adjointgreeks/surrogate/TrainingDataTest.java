package dev.adjointgreeks.surrogate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.adjointgreeks.closedform.BlackScholesFormula;
import dev.adjointgreeks.closedform.CallPut;

/** Training samples from the engine's adjoint sweep: the pathwise labels of the bs-call example. */
class TrainingDataTest {

    /**
     * For a call at rate 0 one path gives {@code y = max(S0 d - K, 0)} with {@code d = S_T / S0}, and
     * its pathwise derivative is {@code 1{S_T > K} d}; so {@code (S0 dy/dS0 - y) / K} counts the
     * paths in the money: 0, 1/2 or 1 for an antithetic pair averaged.
     */
    @Test
    void pathwiseLabelsAreThePayoffAndItsDerivativeOnTheSamePaths() throws Exception {
        SurrogateSpec spec = Examples.byName("bs-call");
        TrainingData d = TrainingData.generate(spec, 2000, 11);
        int[] counts = new int[3];
        for (int i = 0; i < d.size(); i++) {
            double s0 = d.x()[i][0];
            assertTrue(s0 >= 30 && s0 <= 260, "spot within the domain: " + s0);
            double itm = (s0 * d.dydx()[i][0] - d.y()[i]) / 110.0;
            int k = (int) Math.round(2 * itm);
            assertEquals(k / 2.0, itm, 1e-12, "sample " + i);
            counts[k]++;
        }
        assertTrue(counts[0] > 0 && counts[1] > 0 && counts[2] > 0, java.util.Arrays.toString(counts));
    }

    @Test
    void spotsAreDrawnAsInHugeAndSavineAndLabelsAverageToThePrice() throws Exception {
        SurrogateSpec spec = Examples.byName("bs-call");
        int m = 20_000;
        TrainingData d = TrainingData.generate(spec, m, 3);
        // ln(S/100) ~ N(-0.045, 0.3^2), barely truncated by [30, 260]
        double mean = 0;
        double var = 0;
        for (double[] x : d.x()) {
            mean += Math.log(x[0] / 100) / m;
        }
        for (double[] x : d.x()) {
            var += Math.pow(Math.log(x[0] / 100) - mean, 2) / m;
        }
        assertEquals(-0.045, mean, 4 * 0.3 / Math.sqrt(m));
        assertEquals(0.3, Math.sqrt(var), 0.01);
        // E[y - price(x)] = 0 and E[dydx - delta(x)] = 0: the regression targets are unbiased
        double ey = 0;
        double ed = 0;
        double sy = 0;
        double sd = 0;
        for (int i = 0; i < m; i++) {
            double s = d.x()[i][0];
            double ry = d.y()[i] - BlackScholesFormula.price(CallPut.CALL, s, 110, 1, 0, 0, 0.2);
            double rd = d.dydx()[i][0] - BlackScholesFormula.greeks(CallPut.CALL, s, 110, 1, 0, 0, 0.2).delta();
            ey += ry / m;
            ed += rd / m;
            sy += ry * ry / m;
            sd += rd * rd / m;
        }
        assertEquals(0, ey, 4 * Math.sqrt(sy / m));
        assertEquals(0, ed, 4 * Math.sqrt(sd / m));
    }

    @Test
    void aSeedGivesTheSameSamplesAndClosedFormLabelsAreExact() throws Exception {
        SurrogateSpec spec = Examples.byName("bs-call");
        TrainingData a = TrainingData.generate(spec, 300, 5);
        TrainingData b = TrainingData.generate(spec, 300, 5);
        assertArrayEquals(a.y(), b.y());
        SurrogateSpec exact = new SurrogateSpec(spec.name(), spec.trade(), spec.vary(), SurrogateSpec.Labels.CLOSED_FORM,
                true, spec.hidden(), spec.test());
        TrainingData c = TrainingData.generate(exact, 300, 5);
        for (int i = 0; i < 300; i++) {
            assertEquals(a.x()[i][0], c.x()[i][0], 0.0, "same states whatever the labels");
            double s = c.x()[i][0];
            assertEquals(BlackScholesFormula.price(CallPut.CALL, s, 110, 1, 0, 0, 0.2), c.y()[i], 1e-10);
            assertEquals(BlackScholesFormula.greeks(CallPut.CALL, s, 110, 1, 0, 0, 0.2).delta(), c.dydx()[i][0], 1e-10);
        }
        assertEquals(List.of("spot"), List.of(spec.varyingNames()));
    }

    /**
     * The Bachelier basket: {@code d payoff / d S_i = w_i 1{B_T > K}} on each path, so every
     * sample's derivatives are the weights times the fraction of its antithetic pair in the money;
     * and the payoffs average to the Bachelier formula.
     */
    @Test
    void basketLabelsAreTheWeightsTimesTheFractionInTheMoneyAndAverageToTheFormula() throws Exception {
        SurrogateSpec spec = Examples.byName("bachelier-basket-7");
        dev.adjointgreeks.mc.PricingProblem problem = spec.trade().problem();
        double[] w = ((dev.adjointgreeks.product.Basket) problem.product()).weights();
        int m = 4000;
        TrainingData d = TrainingData.generate(spec, m, 9);
        double[] values = problem.inputValues();
        double e = 0;
        double s2 = 0;
        for (int i = 0; i < m; i++) {
            double f = d.dydx()[i][0] / w[0];
            assertEquals(Math.round(2 * f) / 2.0, f, 1e-12);
            for (int j = 0; j < 7; j++) {
                assertEquals(f * w[j], d.dydx()[i][j], 1e-12, "sample " + i + " input " + j);
                assertTrue(d.x()[i][j] >= 50 && d.x()[i][j] <= 150);
                values[j] = d.x()[i][j];
            }
            double r = d.y()[i] - dev.adjointgreeks.engine.ModelTypes.analytic(problem.model()).price(problem, values);
            e += r / m;
            s2 += r * r / m;
        }
        assertEquals(0, e, 4 * Math.sqrt(s2 / m));
    }
}
