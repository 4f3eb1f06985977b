package dev.adjointgreeks.ad;

import java.util.Arrays;

/**
 * Lane-by-lane decisions without branches: {@code max}, {@code min} and {@code select} of the block
 * scalar and of its replay take one operand on each lane, and their partial is 1 on the lanes that
 * take it, 0 elsewhere. Both {@link BlockOps} (recording) and {@link BlockProgram} (replaying) call
 * these loops, so a replayed block equals a recorded one to the last bit.
 *
 * <p><b>Why.</b> The lanes of a Monte Carlo block fall either side of a payoff's kink at random, so a
 * compare-and-branch per lane mispredicts on about half of them, and C2 (JDK 17) compiles a
 * {@code double} compare feeding a ternary as a branch. Measured on 128 random lanes: 5.0-5.4 ns per
 * lane for {@code take ? v : c} with its 0/1 partial, 0.7 ns for the loops below.
 *
 * <p><b>How.</b> {@code x >= y} is the sign bit of {@code (x - y) + 0.0}: for operands whose difference
 * is not NaN the difference is zero exactly when they are equal (gradual underflow), its sign is
 * exact otherwise (an overflow to an infinity keeps it), and adding {@code +0.0} turns the one
 * negative zero ({@code -0.0 - 0.0}) positive. The chosen value is moved as bits, so it is exactly
 * the operand the compare would take. A block in which some difference is NaN (a NaN operand, or
 * equal infinities) is redone with the plain compare: the results are those of the compare on
 * every input ({@code RulesConsistencyTest} checks signed zeros, infinities and NaN). The mask
 * {@code m} of {@code select} is always written (a caller without a partial passes a scratch
 * array); {@code max} and {@code min} take a null {@code m} for the values alone (a passive
 * replay: the mask's conversion and store were a third of the loop).
 */
final class LaneChoice {

    private static final long MAGNITUDE = Long.MAX_VALUE;
    private static final long INFINITY = 0x7ff0000000000000L;

    private LaneChoice() {
    }

    /**
     * The decision {@code op} of the block scalar and of its replay: lane l of {@code r} takes
     * {@code x} where {@code x >= y} ({@code MAX2}), {@code x <= y} ({@code MIN2}, {@code MINC}) or
     * {@code cond > 0} ({@code SELECT}), else {@code y} ({@code yc} where {@code y} is null);
     * {@code px} and {@code py}, where not null, get the 0/1 partials of x and y. {@code scratch}
     * holds the mask where it is needed but no partial of x is kept.
     */
    static void blend(int op, double[] r, double[] px, double[] py, double[] cond, double[] x, double[] y, double yc,
            double[] scratch, int w) {
        double[] m = px != null ? px : py != null || op == BlockProgram.SELECT ? scratch : null;
        switch (op) {
            case BlockProgram.MAX2:
                max(r, m, x, y, yc, w);
                break;
            case BlockProgram.SELECT:
                select(r, m, cond, x, y, yc, w);
                break;
            default:
                min(r, m, x, y, yc, w);
        }
        if (py != null) {
            complement(py, m, w);
        }
    }

    /** {@code lanes} with {@code v} on lanes {@code 0 .. w-1}: a uniform operand spread out. */
    static double[] filled(double[] lanes, double v, int w) {
        Arrays.fill(lanes, 0, w, v);
        return lanes;
    }

    /**
     * {@code r[l] = x[l] >= y[l] ? x[l] : y[l]} and {@code m[l]} 1 where x is taken, else 0;
     * {@code y} null for the uniform {@code c}.
     */
    static void max(double[] r, double[] m, double[] x, double[] y, double c, int w) {
        boolean exact = y == null ? choose(r, m, x, c, 1.0, w) : choose(r, m, x, y, 1.0, w);
        if (!exact) {
            byCompare(GE, r, m, x, x, y, c, w);
        }
    }

    /** As {@link #max}, taking x where {@code x[l] <= y[l]}. */
    static void min(double[] r, double[] m, double[] x, double[] y, double c, int w) {
        boolean exact = y == null ? choose(r, m, x, c, -1.0, w) : choose(r, m, x, y, -1.0, w);
        if (!exact) {
            byCompare(LE, r, m, x, x, y, c, w);
        }
    }

