package dev.adjointgreeks.ad;

import java.util.Arrays;

/**
 * Tangent-over-adjoint on a {@link BlockTape} that records curvature: one forward sweep of
 * tangents and one reverse sweep of adjoints and their tangents give, per lane, the gradient and
 * one row of the Hessian per tangent direction ({@code H d}), for every input at once.
 *
 * <p>Each operation records its local partials {@code p_e = d v / d x_e} (the first-order tape) and,
 * when {@link BlockTape#recordCurvature} is on, how each partial moves with its operands: terms
 * {@code (e, m, c)} meaning {@code d p_e = c * d x_m} (the operation's second derivatives, written
 * beside its first in {@link Block} and {@link BlockOps}). With the input tangents {@code xdot = d}:
 * <pre>
 *   forward:  vdot        = sum_e p_e xdot_e
 *   reverse:  xbar_e     += p_e vbar
 *             xbardot_e  += p_e vbardot + vbar sum_{terms of e} c xdot_m
 * </pre>
 * so {@code xbar} of an input is the gradient and {@code xbardot} the Hessian times {@code d}
 * (Griewank and Walther, <i>Evaluating Derivatives</i>, 2nd ed., section 5.4, second-order adjoints).
 * A vector of {@code D} directions is carried side by side: the cross-gamma matrix of a basket of
 * {@code N} assets is one sweep of width {@code N}.
 *
 * <p>The reverse sweep of the adjoints is the tape's own ({@code BlockTape.propagate}): same node
 * and entry order, same arithmetic, same treatment of a zero adjoint, so the gradient equals the
 * first-order block tape's to the last bit, lane by lane or summed.
 *
 * <p>Use, as with {@link BlockTape#sweepPath}: register the inputs on a tape with curvature on,
 * record the setup and {@link BlockTape#mark()}; {@link #setupTangents(int)} once; per block record
 * the path section and call {@link #sweepPath}; then {@link #backwardSetup} (lane by lane, per-path
 * values, or summed) and drain with {@link #drainLanes} or {@link #drainSums}.
 */
public final class TangentAdjoint {

    private final BlockTape tape;
    private final int dirs;
    /** {@code seeds[d][k]}: tangent of the k-th registered input in direction d. */
    private final double[][] seeds;
    /** Input ordinal of each node, or -1. */
    private int[] ordinal = new int[0];

    /** Lane adjoints of each node (kept across blocks, cleared as they are swept). */
    private double[][] adj = new double[0][];
    /** {@code adot[i][d]}: lane tangents of node i's adjoint in direction d. */
    private double[][][] adot = new double[0][][];
    /** {@code dotLanes[i][d]}: lane tangents of a per-lane node's value; null for a uniform node. */
    private double[][][] dotLanes = new double[0][][];
    /** {@code dotUniform[i * dirs + d]}: the tangent of a uniform node's value. */
    private double[] dotUniform = new double[0];
    private final double[] sums;

    /**
     * {@code directions[d][k]} is the tangent of the k-th input registered on {@code tape} in
     * direction d. The tape must record curvature.
     */
    public TangentAdjoint(BlockTape tape, double[][] directions) {
        if (!tape.recordsCurvature()) {
            throw new IllegalArgumentException("tangent-over-adjoint needs a tape that records curvature "
                    + "(BlockTape.recordCurvature(true) before its inputs)");
        }
        this.tape = tape;
        this.dirs = directions.length;
        this.seeds = new double[dirs][];
        for (int d = 0; d < dirs; d++) {
            seeds[d] = directions[d].clone();
        }
        this.sums = new double[dirs];
    }

    /** Number of tangent directions. */
    public int directions() {
        return dirs;
    }

    private void ensure(int nodes) {
        if (adj.length >= nodes) {
            return;
        }
        int old = adj.length;
        int cap = Math.max(nodes, 2 * old + 64);
        adj = Arrays.copyOf(adj, cap);
        adot = Arrays.copyOf(adot, cap);
        dotLanes = Arrays.copyOf(dotLanes, cap);
        dotUniform = Arrays.copyOf(dotUniform, cap * dirs);
        ordinal = Arrays.copyOf(ordinal, cap);
        Arrays.fill(ordinal, old, cap, -1);
        for (int k = 0; k < tape.inputCount; k++) {
            int n = tape.inputs[k];
            if (n < cap) {
                ordinal[n] = k;
            }
        }
    }

