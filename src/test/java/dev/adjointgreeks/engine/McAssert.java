package dev.adjointgreeks.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Monte Carlo assertions: within k standard errors plus a stated, independently computed bias. */
final class McAssert {

    static final double SIGMAS = 4.0;

    private McAssert() {
    }

    static void within(String what, double expected, double actual, double stderr, double bias) {
        // plus the rounding of double arithmetic, for estimators whose variance is (nearly) zero
        double tol = SIGMAS * stderr + Math.abs(bias) + 1e-12 * Math.max(1.0, Math.abs(expected));
        assertTrue(Double.isFinite(actual), what + " is not finite: " + actual);
        assertTrue(stderr >= 0 && Double.isFinite(stderr), what + " has no standard error: " + stderr);
        assertTrue(Math.abs(actual - expected) <= tol, String.format(
                "%s: Monte Carlo %.8g vs expected %.8g, |diff| %.3g > %.1f SE (%.3g) + bias %.3g (z = %.2f)", what,
                actual, expected, Math.abs(actual - expected), SIGMAS, stderr, Math.abs(bias),
                (actual - expected) / stderr));
    }

    /**
     * A compare run: adjoint and bump-and-revalue on the same paths agree within the central
     * difference's truncation (bump 1e-4 relative: bounded here by 1e-6 of the Greek's size)
     * plus 4 standard errors of the per-path difference.
     */
    static void sameOnSamePaths(String what, TradeResult compare, String greek) {
        double adjoint = compare.get(greek + "_adjoint");
        double diff = adjoint - compare.get(greek + "_bump");
        double z = compare.get(greek + "_z");
        // z is NaN where both estimators have no variance (a one-step digital): then only truncation remains
        double seDiff = diff == 0.0 || Double.isNaN(z) ? 0.0 : Math.abs(diff / z);
        double truncation = 1e-6 * Math.max(1.0, Math.abs(adjoint));
        assertTrue(Math.abs(diff) <= SIGMAS * seDiff + truncation, String.format(
                "%s %s: adjoint %.10g vs bump %.10g, difference %.3g > 4 x %.3g + truncation %.3g", what, greek, adjoint,
                compare.get(greek + "_bump"), diff, seDiff, truncation));
    }

    static void within(String what, double expected, TradeResult r, String greek, double bias) {
        within(what + " " + greek, expected, r.get(greek), r.get(greek + "_stderr"), bias);
    }
}
