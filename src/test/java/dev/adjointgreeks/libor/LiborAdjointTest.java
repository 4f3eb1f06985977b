package dev.adjointgreeks.libor;

import static dev.adjointgreeks.libor.LiborFixtures.BOOK;
import static dev.adjointgreeks.libor.LiborFixtures.INPUTS;
import static dev.adjointgreeks.libor.LiborFixtures.MARKET;
import static dev.adjointgreeks.libor.LiborFixtures.N;
import static dev.adjointgreeks.libor.LiborFixtures.maxAbs;
import static dev.adjointgreeks.libor.LiborFixtures.normals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.util.Decimal64;
import org.junit.jupiter.api.Test;

import dev.adjointgreeks.ad.Dual;

/**
 * The engine's adjoint of the field-generic LIBOR pricer against Giles' hand-written reverse
 * recursion, forward mode and the plain-double primal, path by path on the published case.
 */
class LiborAdjointTest {

    private final double[] x = MARKET.inputValues();

    @Test
    void engineAdjointEqualsTheHandWrittenAdjointPathByPath() {
        LiborFixtures.EngineAdjoint engine = new LiborFixtures.EngineAdjoint(x);
        LiborHandAdjoint hand = new LiborHandAdjoint(N, BOOK, x);
        LiborPrimal primal = new LiborPrimal(N, BOOK, x);
        double[] ge = new double[INPUTS];
        double[] gh = new double[INPUTS];
        int zeroPaths = 0;
        double[][] z = normals(11, 0, 300);
        for (int p = 0; p < z.length; p++) {
            double ve = engine.priceAndGradient(z[p], ge);
            Arrays.fill(gh, 0.0);
            double vh = hand.payoffAndGradient(z[p], 1.0, gh, 0);
            double vp = primal.payoff(z[p]);
            assertEquals(vp, vh, 0.0, "path " + p + ": hand-written primal");
            assertEquals(vp, ve, 1e-13 * Math.max(1, vp), "path " + p + ": engine primal");
            double scale = maxAbs(gh);
            if (vp == 0.0) {
                zeroPaths++;
                assertEquals(0.0, scale, 0.0, "a path that pays nothing has no sensitivity");
                assertEquals(0.0, maxAbs(ge), 0.0, "a path that pays nothing has no sensitivity");
                continue;
            }
            for (int i = 0; i < INPUTS; i++) {
                assertEquals(gh[i], ge[i], 1e-10 * scale, "path " + p + " " + MARKET.inputNames()[i]);
            }
        }
        // Giles and Glasserman: about 44% of the paths pay nothing
        double share = zeroPaths / (double) z.length;
        assertTrue(share > 0.30 && share < 0.58, "share of paths paying nothing: " + share);
    }

    @Test
    void forwardModeAndPassiveScalarRunTheSameGenericPath() {
        double[][] z = normals(12, 0, 40);
        LiborFixtures.EngineAdjoint engine = new LiborFixtures.EngineAdjoint(x);
        double[] ge = new double[INPUTS];
        double[] dir = new double[INPUTS];
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int i = 0; i < INPUTS; i++) {
            dir[i] = r.nextDouble(-1, 1);
        }
        Dual[] xd = new Dual[INPUTS];
        Decimal64[] xp = new Decimal64[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            xd[i] = new Dual(x[i], dir[i]);
            xp[i] = new Decimal64(x[i]);
        }
        LiborPathFunction<Dual> fd = new LiborPathFunction<>(N, BOOK, xd);
        LiborPathFunction<Decimal64> fp = new LiborPathFunction<>(N, BOOK, xp);
        LiborPrimal primal = new LiborPrimal(N, BOOK, x);
        int checkedDs = 0;
        for (double[] path : z) {
            double v = engine.priceAndGradient(path, ge);
            double vp = primal.payoff(path);   // Decimal64 takes FastMath.exp, the primal Math.exp
            assertEquals(vp, fp.discountedPayoff(path).getReal(), 1e-13 * Math.max(1, vp), "Decimal64 = primal");
            Dual d = fd.discountedPayoff(path);
            double directional = 0.0;
            double scale = 0.0;
            for (int i = 0; i < INPUTS; i++) {
                directional += ge[i] * dir[i];
                scale += Math.abs(ge[i] * dir[i]);
            }
            assertEquals(v, d.getReal(), 1e-13 * Math.max(1, v));
            assertEquals(directional, d.tangent(), 1e-11 * Math.max(scale, 1e-300), "adjoint . direction = dual tangent");
            if (v > 0 && checkedDs < 2) {
                checkedDs++;
                DerivativeStructure[] xs = new DerivativeStructure[INPUTS];
                for (int i = 0; i < INPUTS; i++) {
                    xs[i] = new DerivativeStructure(INPUTS, 1, i, x[i]);
                }
                double[] all = new LiborPathFunction<>(N, BOOK, xs).discountedPayoff(path).getAllDerivatives();
                double gmax = maxAbs(ge);
                for (int i = 0; i < INPUTS; i++) {
                    assertEquals(ge[i], all[1 + i], 1e-12 * gmax, "DerivativeStructure " + MARKET.inputNames()[i]);
                }
            }
        }
        assertEquals(2, checkedDs);
    }

    @Test
    void theFirstRateOnlyDiscountsSoItsSensitivityIsMinusValueTimesDeltaOverOnePlusDeltaL0() {
        LiborFixtures.EngineAdjoint engine = new LiborFixtures.EngineAdjoint(x);
        LiborHandAdjoint hand = new LiborHandAdjoint(N, BOOK, x);
        double[] ge = new double[INPUTS];
        double[] gh = new double[INPUTS];
        double delta = MARKET.accrual();
        double l0 = MARKET.forwardRates()[0];
        for (double[] path : normals(13, 0, 100)) {
            double v = engine.priceAndGradient(path, ge);
            Arrays.fill(gh, 0.0);
            hand.payoffAndGradient(path, 1.0, gh, 0);
            double expected = -v * delta / (1 + delta * l0);
            assertEquals(expected, ge[0], 1e-13 * Math.max(1e-300, Math.abs(expected)), "engine");
            assertEquals(expected, gh[0], 1e-13 * Math.max(1e-300, Math.abs(expected)), "hand-written");
        }
    }

    @Test
    void theLastVolatilityIsNeverUsedSoItsSensitivityIsExactlyZero() {
        LiborFixtures.EngineAdjoint engine = new LiborFixtures.EngineAdjoint(x);
        LiborHandAdjoint hand = new LiborHandAdjoint(N, BOOK, x);
        double[] ge = new double[INPUTS];
        double[] gh = new double[INPUTS];
        int paid = 0;
        for (double[] path : normals(14, 0, 50)) {
            if (engine.priceAndGradient(path, ge) > 0) {
                paid++;
            }
            hand.payoffAndGradient(path, 1.0, gh, 0);
            assertEquals(0.0, ge[2 * N - 1], 0.0, "engine d_lambda_80");
            assertEquals(0.0, gh[2 * N - 1], 0.0, "hand-written d_lambda_80");
            assertTrue(ge[2 * N - 2] != 0.0 || ge[2 * N] == 0.0, "lambda_79 is used on a paying path");
        }
        assertTrue(paid > 10);
    }
}
