package dev.adjointgreeks.ad;

import org.apache.commons.math3.Field;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.FastMath;
import org.apache.commons.math3.util.MathArrays;

/**
 * The block scalar: one quantity on {@code width} paths (lanes) at once, recorded on a
 * {@link BlockTape} with one node per operation per block.
 *
 * <p>A value is either <em>uniform</em>, held once for every lane (model parameters, everything the
 * per-trade setup computes, constants: an operation between two uniform values is one scalar
 * operation), or <em>per lane</em>, {@code width} doubles. Each operation states its value and its
 * local derivatives side by side, lane by lane, exactly as {@link Adj} does for one path; the
 * tape applies the chain rule. Comparisons ({@link Fn#max}, {@link Fn#select}, ...) decide lane by
 * lane, so lanes never mix: a NaN stays in its lane.
 *
 * <p>{@link #getReal()} exists only for a uniform value: a block of different values has no single
 * real number, and code that branches on one would branch for all lanes at once.
 *
 * <p>Each operation's value and derivatives come from its rule, written once for every scalar in
 * {@link Unary}, {@link Binary} and {@link Special}, mapped lane by lane by {@link #map} and
 * {@link #map2}. The pricers' hot operations (sums, products, the constant operations,
 * {@code sqrt}, {@code exp}, {@code log}) keep their own lane loops per operand shape: C2
 * vectorises a plain counted loop over {@code double[]} but not a loop that calls a rule per lane,
 * and the block scalar exists to be fast. {@code RulesConsistencyTest} holds those loops to the
 * rules, and {@code BlockScalarTest} checks every operation against {@link Adj} and {@link Dual} on
 * random programs.
 */
public final class Block extends Ops<Block> implements RealFieldElement<Block> {

    final BlockTape tape;
    /** The value when uniform. */
    final double u;
    /** Per-lane values ({@code width} of them, an array of their own), or null when uniform. */
    final double[] lanes;
    final int index;
    final int gen;

    Block(BlockTape tape, double u, double[] lanes, int index, int gen) {
        this.tape = tape;
        this.u = u;
        this.lanes = lanes;
        this.index = index;
        this.gen = gen;
    }

    /** A passive uniform value. */
    Block(BlockTape tape, double u) {
        this(tape, u, null, -1, 0);
    }

    public BlockTape tape() {
        return tape;
    }

    public int width() {
        return tape.width;
    }

    /** True if this value depends on a registered input. */
    public boolean isActive() {
        return index >= 0;
    }

    /** True if every lane holds the same value, stored once. */
    public boolean isUniform() {
        return lanes == null;
    }

    /** Lane {@code l}'s value. */
    public double lane(int l) {
        return lanes == null ? u : lanes[l];
    }

    /** Every lane's value (a copy). */
    public double[] laneValues() {
        double[] r = new double[tape.width];
        if (lanes == null) {
            java.util.Arrays.fill(r, u);
        } else {
            System.arraycopy(lanes, 0, r, 0, r.length);
        }
        return r;
    }

    /** Adds every lane's value into {@code sum[l]}. */
    public void addLanesTo(double[] sum) {
        int w = tape.live;
        if (lanes == null) {
            for (int l = 0; l < w; l++) {
                sum[l] += u;
            }
        } else {
            for (int l = 0; l < w; l++) {
                sum[l] += lanes[l];
            }
        }
    }

    /** The lane sum of the adjoint accumulated in this value's node. */
    public double adjoint() {
        return tape.adjoint(this);
    }

    @Override
    public double getReal() {
        if (lanes != null) {
            throw new IllegalStateException("a block of " + tape.width + " lanes has no single real value; "
                    + "read lane(l), or decide lane by lane with Fn.select/max/min");
        }
        if (tape.rec != null) {
            tape.rec.guard();
        }
        return u;
    }

    @Override
    public Field<Block> getField() {
        return tape;
    }

