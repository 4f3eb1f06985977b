package dev.adjointgreeks.ad;

/**
 * Which lane arrays hold only finite numbers, remembered by array identity for one reverse sweep
 * ({@link BlockTape} and {@link TangentAdjoint}): one value's lanes are often the partial of many
 * entries (a normal multiplies every factor of a correlated step), and the scalar check over the
 * lanes cost more than the vectorised product it guards. With finite factors, a lane whose adjoint
 * is zero adds exactly 0 in the plain loop; otherwise the sweeps use {@link #unlessZero}.
 */
final class FiniteLanes {

    private static final int BITS = 10;
    private static final int SLOTS = 1 << BITS;
    private final double[][] keys = new double[SLOTS][];
    private final boolean[] values = new boolean[SLOTS];
    private final int[] used = new int[SLOTS / 2];
    private int count;

    /** Whether lanes {@code 0 .. w-1} of {@code p} are all finite, remembered until {@link #forget}. */
    boolean finite(double[] p, int w) {
        int h = slot(p);
        for (int probe = 0; probe < 8; probe++) {   // open addressing, linear probes
            double[] k = keys[h];
            if (k == p) {
                return values[h];
            }
            if (k == null) {
                boolean f = allFinite(p, w);
                put(h, p, f);
                return f;
            }
            h = (h + 1) & (SLOTS - 1);
        }
        return allFinite(p, w);
    }

    /** Remembers {@code p} as finite (an array finite by construction: a 0/1 mask). */
    void remember(double[] p) {
        int h = slot(p);
        for (int probe = 0; probe < 8; probe++) {
            if (keys[h] == null) {
                put(h, p, true);
                return;
            }
            if (keys[h] == p) {
                return;
            }
            h = (h + 1) & (SLOTS - 1);
        }
    }

    /** Forgets every array (at the start of a sweep: lane arrays do not change during one). */
    void forget() {
        for (int i = 0; i < count; i++) {
            keys[used[i]] = null;
        }
        count = 0;
    }

    private static int slot(double[] p) {
        return (System.identityHashCode(p) * 0x9E3779B9) >>> (32 - BITS);
    }

    private void put(int h, double[] p, boolean f) {
        if (count < SLOTS / 2) {
            keys[h] = p;
            values[h] = f;
            used[count++] = h;
        }
    }

    /**
     * Whether lanes {@code 0 .. w-1} of {@code p} are all finite. Eight lanes per test: {@code x * 0.0}
     * is a signed zero for a finite x and NaN for an infinite or NaN one, so a sum of eight is zero
     * exactly when all eight are finite (a tree of adds the CPU overlaps; JDK 17 vectorises neither
     * form). Measured against one compare per lane with an early exit: 30 against 40 ns at 128 lanes,
     * 37 against 49 at 157 (2026-12-06; the check was 8% of the portfolio's CPU).
     */
    static boolean allFinite(double[] p, int w) {
        int l = 0;
        for (; l + 8 <= w; l += 8) {
            double x = (p[l] * 0.0 + p[l + 1] * 0.0) + (p[l + 2] * 0.0 + p[l + 3] * 0.0)
                    + ((p[l + 4] * 0.0 + p[l + 5] * 0.0) + (p[l + 6] * 0.0 + p[l + 7] * 0.0));
            if (x != 0.0) {
                return false;
            }
        }
        for (; l < w; l++) {
            if (!(Math.abs(p[l]) <= Double.MAX_VALUE)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether lanes {@code 0 .. w-1} of {@code p} hold no NaN, eight lanes per test: {@code x - x}
     * is 0 for a finite x and NaN for an infinite or NaN one, but an infinite adjoint may be the
     * checked sweep's own result, so only NaN (a sum of eight is NaN exactly when one lane is) tells
     * an unchecked product {@code 0 * infinity} apart.
     */
    static boolean noNaN(double[] p, int w) {
        int l = 0;
        for (; l + 8 <= w; l += 8) {
            double x = (p[l] + p[l + 1]) + (p[l + 2] + p[l + 3]) + ((p[l + 4] + p[l + 5]) + (p[l + 6] + p[l + 7]));
            if (x != x) {
                break;   // NaN here, or infinities of both signs: decide lane by lane
            }
        }
        for (; l < w; l++) {
            if (p[l] != p[l]) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code a == 0 ? 0 : product}, without a branch: a lane whose adjoint is zero contributes
     * nothing, even where its partial is infinite (the per-path tape skips such a node).
     */
    static double unlessZero(double product, double a) {
        long bits = Double.doubleToRawLongBits(a) << 1;
        long mask = (bits | -bits) >> 63;   // all ones unless a is +-0
        return Double.longBitsToDouble(Double.doubleToRawLongBits(product) & mask);
    }
}
