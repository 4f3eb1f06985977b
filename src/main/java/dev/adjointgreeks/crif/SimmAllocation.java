package dev.adjointgreeks.crif;

/**
 * Maps sensitivities at a curve's own pillars onto the SIMM tenors by linear allocation in time: a
 * pillar at t between tenors {@code T_j < t < T_{j+1}} gives {@code (T_{j+1} - t) / (T_{j+1} - T_j)}
 * of its amount to {@code T_j} and the rest to {@code T_{j+1}}; a pillar on a tenor gives all to it;
 * a pillar before 2w or after 30y gives all to that end tenor. Every pillar's weights sum to one, so
 * the total is conserved (to rounding).
 */
public final class SimmAllocation {

    private static final SimmTenor[] TENORS = SimmTenor.values();

    private SimmAllocation() {
    }

    /**
     * The amounts per SIMM tenor (indexed by {@link SimmTenor#ordinal()}) of {@code amounts} at
     * pillar times {@code times} (any order, positive).
     */
    public static double[] allocate(double[] times, double[] amounts) {
        if (times.length != amounts.length) {
            throw new IllegalArgumentException(times.length + " pillar times but " + amounts.length + " amounts");
        }
        double[] out = new double[TENORS.length];
        for (int i = 0; i < times.length; i++) {
            allocate(times[i], amounts[i], out);
        }
        return out;
    }

    /** Adds {@code amount} at time {@code t} into {@code into} (one slot per SIMM tenor). */
    public static void allocate(double t, double amount, double[] into) {
        if (!(t > 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("a pillar time must be finite and > 0 (" + t + ")");
        }
        int last = TENORS.length - 1;
        if (t <= TENORS[0].years()) {
            into[0] += amount;
            return;
        }
        if (t >= TENORS[last].years()) {
            into[last] += amount;
            return;
        }
        int j = 0;
        while (TENORS[j + 1].years() <= t) {
            j++;
        }
        double lo = TENORS[j].years();
        if (t == lo) {
            into[j] += amount;
            return;
        }
        double hi = TENORS[j + 1].years();
        double upper = amount * ((t - lo) / (hi - lo));
        into[j + 1] += upper;
        into[j] += amount - upper;
    }
}
