package dev.adjointgreeks.ad;

import org.apache.commons.math3.util.MathArrays;

/**
 * The {@link Fn} operations on {@link Block} beyond its rules ({@link Special} functions map as any
 * rule does): n-ary sums in one node, and the lane-by-lane
 * decisions ({@code max}, {@code min}, {@code select}) whose partial is 1 on the lanes that take an
 * operand and 0 on the others. Values are computed in the same order as {@link Adj}'s, so a lane
 * equals the per-path tape to the last bit wherever {@code Adj} sums plainly.
 *
 * <p><b>Why this file is long.</b> Each function's value and partial loops are written out for the
 * JIT (a plain counted loop per operand shape), and checked lane by lane against {@link Adj}.
 */
final class BlockOps {

    private BlockOps() {
    }

    private static int active(BlockTape t, Block x) {
        t.checkOwn(x);
        return x.index >= 0 ? 1 : 0;
    }

    // ------------------------------------------------------------------ weighted sums

    /**
     * {@code c + sum_k coefficients[k] terms[k]}, one node with a uniform partial per active term.
     * {@code compensated}: the value as {@code MathArrays.linearCombination} computes it (the
     * field's linear combinations); otherwise plain summation in term order (the pricers' form).
     */
    static Block weighted(BlockTape t, double c, double[] coefficients, Block[] terms, int n, boolean compensated) {
        int act = 0;
        boolean uni = true;
        for (int k = 0; k < n; k++) {
            act += active(t, terms[k]);
            uni &= terms[k].lanes == null;
        }
        int w = t.live;
        int node = act > 0 ? t.begin(act, uni) : -1;
        Block result;
        if (uni) {
            double v;
            if (compensated) {
                double[] tv = new double[n];
                for (int k = 0; k < n; k++) {
                    tv[k] = terms[k].u;
                }
                v = c + MathArrays.linearCombination(coefficients, tv);
            } else {
                v = c;
                for (int k = 0; k < n; k++) {
                    v += coefficients[k] * terms[k].u;
                }
            }
            result = node < 0 ? new Block(t, v) : t.activeUniform(node, v);
        } else {
            double[] r = t.buffer(node >= 0);
            if (compensated) {
                double[] tv = new double[n];
                for (int l = 0; l < w; l++) {
                    for (int k = 0; k < n; k++) {
                        tv[k] = terms[k].lane(l);
                    }
                    r[l] = c + MathArrays.linearCombination(coefficients, tv);
                }
            } else {
                for (int l = 0; l < w; l++) {
                    r[l] = c;
                }
                for (int k = 0; k < n; k++) {
                    addScaled(r, coefficients[k], terms[k], w);
                }
            }
            if (t.rec != null) {
                t.rec.weighted(r, c, coefficients, terms, n, compensated);
            }
            result = node < 0 ? t.passive(r) : t.active(node, r);
        }
        if (node >= 0) {
            int e = t.first(node);
            for (int k = 0; k < n; k++) {
                if (terms[k].index >= 0) {
                    e = t.entry(e, terms[k].index, coefficients[k]);
                }
            }
        }
        return result;
    }

    /** {@code r[l] += c * x[l]}. */
    private static void addScaled(double[] r, double c, Block x, int w) {
        if (x.lanes == null) {
            double v = c * x.u;
            for (int l = 0; l < w; l++) {
                r[l] += v;
            }
        } else {
            double[] a = x.lanes;
            for (int l = 0; l < w; l++) {
                r[l] += c * a[l];
            }
        }
    }

    /** {@code r[l] += x[l] * y[l]}. */
    private static void addProduct(double[] r, Block x, Block y, int w) {
        if (x.lanes == null && y.lanes == null) {
            double v = x.u * y.u;
            for (int l = 0; l < w; l++) {
                r[l] += v;
            }
        } else if (x.lanes == null) {
            double a = x.u;
            double[] b = y.lanes;
            for (int l = 0; l < w; l++) {
                r[l] += a * b[l];
            }
        } else if (y.lanes == null) {
            double[] a = x.lanes;
            double b = y.u;
            for (int l = 0; l < w; l++) {
                r[l] += a[l] * b;
            }
        } else {
            double[] a = x.lanes;
            double[] b = y.lanes;
            for (int l = 0; l < w; l++) {
                r[l] += a[l] * b[l];
            }
        }
    }