    private double[] adjointLanes(int i) {
        double[] a = adj[i];
        if (a == null) {
            a = new double[tape.width];
            adj[i] = a;
            double[][] t = new double[dirs][];
            for (int d = 0; d < dirs; d++) {
                t[d] = new double[tape.width];
            }
            adot[i] = t;
        }
        return a;
    }

    /** The tangents of nodes {@code 0 .. mark-1} (the setup section): once, after the mark. */
    public void setupTangents(int mark) {
        if (seeds.length > 0 && seeds[0].length != tape.inputCount) {
            throw new IllegalArgumentException(seeds[0].length + " tangent components for "
                    + tape.inputCount + " registered inputs");
        }
        forward(0, mark);
    }

    /** Tangents of nodes {@code from .. to-1}, in recording order. */
    private void forward(int from, int to) {
        ensure(to);
        final int w = tape.live;
        final int[] start = tape.start;
        final int[] arg = tape.arg;
        final double[] pu = tape.partialUniform;
        final double[][] pl = tape.partialLanes;
        for (int i = from; i < to; i++) {
            adjointLanes(i);
            int e0 = start[i];
            int e1 = start[i + 1];
            if (tape.uniform[i]) {
                dotLanes[i] = null;
                for (int d = 0; d < dirs; d++) {
                    double s;
                    if (e0 == e1) {
                        s = ordinal[i] >= 0 ? seeds[d][ordinal[i]] : 0.0;
                    } else {
                        s = 0.0;
                        for (int e = e0; e < e1; e++) {
                            s += pu[e] * dotUniform[arg[e] * dirs + d];   // a uniform node's operands are uniform
                        }
                    }
                    dotUniform[i * dirs + d] = s;
                }
                continue;
            }
            double[][] dl = dotLanes[i];
            if (dl == null || dl.length != dirs) {
                dl = new double[dirs][tape.width];
                dotLanes[i] = dl;
            }
            for (int d = 0; d < dirs; d++) {
                double[] r = dl[d];
                if (e0 == e1) {
                    Arrays.fill(r, 0, w, ordinal[i] >= 0 ? seeds[d][ordinal[i]] : 0.0);
                    continue;
                }
                Arrays.fill(r, 0, w, 0.0);
                for (int e = e0; e < e1; e++) {
                    int a = arg[e];
                    double[] p = pl[e];
                    double[][] ad = dotLanes[a];
                    if (ad == null) {
                        double t = dotUniform[a * dirs + d];
                        if (t == 0.0) {
                            continue;
                        }
                        if (p == null) {
                            double c = pu[e] * t;
                            for (int l = 0; l < w; l++) {
                                r[l] += c;
                            }
                        } else {
                            for (int l = 0; l < w; l++) {
                                r[l] += p[l] * t;
                            }
                        }
                    } else {
                        double[] t = ad[d];
                        if (p == null) {
                            double c = pu[e];
                            for (int l = 0; l < w; l++) {
                                r[l] += c * t[l];
                            }
                        } else {
                            for (int l = 0; l < w; l++) {
                                r[l] += p[l] * t[l];
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * One block: the tangents of the path section (nodes from {@code mark}), then the reverse sweep
     * of adjoints and adjoint tangents lane by lane back to {@code mark}, lane l of {@code output}
     * seeded with {@code weights[l]}; what reaches the setup stays in its nodes' lanes. Rewinds the
     * tape to {@code mark}, as {@link BlockTape#sweepPath} does.
     */
    public void sweepPath(Block output, double[] weights, int mark) {
        tape.checkOwn(output);
        int size = tape.size;
        forward(mark, size);
        if (output.index >= 0) {
            double[] a = adj[output.index];
            for (int l = 0; l < tape.live; l++) {
                a[l] += weights[l];
            }
            reverse(size - 1, mark, false);
        }
        tape.rewind(mark);
    }

    /**
     * The reverse sweep of the setup section (nodes {@code mark-1 .. 0}): lane by lane (every lane's
     * gradient and Hessian rows stay apart), or {@code summed}, a uniform node's lanes added and
     * pushed on as one number (lane sums only, as {@link BlockTape#backwardSummed}).
     */
    public void backwardSetup(int mark, boolean summed) {
        reverse(mark - 1, 0, summed);
    }

    private void reverse(int from, int stop, boolean summed) {
        final int all = tape.width;
        final int w = tape.live;
        final int[] start = tape.start;
        final int[] arg = tape.arg;
        final double[] pu = tape.partialUniform;
        final double[][] pl = tape.partialLanes;
        final int[] termStart = tape.termStart;
        final int[] termEntry = tape.termEntry;
        final int[] termNode = tape.termNode;
        final double[] termUniform = tape.termUniform;
        final double[][] termLanes = tape.termLanes;
        for (int i = from; i >= stop; i--) {
            final double[] a = adj[i];
            final double[][] ad = adot[i];
            int e0 = start[i];
            int e1 = start[i + 1];
            if (summed && tape.uniform[i]) {
                double s = 0.0;
                for (int l = 0; l < all; l++) {
                    s += a[l];
                }
                Arrays.fill(a, 0.0);
                boolean any = s != 0.0;
                for (int d = 0; d < dirs; d++) {
                    double sd = 0.0;
                    double[] x = ad[d];
                    for (int l = 0; l < all; l++) {
                        sd += x[l];
                    }
                    Arrays.fill(x, 0.0);
                    sums[d] = sd;
                    any |= sd != 0.0;
                }
                if (e0 == e1) {
                    a[0] = s;   // an input keeps its lane sum in lane 0
                    for (int d = 0; d < dirs; d++) {
                        ad[d][0] = sums[d];
                    }
                    continue;
                }
                if (!any) {
                    continue;
                }
                for (int e = e0; e < e1; e++) {
                    int t = arg[e];
                    adj[t][0] += pu[e] * s;
                    for (int d = 0; d < dirs; d++) {
                        adot[t][d][0] += pu[e] * sums[d];
                    }
                }
                if (s != 0.0) {
                    for (int k = termStart[i]; k < termStart[i + 1]; k++) {
                        int t = arg[termEntry[k]];
                        int m = termNode[k];
                        for (int d = 0; d < dirs; d++) {
                            adot[t][d][0] += termUniform[k] * dotUniform[m * dirs + d] * s;
                        }
                    }
                }
                continue;
            }
            if (e0 == e1) {
                continue;   // an input keeps what it accumulated
            }
            if (allZero(a, w) && allZero(ad, w)) {
                continue;
            }
            for (int e = e0; e < e1; e++) {
                final int t = arg[e];
                final double[] ta = adj[t];
                final double[][] tad = adot[t];
                final double[] p = pl[e];
                if (p == null) {
                    final double c = pu[e];
                    boolean finite = Double.isFinite(c);
                    for (int l = 0; l < w; l++) {
                        ta[l] += finite ? c * a[l] : unlessZero(c * a[l], a[l]);
                    }
                    for (int d = 0; d < dirs; d++) {
                        final double[] x = ad[d];
                        final double[] y = tad[d];
                        if (finite) {
                            for (int l = 0; l < w; l++) {
                                y[l] += c * x[l];
                            }
                        } else {
                            for (int l = 0; l < w; l++) {
                                y[l] += unlessZero(c * x[l], x[l]);
                            }
                        }
                    }
                } else {
                    boolean finite = allFinite(p, w);
                    if (finite) {
                        for (int l = 0; l < w; l++) {
                            ta[l] += p[l] * a[l];
                        }
                    } else {
                        for (int l = 0; l < w; l++) {
                            ta[l] += unlessZero(p[l] * a[l], a[l]);
                        }
                    }
                    for (int d = 0; d < dirs; d++) {
                        final double[] x = ad[d];
                        final double[] y = tad[d];
                        if (finite) {
                            for (int l = 0; l < w; l++) {
                                y[l] += p[l] * x[l];
                            }
                        } else {
                            for (int l = 0; l < w; l++) {
                                y[l] += unlessZero(p[l] * x[l], x[l]);
                            }
                        }
                    }
                }
            }
            for (int k = termStart[i]; k < termStart[i + 1]; k++) {
                final double[][] tad = adot[arg[termEntry[k]]];
                final int m = termNode[k];
                final double[] c = termLanes[k];
                final double[][] md = dotLanes[m];
                for (int d = 0; d < dirs; d++) {
                    final double[] y = tad[d];
                    if (md == null) {
                        double t = dotUniform[m * dirs + d];
                        if (t == 0.0) {
                            continue;
                        }
                        if (c == null) {
                            double ct = termUniform[k] * t;
                            for (int l = 0; l < w; l++) {
                                y[l] += unlessZero(ct * a[l], a[l]);
                            }
                        } else {
                            for (int l = 0; l < w; l++) {
                                y[l] += unlessZero(c[l] * t * a[l], a[l]);
                            }
                        }
                    } else {
                        final double[] t = md[d];
                        if (c == null) {
                            double cu = termUniform[k];
                            for (int l = 0; l < w; l++) {
                                y[l] += unlessZero(cu * t[l] * a[l], a[l]);
                            }
                        } else {
                            for (int l = 0; l < w; l++) {
                                y[l] += unlessZero(c[l] * t[l] * a[l], a[l]);
                            }
                        }
                    }
                }
            }
            Arrays.fill(a, 0.0);
            for (int d = 0; d < dirs; d++) {
                Arrays.fill(ad[d], 0.0);
            }
        }
    }

    private static boolean allZero(double[] a, int w) {
        for (int l = 0; l < w; l++) {
            if (a[l] != 0.0) {
                return false;
            }
        }
        return true;
    }

    private static boolean allZero(double[][] a, int w) {
        for (double[] x : a) {
            if (!allZero(x, w)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allFinite(double[] p, int w) {
        for (int l = 0; l < w; l++) {
            if (!(Math.abs(p[l]) <= Double.MAX_VALUE)) {
                return false;
            }
        }
        return true;
    }

    /** {@code a == 0 ? 0 : product}: a lane whose adjoint is zero contributes nothing (as the tape). */
    private static double unlessZero(double product, double a) {
        long bits = Double.doubleToRawLongBits(a) << 1;
        long mask = (bits | -bits) >> 63;
        return Double.longBitsToDouble(Double.doubleToRawLongBits(product) & mask);
    }

    /**
     * Writes lane l of input k's adjoint into {@code out[gradientRows[k]][at + l]} and of its tangent
     * in direction d into {@code out[tangentRows[d][k]][at + l]}, for {@code l < lanes}, and clears
     * them: per-path gradients and Hessian rows after a lane-by-lane sweep of the setup.
     */
    public void drainLanes(double[][] out, int[] gradientRows, int[][] tangentRows, int at, int lanes) {
        for (int k = 0; k < tape.inputCount; k++) {
            int n = tape.inputs[k];
            adjointLanes(n);
            System.arraycopy(adj[n], 0, out[gradientRows[k]], at, lanes);
            Arrays.fill(adj[n], 0.0);
            for (int d = 0; d < dirs; d++) {
                System.arraycopy(adot[n][d], 0, out[tangentRows[d][k]], at, lanes);
                Arrays.fill(adot[n][d], 0.0);
            }
        }
    }

    /** Adds the lane sums of every input's adjoint and adjoint tangents into {@code sums} by row; clears them. */
    public void drainSums(double[] sums, int[] gradientRows, int[][] tangentRows) {
        for (int k = 0; k < tape.inputCount; k++) {
            int n = tape.inputs[k];
            adjointLanes(n);
            sums[gradientRows[k]] += laneSum(adj[n]);
            Arrays.fill(adj[n], 0.0);
            for (int d = 0; d < dirs; d++) {
                sums[tangentRows[d][k]] += laneSum(adot[n][d]);
                Arrays.fill(adot[n][d], 0.0);
            }
        }
    }

    private double laneSum(double[] a) {
        double s = 0.0;
        for (int l = 0; l < tape.width; l++) {
            s += a[l];
        }
        return s;
    }
}
