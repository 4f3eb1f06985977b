package dev.adjointgreeks.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.adjointgreeks.mc.AdjointEvaluator;

/** The benchmark's five methods compute the same price and 161 sensitivities on the same paths. */
class LiborBenchmarkCaseTest {

    @Test
    void everyMethodComputesTheSameSensitivities() {
        LiborBenchmarkCase c = LiborBenchmarkCase.published(37);   // not a multiple of the lane count
        double primal = c.primal();
        double[] adjoint = c.adjoint();
        double[] perPath = c.adjointPerPath();
        double[] hand = c.handwritten();
        double[] bump = c.bump();
        assertEquals(1 + 161, adjoint.length);
        double scale = maxAbs(hand);
        assertEquals(primal, hand[0], 0.0);
        assertEquals(primal, adjoint[0], 1e-13 * primal);
        assertEquals(primal, perPath[0], 1e-13 * primal);
        assertEquals(primal, bump[0], 0.0);
        for (int k = 1; k < hand.length; k++) {
            assertEquals(hand[k], adjoint[k], 1e-10 * scale, "block engine " + k);
            assertEquals(hand[k], perPath[k], 1e-10 * scale, "per-path tape " + k);
            // one-sided, h = 1e-6 relative: truncation of order 1e-6 of the Greek
            assertEquals(hand[k], bump[k], 1e-4 * scale, "bump " + k);
        }
        assertEquals(0.0, adjoint[160], 0.0, "d_lambda_80");
        assertTrue(c.tapeBytes() > 0 && c.tapeBytes() <= AdjointEvaluator.TAPE_BUDGET_BYTES + (1 << 20),
                "one block's tape within a few MB: " + c.tapeBytes());
        double[] wide = c.adjointBlock(16);
        for (int k = 1; k < hand.length; k++) {
            assertEquals(hand[k], wide[k], 1e-10 * scale, "16 lanes " + k);
        }

        LiborBenchmarkCase small = LiborBenchmarkCase.published(3);
        double[] forward = small.forward();
        double[] reference = small.handwritten();
        for (int k = 0; k < forward.length; k++) {
            assertEquals(reference[k], forward[k], 1e-10 * maxAbs(reference), "forward " + k);
        }
    }

    private static double maxAbs(double[] x) {
        double m = 0.0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