    /** {@code sum_k a[k] b[k]}, one node; the partial of each factor is the other factor's value. */
    static Block products(BlockTape t, Block[] a, Block[] b, int n, boolean compensated) {
        int act = 0;
        boolean uni = true;
        for (int k = 0; k < n; k++) {
            act += active(t, a[k]) + active(t, b[k]);
            uni &= a[k].lanes == null && b[k].lanes == null;
        }
        int w = t.live;
        int node = act > 0 ? t.begin(act, uni) : -1;
        Block result;
        if (uni) {
            double v;
            if (compensated) {
                double[] av = new double[n];
                double[] bv = new double[n];
                for (int k = 0; k < n; k++) {
                    av[k] = a[k].u;
                    bv[k] = b[k].u;
                }
                v = MathArrays.linearCombination(av, bv);
            } else {
                v = 0.0;
                for (int k = 0; k < n; k++) {
                    v += a[k].u * b[k].u;
                }
            }
            result = node < 0 ? new Block(t, v) : t.activeUniform(node, v);
        } else {
            double[] r = t.buffer(node >= 0);
            if (compensated) {
                double[] av = new double[n];
                double[] bv = new double[n];
                for (int l = 0; l < w; l++) {
                    for (int k = 0; k < n; k++) {
                        av[k] = a[k].lane(l);
                        bv[k] = b[k].lane(l);
                    }
                    r[l] = MathArrays.linearCombination(av, bv);
                }
            } else {
                for (int l = 0; l < w; l++) {
                    r[l] = 0.0;
                }
                for (int k = 0; k < n; k++) {
                    addProduct(r, a[k], b[k], w);
                }
            }
            if (t.rec != null) {
                t.rec.products(r, a, b, n, compensated);
            }
            result = node < 0 ? t.passive(r) : t.active(node, r);
        }
        if (node >= 0) {
            int e = t.first(node);
            for (int k = 0; k < n; k++) {
                if (a[k].index >= 0) {
                    if (t.curvature) {
                        t.term(e, b[k].index, 1.0);   // the partial b[k] moves with b[k]
                    }
                    e = t.entry(e, a[k].index, b[k]);
                }
                if (b[k].index >= 0) {
                    if (t.curvature) {
                        t.term(e, a[k].index, 1.0);
                    }
                    e = t.entry(e, b[k].index, a[k]);
                }
            }
        }
        return result;
    }

    /**
     * {@code x0 + x1 + sum_j factors[j] z[offset + j]} ({@code x1} may be null): a step driven by
     * per-lane normals, one node, plain summation in that order.
     */
    static Block affine(Block x0, Block x1, Block[] factors, Block[] z, int offset, int n) {
        BlockTape t = x0.tape;
        int act = active(t, x0) + (x1 == null ? 0 : active(t, x1));
        boolean uni = x0.lanes == null && (x1 == null || x1.lanes == null);
        for (int j = 0; j < n; j++) {
            act += active(t, factors[j]) + active(t, z[offset + j]);
            uni &= factors[j].lanes == null && z[offset + j].lanes == null;
        }
        int w = t.live;
        int node = act > 0 ? t.begin(act, uni) : -1;
        Block result;
        if (uni) {
            double v = x0.u;
            if (x1 != null) {
                v += x1.u;
            }
            for (int j = 0; j < n; j++) {
                v += factors[j].u * z[offset + j].u;
            }
            result = node < 0 ? new Block(t, v) : t.activeUniform(node, v);
        } else {
            double[] r = t.buffer(node >= 0);
            copy(r, x0, w);
            if (x1 != null) {
                addScaled(r, 1.0, x1, w);
            }
            for (int j = 0; j < n; j++) {
                addProduct(r, factors[j], z[offset + j], w);
            }
            if (t.rec != null) {
                t.rec.affine(r, x0, x1, factors, z, offset, n);
            }
            result = node < 0 ? t.passive(r) : t.active(node, r);
        }
        if (node >= 0) {
            int e = t.first(node);
            if (x0.index >= 0) {
                e = t.entry(e, x0.index, 1.0);
            }
            if (x1 != null && x1.index >= 0) {
                e = t.entry(e, x1.index, 1.0);
            }
            for (int j = 0; j < n; j++) {
                Block f = factors[j];
                Block zj = z[offset + j];
                if (f.index >= 0) {
                    if (t.curvature) {
                        t.term(e, zj.index, 1.0);
                    }
                    e = t.entry(e, f.index, zj);
                }
                if (zj.index >= 0) {
                    if (t.curvature) {
                        t.term(e, f.index, 1.0);
                    }
                    e = t.entry(e, zj.index, f);
                }
            }
        }
        return result;
    }

    private static void copy(double[] r, Block x, int w) {
        if (x.lanes == null) {
            for (int l = 0; l < w; l++) {
                r[l] = x.u;
            }
        } else {
            System.arraycopy(x.lanes, 0, r, 0, w);
        }
    }

    // ------------------------------------------------------------------ lane-by-lane decisions

    /**
     * Lane l takes {@code a} where the decision {@code op} says so, else {@code b}: {@code a >= b}
     * (MAX2), {@code a <= b} (MIN2, MINC), {@code cond > 0} (SELECT); {@code b} may be null for a
     * passive constant {@code c}. Partials: 1 on the lanes an operand is taken, 0 elsewhere. The
     * decisions are branch-free ({@link LaneChoice}), as in the replay.
     */
    private static Block blend(BlockTape t, int op, Block cond, Block a, Block b, double c) {
        int w = t.live;
        int act = active(t, a) + (b == null ? 0 : active(t, b));
        int node = act > 0 ? t.begin(act, false) : -1;
        double[] r = t.buffer(node >= 0);
        double[] pa = a.index >= 0 ? t.alloc() : null;
        double[] pb = b != null && b.index >= 0 ? t.alloc() : null;
        double[] x = a.lanes != null ? a.lanes : LaneChoice.filled(t.scratch(1), a.u, w);
        LaneChoice.blend(op, r, pa, pb, cond == null ? null : cond.lanes, x, b == null ? null : b.lanes,
                b == null ? c : b.u, t.scratch(0), w);
        if (node < 0) {
            if (t.rec != null) {
                t.rec.blend(op, r, cond, a, b, c, null, null);
            }
            return t.passive(r);
        }
        int e = t.first(node);
        if (pa != null) {
            e = t.entry(e, a.index, pa);
        }
        if (pb != null) {
            t.entry(e, b.index, pb);
        }
        if (t.rec != null) {
            t.rec.blend(op, r, cond, a, b, c, pa, pb);
        }
        return t.active(node, r);
    }

