package dev.adjointgreeks.surrogate;

/**
 * Huge and Savine's one-cycle learning-rate schedule: linear interpolation through
 * (0, 1e-8), (0.2, 0.1), (0.6, 0.01), (0.9, 1e-6), (1, 1e-8) in the fraction of epochs done.
 */
public final class OneCycle {

    private static final double[] AT = {0.0, 0.2, 0.6, 0.9, 1.0};
    private static final double[] RATE = {1e-8, 0.1, 0.01, 1e-6, 1e-8};

    private OneCycle() {
    }

    /** The rate of epoch {@code e} (0-based) of {@code epochs}. */
    public static double rate(int e, int epochs) {
        double f = (double) e / epochs;
        for (int k = 1; k < AT.length; k++) {
            if (f <= AT[k]) {
                double w = (f - AT[k - 1]) / (AT[k] - AT[k - 1]);
                return RATE[k - 1] + w * (RATE[k] - RATE[k - 1]);
            }
        }
        return RATE[RATE.length - 1];
    }
}