    /**
     * {@code r[l] = cond[l] > 0 ? x[l] : y[l]} and {@code m[l]} 1 where x is taken, else 0;
     * {@code y} null for the uniform {@code c}.
     */
    static void select(double[] r, double[] m, double[] cond, double[] x, double[] y, double c, int w) {
        long nan = 0;
        if (y == null) {
            long yb = Double.doubleToRawLongBits(c);
            for (int l = 0; l < w; l++) {
                long d = Double.doubleToRawLongBits(0.0 - cond[l]);   // never -0.0
                nan |= INFINITY - (d & MAGNITUDE);                     // negative where d is NaN
                long take = -(d >>> 63);                               // all ones where cond > 0
                r[l] = Double.longBitsToDouble((Double.doubleToRawLongBits(x[l]) & take) | (yb & ~take));
                m[l] = -take;
            }
        } else {
            for (int l = 0; l < w; l++) {
                long d = Double.doubleToRawLongBits(0.0 - cond[l]);
                nan |= INFINITY - (d & MAGNITUDE);
                long take = -(d >>> 63);
                r[l] = Double.longBitsToDouble((Double.doubleToRawLongBits(x[l]) & take)
                        | (Double.doubleToRawLongBits(y[l]) & ~take));
                m[l] = -take;
            }
        }
        if (nan < 0) {
            byCompare(GT0, r, m, cond, x, y, c, w);
        }
    }

    /** {@code out[l] = 1 - m[l]}: the partial of the operand not taken. */
    static void complement(double[] out, double[] m, int w) {
        for (int l = 0; l < w; l++) {
            out[l] = 1.0 - m[l];
        }
    }

    // x >= y is the sign bit of (x - y) + 0.0 where that is not NaN, and x <= y that of -(x - y) + 0.0
    // (y - x is -(x - y) exactly; the + 0.0 makes a zero positive either way): sign is 1 for max,
    // -1 for min. take = all ones where x is taken.

    private static boolean choose(double[] r, double[] m, double[] x, double[] y, double sign, int w) {
        long nan = 0;
        for (int l = 0; l < w; l++) {
            double u = x[l];
            double v = y[l];
            long d = Double.doubleToRawLongBits(sign * (u - v) + 0.0);
            nan |= INFINITY - (d & MAGNITUDE);
            long take = (d >>> 63) - 1;
            r[l] = Double.longBitsToDouble((Double.doubleToRawLongBits(u) & take) | (Double.doubleToRawLongBits(v) & ~take));
            if (m != null) {   // a loop-invariant test: C2 unswitches the loop
                m[l] = -take;
            }
        }
        return nan >= 0;
    }

    private static boolean choose(double[] r, double[] m, double[] x, double c, double sign, int w) {
        long nan = 0;
        long cb = Double.doubleToRawLongBits(c);
        for (int l = 0; l < w; l++) {
            double u = x[l];
            long d = Double.doubleToRawLongBits(sign * (u - c) + 0.0);
            nan |= INFINITY - (d & MAGNITUDE);
            long take = (d >>> 63) - 1;
            r[l] = Double.longBitsToDouble((Double.doubleToRawLongBits(u) & take) | (cb & ~take));
            if (m != null) {   // a loop-invariant test: C2 unswitches the loop
                m[l] = -take;
            }
        }
        return nan >= 0;
    }

    private static final int GE = 0;
    private static final int LE = 1;
    private static final int GT0 = 2;

    /** The plain compare, for a block with a NaN difference (rare: a NaN, or equal infinities). */
    private static void byCompare(int kind, double[] r, double[] m, double[] key, double[] x, double[] y, double c, int w) {
        for (int l = 0; l < w; l++) {
            double u = x[l];
            double v = y == null ? c : y[l];
            boolean take = kind == GE ? u >= v : kind == LE ? u <= v : key[l] > 0.0;
            r[l] = take ? u : v;
            if (m != null) {
                m[l] = take ? 1.0 : 0.0;
            }
        }
    }
}