    @Override
    public String toString() {
        String v = lanes == null ? Double.toString(u) : java.util.Arrays.toString(laneValues());
        return index < 0 ? v : v + "@" + index;
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    // ------------------------------------------------------------------ recording helpers

    private BlockTape with(Block b) {
        if (b.tape != tape) {
            tape.checkOwn(b);   // throws with the message
        }
        return tape;
    }

    /** Uniform result of a linear unary operation on a uniform value, local derivative {@code d}. */
    private Block unaryU(double v, double d) {
        return unaryU(v, d, 0.0);
    }

    /** Uniform result of a unary operation: local derivative {@code d}, second derivative {@code d2}. */
    private Block unaryU(double v, double d, double d2) {
        if (index < 0) {
            return new Block(tape, v);
        }
        tape.checkOwn(this);
        int node = tape.begin(1, true);
        int e = tape.first(node);
        tape.entry(e, index, d);
        if (tape.curvature) {
            tape.term(e, index, d2);
        }
        return tape.activeUniform(node, v);
    }

    /** Uniform result of a linear binary operation on uniform values. */
    private Block binaryU(double v, double da, Block b, double db) {
        return binaryU(v, da, b, db, 0.0, 0.0, 0.0);
    }

    /** Uniform result of a binary operation, with its second derivatives {@code daa, dab, dbb}. */
    private Block binaryU(double v, double da, Block b, double db, double daa, double dab, double dbb) {
        if (b.index < 0) {
            return unaryU(v, da, daa);
        }
        if (index < 0) {
            return b.unaryU(v, db, dbb);
        }
        tape.checkOwn(this);
        tape.checkOwn(b);
        int node = tape.begin(2, true);
        int ea = tape.first(node);
        int eb = tape.entry(ea, index, da);
        tape.entry(eb, b.index, db);
        if (tape.curvature) {
            tape.term(ea, index, daa);
            tape.term(ea, b.index, dab);
            tape.term(eb, index, dab);
            tape.term(eb, b.index, dbb);
        }
        return tape.activeUniform(node, v);
    }

    /** Per-lane result with a uniform local derivative {@code d} (e.g. {@code x + c}). */
    private Block unaryLinear(double[] r, int node, double d) {
        if (node < 0) {
            return tape.passive(r);
        }
        tape.entry(tape.first(node), index, d);
        return tape.active(node, r);
    }

    private int beginUnary() {
        if (index < 0) {
            return -1;
        }
        tape.checkOwn(this);
        return tape.begin(1, false);
    }

    /** Applies the rule {@code f} lane by lane (or once, if uniform), recording its slope (and curvature). */
    Block map(Rule f) {
        if (lanes == null) {
            double v = f.value(u);
            if (index < 0) {
                return unaryU(v, 0.0);
            }
            double s = f.slope(u, v);
            return unaryU(v, s, tape.curvature ? f.curvature(u, v, s) : 0.0);
        }
        int w = tape.live;
        int node = beginUnary();
        double[] r = tape.buffer(node >= 0);
        if (node < 0) {
            for (int l = 0; l < w; l++) {
                r[l] = f.value(lanes[l]);
            }
            if (tape.rec != null) {
                tape.rec.rule(r, this, null, f);
            }
            return tape.passive(r);
        }
        double[] p = tape.alloc();
        for (int l = 0; l < w; l++) {
            double x = lanes[l];
            double v = f.value(x);
            r[l] = v;
            p[l] = f.slope(x, v);
        }
        if (tape.rec != null) {
            tape.rec.rule(r, this, p, f);
        }
        tape.entry(tape.first(node), index, p);
        if (tape.curvature) {
            double[] c = tape.alloc();
            for (int l = 0; l < w; l++) {
                c[l] = f.curvature(lanes[l], r[l], p[l]);
            }
            tape.term(tape.first(node), index, c);
        }
        return tape.active(node, r);
    }

    /** Applies {@code f} lane by lane, or once if both operands are uniform. */
    Block map2(Block b, Rule2 f) {
        BlockTape t = with(b);
        if (lanes == null && b.lanes == null) {
            double v = f.value(u, b.u);
            if (!tape.curvature) {
                return binaryU(v, f.dx(u, b.u, v), b, f.dy(u, b.u, v));
            }
            return binaryU(v, f.dx(u, b.u, v), b, f.dy(u, b.u, v), f.dxx(u, b.u, v), f.dxy(u, b.u, v),
                    f.dyy(u, b.u, v));
        }
        int w = t.live;
        boolean ax = index >= 0;
        boolean ay = b.index >= 0;
        if (ax) {
            t.checkOwn(this);
        }
        if (ay) {
            t.checkOwn(b);
        }
        int node = ax || ay ? t.begin((ax ? 1 : 0) + (ay ? 1 : 0), false) : -1;
        double[] r = t.buffer(node >= 0);
        double[] px = null;
        double[] py = null;
                if (ax) {
            px = t.alloc();
        }
        if (ay) {
            py = t.alloc();
        }
        for (int l = 0; l < w; l++) {
            double x = lane(l);
            double y = b.lane(l);
            double v = f.value(x, y);
            r[l] = v;
            if (ax) {
                px[l] = f.dx(x, y, v);
            }
            if (ay) {
                py[l] = f.dy(x, y, v);
            }
        }
        if (t.rec != null) {
            t.rec.rule2(r, this, b, px, py, f);
        }
        if (node < 0) {
            return t.passive(r);
        }
        int e = t.first(node);
        int ex = e;
        if (ax) {
            e = t.entry(e, index, px);
        }
        int ey = e;
        if (ay) {
            t.entry(e, b.index, py);
        }
        if (t.curvature) {
            double[] cxx = t.alloc();
            double[] cxy = t.alloc();
            double[] cyy = t.alloc();
            for (int l = 0; l < w; l++) {
                double x = lane(l);
                double y = b.lane(l);
                cxx[l] = f.dxx(x, y, r[l]);
                cxy[l] = f.dxy(x, y, r[l]);
                cyy[l] = f.dyy(x, y, r[l]);
            }
            if (ax) {
                t.term(ex, index, cxx);
                t.term(ex, b.index, cxy);
            }
            if (ay) {
                t.term(ey, index, cxy);
                t.term(ey, b.index, cyy);
            }
        }
        return t.active(node, r);
    }

    // ------------------------------------------------------------------ arithmetic (hot, written out)

    @Override
    public Block add(Block b) {
        BlockTape t = with(b);
        if (lanes == null && b.lanes == null) {
            return binaryU(u + b.u, 1.0, b, 1.0);
        }
        return sum(t, b, 1.0);
    }

    @Override
    public Block subtract(Block b) {
        BlockTape t = with(b);
        if (lanes == null && b.lanes == null) {
            return binaryU(u - b.u, 1.0, b, -1.0);
        }
        return sum(t, b, -1.0);
    }

    /** {@code this + sign * b}, at least one per lane. */
    private Block sum(BlockTape t, Block b, double sign) {
        int w = t.live;
        boolean ax = index >= 0;
        boolean ay = b.index >= 0;
        if (ax) {
            t.checkOwn(this);
        }
        if (ay) {
            t.checkOwn(b);
        }
        int node = ax || ay ? t.begin((ax ? 1 : 0) + (ay ? 1 : 0), false) : -1;
        double[] r = t.buffer(node >= 0);
        if (lanes == null) {
            double x = u;
            double[] y = b.lanes;
            if (sign > 0) {
                for (int l = 0; l < w; l++) {
                    r[l] = x + y[l];
                }
            } else {
                for (int l = 0; l < w; l++) {
                    r[l] = x - y[l];
                }
            }
        } else if (b.lanes == null) {
            double[] x = lanes;
            double y = b.u;
            if (sign > 0) {
                for (int l = 0; l < w; l++) {
                    r[l] = x[l] + y;
                }
            } else {
                for (int l = 0; l < w; l++) {
                    r[l] = x[l] - y;
                }
            }
        } else {
            double[] x = lanes;
            double[] y = b.lanes;
            if (sign > 0) {
                for (int l = 0; l < w; l++) {
                    r[l] = x[l] + y[l];
                }
            } else {
                for (int l = 0; l < w; l++) {
                    r[l] = x[l] - y[l];
                }
            }
        }
        if (t.rec != null) {
            t.rec.binary(sign > 0 ? BlockProgram.ADD : BlockProgram.SUB, r, this, b);
        }
        if (node < 0) {
            return t.passive(r);
        }
        int e = t.first(node);
        if (ax) {
            e = t.entry(e, index, 1.0);
        }
        if (ay) {
            t.entry(e, b.index, sign);
        }
        return t.active(node, r);
    }

    @Override
    public Block multiply(Block b) {
        BlockTape t = with(b);
        // A product with a passive uniform zero does not depend on the other factor.
        if ((index < 0 && lanes == null && u == 0.0) || (b.index < 0 && b.lanes == null && b.u == 0.0)) {
            return passiveProduct(t, b);
        }
        if (lanes == null && b.lanes == null) {
            return binaryU(u * b.u, b.u, b, u, 0.0, 1.0, 0.0);
        }
        int w = t.live;
        boolean ax = index >= 0;
        boolean ay = b.index >= 0;
        if (ax) {
            t.checkOwn(this);
        }
        if (ay) {
            t.checkOwn(b);
        }
        int node = ax || ay ? t.begin((ax ? 1 : 0) + (ay ? 1 : 0), false) : -1;
        double[] r = t.buffer(node >= 0);
        product(r, this, b, w);
        if (t.rec != null) {
            t.rec.binary(BlockProgram.MUL, r, this, b);
        }
        if (node < 0) {
            return t.passive(r);
        }
        int e = t.first(node);
        if (ax) {
            e = t.entry(e, index, b);
        }
        if (ay) {
            t.entry(e, b.index, this);
        }
        if (t.curvature && ax && ay) {
            t.term(t.first(node), b.index, 1.0);   // d(a b): the partial b moves with b, a with a
            t.term(t.first(node) + 1, index, 1.0);
        }
        return t.active(node, r);
    }

    private static void product(double[] r, Block a, Block b, int w) {
        if (a.lanes == null) {
            double x = a.u;
            double[] y = b.lanes;
            for (int l = 0; l < w; l++) {
                r[l] = x * y[l];
            }
        } else if (b.lanes == null) {
            double[] x = a.lanes;
            double y = b.u;
            for (int l = 0; l < w; l++) {
                r[l] = x[l] * y;
            }
        } else {
            double[] x = a.lanes;
            double[] y = b.lanes;
            for (int l = 0; l < w; l++) {
                r[l] = x[l] * y[l];
            }
        }
    }

    private Block passiveProduct(BlockTape t, Block b) {
        if (lanes == null && b.lanes == null) {
            return new Block(t, u * b.u);
        }
        double[] r = new double[t.width];
        product(r, this, b, t.live);
        if (t.rec != null) {
            t.rec.binary(BlockProgram.MUL, r, this, b);
        }
        return t.passive(r);
    }

    @Override
    public Block divide(Block b) {
        with(b);
        if (b.lanes == null && b.index < 0 && lanes != null) {
            return divide(b.u);
        }
        return map2(b, Binary.DIVIDE);
    }

    @Override
    public Block negate() {
        return multiply(-1.0);
    }

    @Override
    public Block multiply(int n) {
        if (lanes == null) {
            return unaryU(u * n, n);
        }
        return scaled((double) n, true);
    }

    @Override
    public Block multiply(double c) {
        if (lanes == null) {
            if (c == 0.0) {
                return new Block(tape, u * c);
            }
            return unaryU(u * c, c);
        }
        return scaled(c, c != 0.0);
    }

    /** {@code c * this}, per lane, recorded with slope c when {@code record}. */
    private Block scaled(double c, boolean record) {
        int w = tape.live;
        int node = record ? beginUnary() : -1;
        double[] r = tape.buffer(node >= 0);
        for (int l = 0; l < w; l++) {
            r[l] = lanes[l] * c;
        }
        if (tape.rec != null) {
            tape.rec.unaryConst(BlockProgram.SCALE, r, this, c);
        }
        return unaryLinear(r, node, c);
    }

    @Override
    public Block add(double c) {
        if (lanes == null) {
            return unaryU(u + c, 1.0);
        }
        int w = tape.live;
        int node = beginUnary();
        double[] r = tape.buffer(node >= 0);
        for (int l = 0; l < w; l++) {
            r[l] = lanes[l] + c;
        }
        if (tape.rec != null) {
            tape.rec.unaryConst(BlockProgram.ADDC, r, this, c);
        }
        return unaryLinear(r, node, 1.0);
    }

    @Override
    public Block subtract(double c) {
        if (lanes == null) {
            return unaryU(u - c, 1.0);
        }
        int w = tape.live;
        int node = beginUnary();
        double[] r = tape.buffer(node >= 0);
        for (int l = 0; l < w; l++) {
            r[l] = lanes[l] - c;
        }
        if (tape.rec != null) {
            tape.rec.unaryConst(BlockProgram.SUBC, r, this, c);
        }
        return unaryLinear(r, node, 1.0);
    }

    @Override
    public Block divide(double c) {
        if (lanes == null) {
            return unaryU(u / c, 1.0 / c);
        }
        int w = tape.live;
        int node = beginUnary();
        double[] r = tape.buffer(node >= 0);
        for (int l = 0; l < w; l++) {
            r[l] = lanes[l] / c;
        }
        if (tape.rec != null) {
            tape.rec.unaryConst(BlockProgram.DIVC, r, this, c);
        }
        return unaryLinear(r, node, 1.0 / c);
    }

    @Override
    public Block reciprocal() {
        return map(Unary.RECIPROCAL);
    }

    @Override
    public Block remainder(double c) {
        if (lanes == null) {
            return unaryU(FastMath.IEEEremainder(u, c), 1.0);
        }
        int w = tape.live;
        int node = beginUnary();
        double[] r = tape.buffer(node >= 0);
        for (int l = 0; l < w; l++) {
            r[l] = FastMath.IEEEremainder(lanes[l], c);
        }
        if (tape.rec != null) {
            tape.rec.unaryConst(BlockProgram.REMC, r, this, c);
        }
        return unaryLinear(r, node, 1.0);
    }

    @Override
    public Block remainder(Block b) {
        return map2(b, Binary.REMAINDER);
    }

    // ------------------------------------------------------------------ piecewise

    @Override
    public Block abs() {
        return map(Unary.ABS);
    }

    /** {@code x} without its derivative: a passive copy, recorded for replay ({@link Fn#detach}). */
    @Override
    Block detach(Block x) {
        return x.index < 0 ? x : x.passiveMap(java.util.function.DoubleUnaryOperator.identity());
    }

    /** A passive result computed lane by lane. */
    private Block passiveMap(java.util.function.DoubleUnaryOperator f) {
        if (lanes == null) {
            return new Block(tape, f.applyAsDouble(u));
        }
        double[] r = new double[tape.width];
        for (int l = 0; l < tape.live; l++) {
            r[l] = f.applyAsDouble(lanes[l]);
        }
        if (tape.rec != null) {
            tape.rec.passiveMap(r, this, f);
        }
        return tape.passive(r);
    }

    @Override
    public Block ceil() {
        return passiveMap(Math::ceil);
    }

    @Override
    public Block floor() {
        return passiveMap(Math::floor);
    }

    @Override
    public Block rint() {
        return passiveMap(Math::rint);
    }

    /** Rounds a uniform value; a block of different values has no single rounding. */
    @Override
    public long round() {
        return FastMath.round(getReal());
    }

    @Override
    public Block signum() {
        return passiveMap(Math::signum);
    }

    @Override
    public Block copySign(Block sign) {
        return map2(sign, Binary.COPY_SIGN);
    }

    @Override
    public Block copySign(double sign) {
        return map(Unary.copySign(sign));
    }

    @Override
    public Block scalb(int n) {
        return map(Unary.scalb(n));
    }

    @Override
    public Block hypot(Block b) {
        return map2(b, Binary.HYPOT);
    }

    // ------------------------------------------------------------------ powers and roots

    @Override
    public Block sqrt() {
        if (lanes == null) {
            double s = Math.sqrt(u);
            return unaryU(s, 0.5 / s, -0.25 / (s * u));
        }
        int w = tape.live;
        int node = beginUnary();
        double[] r = tape.buffer(node >= 0);
        for (int l = 0; l < w; l++) {
            r[l] = Math.sqrt(lanes[l]);
        }
        if (node < 0) {
            if (tape.rec != null) {
                tape.rec.unary(BlockProgram.SQRT, r, this, null);
            }
            return tape.passive(r);
        }
        double[] p = tape.alloc();
        for (int l = 0; l < w; l++) {
            p[l] = 0.5 / r[l];   // sqrt'(0) = +inf
        }
        if (tape.rec != null) {
            tape.rec.unary(BlockProgram.SQRT, r, this, p);
        }
        tape.entry(tape.first(node), index, p);
        if (tape.curvature) {
            double[] c = tape.alloc();
            for (int l = 0; l < w; l++) {
                c[l] = -0.5 * p[l] / lanes[l];
            }
            tape.term(tape.first(node), index, c);
        }
        return tape.active(node, r);
    }

    @Override
    public Block cbrt() {
        return map(Unary.CBRT);
    }

    @Override
    public Block rootN(int n) {
        return map(Unary.rootN(n));
    }

    @Override
    public Block pow(double p) {
        if (p == 0.0) {
            return new Block(tape, 1.0);
        }
        return map(Unary.pow(p));
    }

    @Override
    public Block pow(int n) {
        if (n == 0) {
            return new Block(tape, 1.0);
        }
        return map(Unary.pow(n));
    }

    @Override
    public Block pow(Block e) {
        return map2(e, Binary.POW);
    }

    // ------------------------------------------------------------------ exponentials

    @Override
    public Block exp() {
        if (lanes == null) {
            double v = Math.exp(u);
            return unaryU(v, v, v);
        }
        int w = tape.live;
        int node = beginUnary();
        double[] r = tape.buffer(node >= 0);
        for (int l = 0; l < w; l++) {
            r[l] = Math.exp(lanes[l]);
        }
        if (tape.rec != null) {
            tape.rec.unary(BlockProgram.EXP, r, this, null);
        }
        if (node < 0) {
            return tape.passive(r);
        }
        tape.entry(tape.first(node), index, r);   // exp' = exp: the value is the partial
        if (tape.curvature) {
            tape.term(tape.first(node), index, r);   // and the curvature
        }
        return tape.active(node, r);
    }

    @Override
    public Block expm1() {
        return map(Unary.EXPM1);
    }

    @Override
    public Block log() {
        if (lanes == null) {
            return unaryU(Math.log(u), 1.0 / u, -1.0 / (u * u));
        }
        int w = tape.live;
        int node = beginUnary();
        double[] r = tape.buffer(node >= 0);
        for (int l = 0; l < w; l++) {
            r[l] = Math.log(lanes[l]);
        }
        if (node < 0) {
            if (tape.rec != null) {
                tape.rec.unary(BlockProgram.LOG, r, this, null);
            }
            return tape.passive(r);
        }
        double[] p = tape.alloc();
        for (int l = 0; l < w; l++) {
            p[l] = 1.0 / lanes[l];   // log'(0) = +inf
        }
        if (tape.rec != null) {
            tape.rec.unary(BlockProgram.LOG, r, this, p);
        }
        tape.entry(tape.first(node), index, p);
        if (tape.curvature) {
            double[] c = tape.alloc();
            for (int l = 0; l < w; l++) {
                c[l] = -p[l] * p[l];
            }
            tape.term(tape.first(node), index, c);
        }
        return tape.active(node, r);
    }

    @Override
    public Block log1p() {
        return map(Unary.LOG1P);
    }

    // ------------------------------------------------------------------ trigonometric

    @Override
    public Block cos() {
        return map(Unary.COS);
    }

    @Override
    public Block sin() {
        return map(Unary.SIN);
    }

    @Override
    public Block tan() {
        return map(Unary.TAN);
    }

    @Override
    public Block acos() {
        return map(Unary.ACOS);
    }

    @Override
    public Block asin() {
        return map(Unary.ASIN);
    }

    @Override
    public Block atan() {
        return map(Unary.ATAN);
    }

    /** {@code atan2(this, x)}: this is the ordinate y. */
    @Override
    public Block atan2(Block x) {
        return map2(x, Binary.ATAN2);
    }

    @Override
    public Block cosh() {
        return map(Unary.COSH);
    }

    @Override
    public Block sinh() {
        return map(Unary.SINH);
    }

    @Override
    public Block tanh() {
        return map(Unary.TANH);
    }

    @Override
    public Block acosh() {
        return map(Unary.ACOSH);
    }

    @Override
    public Block asinh() {
        return map(Unary.ASINH);
    }

    @Override
    public Block atanh() {
        return map(Unary.ATANH);
    }

    // ------------------------------------------------------------------ Fn's operations (Ops<Block>), decided lane by lane

    @Override
    Block constant(Block like, double c) {
        return tape.constant(c);
    }

    /** The special function's rule mapped lane by lane (once if uniform), with its curvature on request. */
    @Override
    Block apply(Block x, Special f) {
        return x.map(f);
    }

    @Override
    Block max(Block x, double c) {
        return BlockOps.max(x, c);
    }

    @Override
    Block max(Block x, Block y) {
        return BlockOps.max(x, y);
    }

    @Override
    Block min(Block x, double c) {
        return BlockOps.min(x, c);
    }

    @Override
    Block min(Block x, Block y) {
        return BlockOps.min(x, y);
    }

    @Override
    Block select(Block condition, Block ifPositive, Block otherwise) {
        return BlockOps.select(condition, ifPositive, otherwise);
    }

    @Override
    Block sqrtOfPositivePart(Block x) {
        return BlockOps.sqrtOfPositivePart(x);
    }

    @Override
    Block weightedSum(double c, double[] coefficients, Block[] terms, int n) {
        return BlockOps.weighted(tape, c, coefficients, terms, n, false);
    }

    @Override
    Block affine(Block x0, Block x1, Block[] factors, Block[] z, int offset, int n) {
        return BlockOps.affine(x0, x1, factors, z, offset, n);
    }

    @Override
    Block sumOfProducts(Block[] a, Block[] b, int n) {
        return BlockOps.products(tape, a, b, n, false);
    }

    // ------------------------------------------------------------------ linear combinations (n-ary nodes)

    @Override
    public Block linearCombination(Block[] a, Block[] b) {
        if (a.length != b.length) {
            throw new org.apache.commons.math3.exception.DimensionMismatchException(a.length, b.length);
        }
        return BlockOps.products(tape, a, b, a.length, true);
    }

    @Override
    public Block linearCombination(double[] a, Block[] b) {
        if (a.length != b.length) {
            throw new org.apache.commons.math3.exception.DimensionMismatchException(a.length, b.length);
        }
        return BlockOps.weighted(tape, 0.0, a, b, b.length, true);
    }

    @Override
    public Block linearCombination(Block a1, Block b1, Block a2, Block b2) {
        return linearCombination(new Block[] {a1, a2}, new Block[] {b1, b2});
    }

    @Override
    public Block linearCombination(double a1, Block b1, double a2, Block b2) {
        return linearCombination(new double[] {a1, a2}, new Block[] {b1, b2});
    }

    @Override
    public Block linearCombination(Block a1, Block b1, Block a2, Block b2, Block a3, Block b3) {
        return linearCombination(new Block[] {a1, a2, a3}, new Block[] {b1, b2, b3});
    }

    @Override
    public Block linearCombination(double a1, Block b1, double a2, Block b2, double a3, Block b3) {
        return linearCombination(new double[] {a1, a2, a3}, new Block[] {b1, b2, b3});
    }

    @Override
    public Block linearCombination(Block a1, Block b1, Block a2, Block b2, Block a3, Block b3, Block a4, Block b4) {
        return linearCombination(new Block[] {a1, a2, a3, a4}, new Block[] {b1, b2, b3, b4});
    }

    @Override
    public Block linearCombination(double a1, Block b1, double a2, Block b2, double a3, Block b3, double a4,
            Block b4) {
        return linearCombination(new double[] {a1, a2, a3, a4}, new Block[] {b1, b2, b3, b4});
    }

    /** Compensated dot product of one lane, as {@link Adj}'s linear combinations compute it. */
    static double exactDot(double[] a, double[] b) {
        return MathArrays.linearCombination(a, b);
    }
}
