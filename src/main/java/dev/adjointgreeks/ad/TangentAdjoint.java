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
 *
 * <p><b>Why this file is long.</b> As in {@link BlockTape}, each lane loop is written out per shape
 * (uniform or per-lane partial, coefficient and tangent; first write or add) so that it is a plain
 * counted loop the JIT vectorises, and the structurally zero is skipped rather than multiplied:
 * a direction's tangent that no operand carries ({@code dotZero}), an adjoint tangent nothing
 * reached ({@code adotLive}), the curvature terms of a node no lane reached. One or two
 * directions (a spot and a vol) have fused loops that read each partial once for all of them.
 * Measured on the {@code second-order} bench (2026-12-06-tangent-speed.md): the curvature terms'
 * branch-free zero test was half the reverse sweep.
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
     * {@code dotZero[i * dirs + d]}: node i's tangent in direction d is structurally zero (no
     * operand's is nonzero, or a zero seed); its lanes are then stale and never read.
     */
    private boolean[] dotZero = new boolean[0];
    /**
     * {@code adotLive[i * dirs + d]}: something was added to node i's adjoint tangent in direction d
     * since it was last cleared (false: its lanes are all zero).
     */
    private boolean[] adotLive = new boolean[0];
    /**
     * {@code spread[i]}: a lane loop may have written lanes beyond 0 of node i's adjoint or adjoint
     * tangents (false: only lane 0, where a summed sweep pushes). A summed sweep of the setup then
     * reads and clears one lane instead of {@code 1 + dirs} whole arrays per node (a third of the
     * basket-10's sweep, its Cholesky and loadings).
     */
    private boolean[] spread = new boolean[0];
    /** The live directions of the node being swept. */
    private final int[] liveDirs;
    /** The node being swept: its lanes whose adjoint is zero (when some but not all are), and a scratch. */
    private final int[] zeroLanes;
    private int zeros;
    /** Up to {@code w / FEW_ZEROS} zero lanes are put back after the plain loop (measured: 8). */
    private static final int FEW_ZEROS = 8;
    private final double[] saved;

    /** Finiteness of lane arrays within one reverse sweep. */
    private final FiniteLanes finiteLanes = new FiniteLanes();

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
        this.liveDirs = new int[dirs];
        this.zeroLanes = new int[tape.width()];
        this.saved = new double[tape.width()];
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
        dotZero = Arrays.copyOf(dotZero, cap * dirs);
        adotLive = Arrays.copyOf(adotLive, cap * dirs);
        spread = Arrays.copyOf(spread, cap);
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

    /**
     * Tangents of nodes {@code from .. to-1}, in recording order. A direction whose operands'
     * tangents are all structurally zero is flagged ({@link #dotZero}) and its lanes not written:
     * many nodes do not depend on the vol or on some spots, and every later loop skips them.
     */
    private void forward(int from, int to) {
        ensure(to);
        final int w = tape.live;
        final int[] start = tape.start;
        final int[] arg = tape.arg;
        final double[] pu = tape.partialUniform;
        for (int i = from; i < to; i++) {
            adjointLanes(i);
            int e0 = start[i];
            int e1 = start[i + 1];
            if (tape.uniform[i]) {
                dotLanes[i] = null;
                for (int d = 0; d < dirs; d++) {
                    double s = 0.0;
                    if (e0 == e1) {
                        s = ordinal[i] >= 0 ? seeds[d][ordinal[i]] : 0.0;
                    } else {
                        for (int e = e0; e < e1; e++) {
                            int a = arg[e];
                            if (!dotZero[a * dirs + d]) {
                                s += pu[e] * dotUniform[a * dirs + d];   // a uniform node's operands are uniform
                            }
                        }
                    }
                    dotUniform[i * dirs + d] = s;
                    dotZero[i * dirs + d] = s == 0.0;
                }
                continue;
            }
            double[][] dl = dotLanes[i];
            if (dl == null || dl.length != dirs) {
                dl = new double[dirs][tape.width];
                dotLanes[i] = dl;
            }
            if (dirs == 2 && e0 < e1) {
                forwardPair(i, e0, e1, dl[0], dl[1], w);
                continue;
            }
            for (int d = 0; d < dirs; d++) {
                double[] r = dl[d];
                if (e0 == e1) {
                    double s = ordinal[i] >= 0 ? seeds[d][ordinal[i]] : 0.0;
                    Arrays.fill(r, 0, w, s);
                    dotZero[i * dirs + d] = s == 0.0;
                    continue;
                }
                forwardOne(i, d, e0, e1, r, w);
            }
        }
    }

    /**
     * Tangents of a per-lane node with two directions (a spot and a vol, the usual case): where an
     * operand has per-lane tangents in both, one loop writes both (its partial read once); the
     * rest direction by direction. The same products and sums as {@link #forwardOne}.
     */
    private void forwardPair(int i, int e0, int e1, double[] r0, double[] r1, int w) {
        final int[] arg = tape.arg;
        final double[] pu = tape.partialUniform;
        final double[][] pl = tape.partialLanes;
        boolean zero0 = true;
        boolean zero1 = true;
        for (int e = e0; e < e1; e++) {
            int a = arg[e];
            double[][] ad = dotLanes[a];
            if (ad == null || dotZero[2 * a] || dotZero[2 * a + 1] || zero0 != zero1) {
                zero0 = forwardEntry(e, 0, r0, zero0, w) && zero0;
                zero1 = forwardEntry(e, 1, r1, zero1, w) && zero1;
                continue;
            }
            double[] t0 = ad[0];
            double[] t1 = ad[1];
            double[] p = pl[e];
            if (p == null) {
                double c = pu[e];
                if (zero0) {
                    for (int l = 0; l < w; l++) {
                        r0[l] = c * t0[l];
                        r1[l] = c * t1[l];
                    }
                } else {
                    for (int l = 0; l < w; l++) {
                        r0[l] += c * t0[l];
                        r1[l] += c * t1[l];
                    }
                }
            } else if (zero0) {
                for (int l = 0; l < w; l++) {
                    double pl0 = p[l];
                    r0[l] = pl0 * t0[l];
                    r1[l] = pl0 * t1[l];
                }
            } else {
                for (int l = 0; l < w; l++) {
                    double pl0 = p[l];
                    r0[l] += pl0 * t0[l];
                    r1[l] += pl0 * t1[l];
                }
            }
            zero0 = false;
            zero1 = false;
        }
        dotZero[2 * i] = zero0;
        dotZero[2 * i + 1] = zero1;
    }

    /** Direction d's tangent of per-lane node i from its entries. */
    private void forwardOne(int i, int d, int e0, int e1, double[] r, int w) {
        boolean zero = true;
        for (int e = e0; e < e1; e++) {
            zero = forwardEntry(e, d, r, zero, w) && zero;
        }
        dotZero[i * dirs + d] = zero;
    }

    /**
     * Adds entry e's share of direction d to the lanes {@code r} (writes it where {@code zero}:
     * nothing written yet, which saves clearing). Returns whether it wrote nothing (a structurally
     * zero operand tangent).
     */
    private boolean forwardEntry(int e, int d, double[] r, boolean zero, int w) {
        final int[] arg = tape.arg;
        final double[] pu = tape.partialUniform;
        final double[][] pl = tape.partialLanes;
        int a = arg[e];
        if (dotZero[a * dirs + d]) {
            return true;
        }
        double[] p = pl[e];
        double[][] ad = dotLanes[a];
        if (ad == null) {
            double t = dotUniform[a * dirs + d];
            if (p == null) {
                double c = pu[e] * t;
                if (zero) {
                    Arrays.fill(r, 0, w, c);
                } else {
                    for (int l = 0; l < w; l++) {
                        r[l] += c;
                    }
                }
            } else if (zero) {
                for (int l = 0; l < w; l++) {
                    r[l] = p[l] * t;
                }
            } else {
                for (int l = 0; l < w; l++) {
                    r[l] += p[l] * t;
                }
            }
            return false;
        }
        double[] t = ad[d];
        if (p == null) {
            double c = pu[e];
            if (zero) {
                for (int l = 0; l < w; l++) {
                    r[l] = c * t[l];
                }
            } else {
                for (int l = 0; l < w; l++) {
                    r[l] += c * t[l];
                }
            }
        } else if (zero) {
            for (int l = 0; l < w; l++) {
                r[l] = p[l] * t[l];
            }
        } else {
            for (int l = 0; l < w; l++) {
                r[l] += p[l] * t[l];
            }
        }
        return false;
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
            spread[output.index] = true;
            for (int l = 0; l < tape.live; l++) {
                a[l] += weights[l];
            }
            reverse(size - 1, mark, false);
        }
        tape.rewind(mark);
    }

    /**
     * As {@link BlockTape#segmentAdjoints}: lane i of every setup node's adjoint and adjoint tangents
     * becomes Monte Carlo block i's lane sum, so that {@link #backwardSetup} lane by lane on
     * {@code counts.length} live lanes gives each block's sums apart.
     */
    public void segmentSetup(int mark, int[] counts) {
        for (int i = 0; i < mark; i++) {
            if (!spread[i] || adj[i] == null) {
                continue;
            }
            BlockTape.segmentLanes(adj[i], counts);
            for (int d = 0; d < dirs; d++) {
                if (adotLive[i * dirs + d]) {
                    BlockTape.segmentLanes(adot[i][d], counts);
                }
            }
        }
    }

    /**
     * The reverse sweep of the setup section (nodes {@code mark-1 .. 0}): lane by lane (every lane's
     * gradient and Hessian rows stay apart), or {@code summed}, a uniform node's lanes added and
     * pushed on as one number (lane sums only, as {@link BlockTape#backwardSummed}).
     */
    public void backwardSetup(int mark, boolean summed) {
        reverse(mark - 1, 0, summed);
    }

    /**
     * The reverse sweep over nodes {@code from .. stop}. The adjoint updates are those of
     * {@code BlockTape.propagate}, loop for loop (a node none of whose lanes is reached is skipped;
     * the plain loop where every lane is reached or the partial is finite), so the gradient is
     * bit-identical. The adjoint tangents skip what is structurally zero: a direction whose
     * adjoint tangent nothing has reached ({@link #adotLive}), a curvature term whose tangent is
     * zero ({@link #dotZero}), every curvature term of a node whose adjoint is zero on all lanes.
     */
    private void reverse(int from, int stop, boolean summed) {
        forgetFinite();   // lane arrays do not change during one sweep
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
            if (summed && tape.uniform[i]) {
                reverseSummed(i);
                continue;
            }
            final int e0 = start[i];
            final int e1 = start[i + 1];
            if (e0 == e1) {
                continue;   // an input keeps what it accumulated
            }
            final double[] a = adj[i];
            final double[][] ad = adot[i];
            // Is any lane's adjoint nonzero, and are all? (as BlockTape.propagate, same early exits)
            int firstZero = 0;
            while (firstZero < w && a[firstZero] != 0.0) {
                firstZero++;
            }
            final boolean every = firstZero == w;
            boolean none = false;
            if (!every && firstZero == 0) {
                int j = 1;
                while (j < w && a[j] == 0.0) {
                    j++;
                }
                none = j == w;
            }
            if (!every && !none) {
                zeros = 0;   // the lanes whose adjoint is zero, for the curvature terms' fix-up
                for (int l = firstZero; l < w; l++) {
                    if (a[l] == 0.0) {
                        zeroLanes[zeros++] = l;
                    }
                }
            }
            int live = 0;
            for (int d = 0; d < dirs; d++) {
                if (adotLive[i * dirs + d]) {
                    liveDirs[live++] = d;
                }
            }
            if (none && live == 0) {
                continue;
            }
            for (int e = e0; e < e1; e++) {
                final int t = arg[e];
                spread[t] = true;
                final double[] ta = adj[t];
                final double[][] tad = adot[t];
                final double[] p = pl[e];
                if (p == null) {
                    final double c = pu[e];
                    final boolean finite = Double.isFinite(c);
                    if (finite && !none && live == dirs && dirs <= 2) {
                        fusedUniform(c, a, ad, ta, tad, t, w);
                        continue;
                    }
                    if (!none) {
                        if (every || finite) {
                            for (int l = 0; l < w; l++) {
                                ta[l] += c * a[l];
                            }
                        } else {
                            for (int l = 0; l < w; l++) {
                                ta[l] += unlessZero(c * a[l], a[l]);
                            }
                        }
                    }
                    for (int j = 0; j < live; j++) {
                        final int d = liveDirs[j];
                        final double[] x = ad[d];
                        final double[] y = tad[d];
                        adotLive[t * dirs + d] = true;
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
                    continue;
                }
                // Where every lane's adjoint is nonzero a non-finite partial already makes that lane's
                // gradient non-finite (nothing maps an infinite adjoint back to a finite one), so its
                // adjoint tangents need no guard: the scan is skipped (it was a seventh of the sweep).
                final boolean finite = every || finite(p, w);
                if (finite && !none && live == dirs && dirs <= 2) {
                    fusedLanes(p, a, ad, ta, tad, t, w);
                    continue;
                }
                if (!none) {
                    if (finite) {   // every lane reached implies finite here
                        for (int l = 0; l < w; l++) {
                            ta[l] += p[l] * a[l];
                        }
                    } else {
                        for (int l = 0; l < w; l++) {
                            ta[l] += unlessZero(p[l] * a[l], a[l]);
                        }
                    }
                }
                for (int j = 0; j < live; j++) {
                    final int d = liveDirs[j];
                    final double[] x = ad[d];
                    final double[] y = tad[d];
                    adotLive[t * dirs + d] = true;
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
            if (!none) {
                for (int k = termStart[i]; k < termStart[i + 1]; k++) {
                    final int t = arg[termEntry[k]];
                    spread[t] = true;
                    final int m = termNode[k];
                    final double[] c = termLanes[k];
                    final double[][] md = dotLanes[m];
                    for (int d = 0; d < dirs; d++) {
                        if (dotZero[m * dirs + d]) {
                            continue;
                        }
                        adotLive[t * dirs + d] = true;
                        if (md == null) {
                            termTimesUniform(adot[t][d], a, c, termUniform[k], dotUniform[m * dirs + d], every, w);
                        } else {
                            termTimesLanes(adot[t][d], a, c, termUniform[k], md[d], every, w);
                        }
                    }
                }
                Arrays.fill(a, 0.0);
            }
            for (int j = 0; j < live; j++) {
                Arrays.fill(ad[liveDirs[j]], 0.0);
                adotLive[i * dirs + liveDirs[j]] = false;
            }
        }
    }

    /**
     * One entry's adjoint and adjoint tangents in one lane loop, for one or two directions (the
     * usual spot and vol) all live, a finite partial and some lane reached: the partial and the
     * adjoint are read once instead of once per direction. The same products as the separate
     * loops, so the same bits.
     */
    private void fusedLanes(double[] p, double[] a, double[][] ad, double[] ta, double[][] tad, int t, int w) {
        final double[] x0 = ad[0];
        final double[] y0 = tad[0];
        adotLive[t * dirs] = true;
        if (dirs == 1) {
            for (int l = 0; l < w; l++) {
                ta[l] += p[l] * a[l];
                y0[l] += p[l] * x0[l];
            }
            return;
        }
        final double[] x1 = ad[1];
        final double[] y1 = tad[1];
        adotLive[t * dirs + 1] = true;
        for (int l = 0; l < w; l++) {
            double pl = p[l];
            ta[l] += pl * a[l];
            y0[l] += pl * x0[l];
            y1[l] += pl * x1[l];
        }
    }

    /** As {@link #fusedLanes} with a uniform partial {@code c}. */
    private void fusedUniform(double c, double[] a, double[][] ad, double[] ta, double[][] tad, int t, int w) {
        final double[] x0 = ad[0];
        final double[] y0 = tad[0];
        adotLive[t * dirs] = true;
        if (dirs == 1) {
            for (int l = 0; l < w; l++) {
                ta[l] += c * a[l];
                y0[l] += c * x0[l];
            }
            return;
        }
        final double[] x1 = ad[1];
        final double[] y1 = tad[1];
        adotLive[t * dirs + 1] = true;
        for (int l = 0; l < w; l++) {
            ta[l] += c * a[l];
            y0[l] += c * x0[l];
            y1[l] += c * x1[l];
        }
    }

    /**
     * {@code y += c (t a)}, a curvature term whose node has a uniform tangent {@code t} ({@code c}
     * per lane, or {@code cu} where {@code c} is null), such that a lane whose adjoint is zero adds
     * nothing even with an infinite factor, as on the tape. The plain, vectorised loop where every
     * lane's adjoint is nonzero; where a few are zero, the same loop and those lanes put back
     * ({@link #restoreZeroLanes}: cheaper than checking the factors, fresh arrays per node that the
     * finiteness cache seldom holds); where many are (below a kink), by the factors' finiteness.
     */
    private void termTimesUniform(double[] y, double[] a, double[] c, double cu, double t, boolean every, int w) {
        boolean fixUp = !every && zeros <= w / FEW_ZEROS;
        if (every || fixUp || (Double.isFinite(t) && (c == null ? Double.isFinite(cu) : finite(c, w)))) {
            if (fixUp) {
                saveZeroLanes(y);
            }
            if (c == null) {
                double ct = cu * t;
                for (int l = 0; l < w; l++) {
                    y[l] += ct * a[l];
                }
            } else {
                for (int l = 0; l < w; l++) {
                    y[l] += c[l] * (t * a[l]);
                }
            }
            if (fixUp) {
                restoreZeroLanes(y);
            }
        } else {
            for (int l = 0; l < w; l++) {
                y[l] += unlessZero((c == null ? cu : c[l]) * (t * a[l]), a[l]);
            }
        }
    }

    /** As {@link #termTimesUniform} with per-lane tangents {@code t}. */
    private void termTimesLanes(double[] y, double[] a, double[] c, double cu, double[] t, boolean every, int w) {
        boolean fixUp = !every && zeros <= w / FEW_ZEROS;
        if (every || fixUp || ((c == null ? Double.isFinite(cu) : finite(c, w)) && finite(t, w))) {
            if (fixUp) {
                saveZeroLanes(y);
            }
            if (c == null) {
                for (int l = 0; l < w; l++) {
                    y[l] += cu * (t[l] * a[l]);
                }
            } else {
                for (int l = 0; l < w; l++) {
                    y[l] += c[l] * (t[l] * a[l]);
                }
            }
            if (fixUp) {
                restoreZeroLanes(y);
            }
        } else {
            for (int l = 0; l < w; l++) {
                y[l] += unlessZero((c == null ? cu : c[l]) * (t[l] * a[l]), a[l]);
            }
        }
    }

    private void saveZeroLanes(double[] y) {
        for (int j = 0; j < zeros; j++) {
            saved[j] = y[zeroLanes[j]];
        }
    }

    /** {@code y[l] = saved + 0.0} on the zero lanes: bit for bit what {@link #unlessZero} would add. */
    private void restoreZeroLanes(double[] y) {
        for (int j = 0; j < zeros; j++) {
            y[zeroLanes[j]] = saved[j] + 0.0;
        }
    }

    /**
     * A uniform node in a summed sweep: its lane adjoints and adjoint tangents are summed and
     * pushed on as one number each (into lane 0 of its operands), as {@code BlockTape.propagate}
     * does with the adjoints (and, as there, nothing is pushed from a zero sum).
     */
    private void reverseSummed(int i) {
        final int all = spread[i] ? tape.width : 1;
        spread[i] = false;
        final double[] a = adj[i];
        final double[][] ad = adot[i];
        double s = 0.0;
        for (int l = 0; l < all; l++) {
            s += a[l];
        }
        Arrays.fill(a, 0, all, 0.0);
        boolean any = s != 0.0;
        for (int d = 0; d < dirs; d++) {
            double sd = 0.0;
            if (adotLive[i * dirs + d]) {
                double[] x = ad[d];
                for (int l = 0; l < all; l++) {
                    sd += x[l];
                }
                Arrays.fill(x, 0, all, 0.0);
                adotLive[i * dirs + d] = false;
            }
            sums[d] = sd;
            any |= sd != 0.0;
        }
        final int e0 = tape.start[i];
        final int e1 = tape.start[i + 1];
        if (e0 == e1) {
            a[0] = s;   // an input keeps its lane sum in lane 0
            for (int d = 0; d < dirs; d++) {
                ad[d][0] = sums[d];
                adotLive[i * dirs + d] = true;
            }
            return;
        }
        if (!any) {
            return;
        }
        final double[] pu = tape.partialUniform;
        for (int e = e0; e < e1; e++) {
            int t = tape.arg[e];
            if (s != 0.0) {
                adj[t][0] += pu[e] * s;   // a uniform node has uniform partials
            }
            for (int d = 0; d < dirs; d++) {
                if (sums[d] != 0.0) {
                    adot[t][d][0] += pu[e] * sums[d];
                    adotLive[t * dirs + d] = true;
                }
            }
        }
        if (s != 0.0) {
            for (int k = tape.termStart[i]; k < tape.termStart[i + 1]; k++) {
                int t = tape.arg[tape.termEntry[k]];
                int m = tape.termNode[k];
                for (int d = 0; d < dirs; d++) {
                    if (!dotZero[m * dirs + d]) {
                        adot[t][d][0] += tape.termUniform[k] * dotUniform[m * dirs + d] * s;
                        adotLive[t * dirs + d] = true;
                    }
                }
            }
        }
    }

    private boolean finite(double[] p, int w) {
        return finiteLanes.finite(p, w);
    }

    private void forgetFinite() {
        finiteLanes.forget();
    }

    private static double unlessZero(double product, double a) {
        return FiniteLanes.unlessZero(product, a);
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