    static Block max(Block x, Block y) {
        BlockTape t = x.tape;
        t.checkOwn(y);
        if (x.lanes == null && y.lanes == null) {
            return x.u >= y.u ? x : y;
        }
        return blend(t, BlockProgram.MAX2, null, x, y, 0.0);
    }

    static Block min(Block x, Block y) {
        BlockTape t = x.tape;
        t.checkOwn(y);
        if (x.lanes == null && y.lanes == null) {
            return x.u <= y.u ? x : y;
        }
        return blend(t, BlockProgram.MIN2, null, x, y, 0.0);
    }

    static Block max(Block x, double c) {
        BlockTape t = x.tape;
        if (x.lanes == null) {
            return x.u >= c ? x : t.constant(c);
        }
        return positivePartOrMax(t, x, c);
    }

    /** {@code max(x, c)} per lane: the payoff kink, value and 0/1 partial in one branch-free loop. */
    private static Block positivePartOrMax(BlockTape t, Block x, double c) {
        t.checkOwn(x);
        int w = t.live;
        int node = x.index >= 0 ? t.begin(1, false) : -1;
        double[] r = t.buffer(node >= 0);
        double[] p = node >= 0 ? t.alloc() : null;
        LaneChoice.max(r, p, x.lanes, null, c, w);
        if (node < 0) {
            if (t.rec != null) {
                t.rec.maxConstant(r, x, c, null);
            }
            return t.passive(r);
        }
        if (t.rec != null) {
            t.rec.maxConstant(r, x, c, p);
        }
        t.entry(t.first(node), x.index, p);
        return t.active(node, r);
    }

    static Block min(Block x, double c) {
        BlockTape t = x.tape;
        if (x.lanes == null) {
            return x.u <= c ? x : t.constant(c);
        }
        return blend(t, BlockProgram.MINC, null, x, null, c);
    }

    static Block select(Block condition, Block ifPositive, Block otherwise) {
        BlockTape t = condition.tape;
        t.checkOwn(ifPositive);
        t.checkOwn(otherwise);
        if (condition.lanes == null) {
            return condition.u > 0.0 ? ifPositive : otherwise;
        }
        return blend(t, BlockProgram.SELECT, condition, ifPositive, otherwise, 0.0);
    }

    /** {@code x > 0 ? sqrt(x) : 0} per lane, the zero lanes with slope 0 (never sqrt's infinite one). */
    static Block sqrtOfPositivePart(Block x) {
        BlockTape t = x.tape;
        if (x.lanes == null) {
            return x.u > 0.0 ? x.sqrt() : t.constant(0.0);
        }
        t.checkOwn(x);
        int w = t.live;
        int node = x.index >= 0 ? t.begin(1, false) : -1;
        double[] r = t.buffer(node >= 0);
        double[] xs = x.lanes;
        // v > 0 ? sqrt(v) : 0, as a loop without a condition (the JIT vectorises the square root)
        // and a fix-up of the lanes that are not positive (NaN included: 0, as before); the
        // fix-up's branch is predictable, the truncation being rare
        for (int l = 0; l < w; l++) {
            r[l] = Math.sqrt(Math.max(xs[l], 0.0));
        }
        if (node < 0) {
            for (int l = 0; l < w; l++) {
                if (!(xs[l] > 0.0)) {
                    r[l] = 0.0;
                }
            }
            if (t.rec != null) {
                t.rec.unary(BlockProgram.SQRTPOS, r, x, null);
            }
            return t.passive(r);
        }
        double[] p = t.alloc();
        for (int l = 0; l < w; l++) {
            p[l] = 0.5 / r[l];
        }
        for (int l = 0; l < w; l++) {
            if (!(xs[l] > 0.0)) {
                r[l] = 0.0;
                p[l] = 0.0;
            }
        }
        if (t.rec != null) {
            t.rec.unary(BlockProgram.SQRTPOS, r, x, p);
        }
        t.entry(t.first(node), x.index, p);
        if (t.curvature) {
            double[] c = t.alloc();
            for (int l = 0; l < w; l++) {
                c[l] = xs[l] > 0.0 ? -0.5 * p[l] / xs[l] : 0.0;
            }
            t.term(t.first(node), x.index, c);
        }
        return t.active(node, r);
    }
}
