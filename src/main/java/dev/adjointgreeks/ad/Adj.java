package dev.adjointgreeks.ad;

import org.apache.commons.math3.Field;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.FastMath;
import org.apache.commons.math3.util.MathArrays;

/**
 * The adjoint (reverse-mode) scalar: a value plus the index of the tape node that produced it.
 *
 * <p>Each operation takes its forward value and its local derivatives from its rule, written once
 * for every scalar in {@link Unary}, {@link Binary} and {@link Special}, and hands them to the
 * {@link Tape}; the chain rule is applied there, in the backward sweep. A scalar with index
 * {@code -1} is passive (a constant, or a value that depends on no registered input): operations on
 * passive scalars only are not recorded.
 *
 * <p>Edge conventions: {@code sqrt'(0) = +inf}, {@code log'(0) = +inf}, {@code abs'(0) = 0},
 * {@code max(x, y)} with {@code x == y} takes the derivative of {@code x} (see {@link Fn}),
 * {@code d/dy 0^y = 0} for {@code y > 0}; a product with a passive zero is a passive zero.
 *
 * <p><b>Why this file is long.</b> commons-math3's {@code RealFieldElement} asks for some 60
 * operations; each is one line naming its rule (or, for the linear operations with a constant, its
 * coefficient).
 */
public final class Adj extends Ops<Adj> implements RealFieldElement<Adj> {

    final Tape tape;
    final double value;
    final int index;
    final int gen;

    Adj(Tape tape, double value, int index, int gen) {
        this.tape = tape;
        this.value = value;
        this.index = index;
        this.gen = gen;
    }

    /** A passive scalar. */
    Adj(Tape tape, double value) {
        this(tape, value, -1, 0);
    }

    public Tape tape() {
        return tape;
    }

    /** True if this value depends on a registered input (it has a node on the tape). */
    public boolean isActive() {
        return index >= 0;
    }

    /** The adjoint accumulated in this scalar's node so far. */
    public double adjoint() {
        return tape.adjoint(this);
    }

    @Override
    public double getReal() {
        return value;
    }

    @Override
    public Field<Adj> getField() {
        return tape;
    }

    @Override
    public String toString() {
        return index < 0 ? Double.toString(value) : value + "@" + index;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Adj)) {
            return false;
        }
        Adj x = (Adj) o;
        return x.tape == tape && x.index == index && Double.compare(x.value, value) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value) * 31 + index;
    }

    // ------------------------------------------------------------------ recording helpers

    /** Result of a unary operation with local derivative {@code d}. */
    Adj unary(double v, double d) {
        if (index < 0) {
            return new Adj(tape, v);
        }
        tape.checkOwn(this);
        return tape.record1(v, index, d);
    }

    /** Result of a binary operation with local derivatives {@code da}, {@code db}. */
    private Adj binary(double v, double da, Adj b, double db) {
        if (b.index < 0) {
            return unary(v, da);
        }
        if (index < 0) {
            return b.unary(v, db);
        }
        tape.checkOwn(this);
        tape.checkOwn(b);
        return tape.record2(v, index, da, b.index, db);
    }

    /** The node of a unary rule ({@link Unary}, {@link Special}): its value, and its slope as the partial. */
    Adj apply(Rule f) {
        double v = f.value(value);
        if (index < 0) {
            return passive(v);
        }
        return unary(v, f.slope(value, v));
    }

    /** The node of a binary rule ({@link Binary}): its value, and its partials on the active operands. */
    private Adj apply(Rule2 f, Adj b) {
        double v = f.value(value, b.value);
        double da = index < 0 ? 0.0 : f.dx(value, b.value, v);
        double db = b.index < 0 ? 0.0 : f.dy(value, b.value, v);
        return binary(v, da, b, db);
    }

    private Adj passive(double v) {
        return new Adj(tape, v);
    }

    // ------------------------------------------------------------------ arithmetic

    @Override
    public Adj add(Adj b) {
        return apply(Binary.ADD, b);
    }

    @Override
    public Adj subtract(Adj b) {
        return apply(Binary.SUBTRACT, b);
    }

    @Override
    public Adj negate() {
        return unary(-value, -1.0);
    }

    @Override
    public Adj multiply(int n) {
        return unary(value * n, n);
    }

    @Override
    public Adj multiply(Adj b) {
        // A product with a passive zero does not depend on the other factor.
        if ((index < 0 && value == 0.0) || (b.index < 0 && b.value == 0.0)) {
            return passive(value * b.value);
        }
        return apply(Binary.MULTIPLY, b);
    }

    @Override
    public Adj divide(Adj b) {
        return apply(Binary.DIVIDE, b);
    }

    @Override
    public Adj reciprocal() {
        return apply(Unary.RECIPROCAL);
    }

    // Linear operations with a constant: the constant is the slope.

    @Override
    public Adj add(double c) {
        return unary(value + c, 1.0);
    }

    @Override
    public Adj subtract(double c) {
        return unary(value - c, 1.0);
    }

    @Override
    public Adj multiply(double c) {
        if (c == 0.0) {
            return passive(value * c);
        }
        return unary(value * c, c);
    }

    @Override
    public Adj divide(double c) {
        return unary(value / c, 1.0 / c);
    }

    @Override
    public Adj remainder(double c) {
        return unary(FastMath.IEEEremainder(value, c), 1.0);
    }

    @Override
    public Adj remainder(Adj b) {
        return apply(Binary.REMAINDER, b);
    }

    // ------------------------------------------------------------------ piecewise

    @Override
    public Adj abs() {
        return apply(Unary.ABS);
    }

    @Override
    public Adj ceil() {
        return passive(Math.ceil(value));
    }

    @Override
    public Adj floor() {
        return passive(Math.floor(value));
    }

    @Override
    public Adj rint() {
        return passive(Math.rint(value));
    }

    @Override
    public long round() {
        return FastMath.round(value);
    }

    @Override
    public Adj signum() {
        return passive(Math.signum(value));
    }

    @Override
    public Adj copySign(Adj sign) {
        return copySign(sign.value);
    }

    @Override
    public Adj copySign(double sign) {
        return apply(Unary.copySign(sign));
    }

    @Override
    public Adj scalb(int n) {
        return apply(Unary.scalb(n));
    }

    @Override
    public Adj hypot(Adj b) {
        return apply(Binary.HYPOT, b);
    }

    // ------------------------------------------------------------------ powers and roots

    @Override
    public Adj sqrt() {
        return apply(Unary.SQRT);
    }

    @Override
    public Adj cbrt() {
        return apply(Unary.CBRT);
    }

    @Override
    public Adj rootN(int n) {
        return apply(Unary.rootN(n));
    }

    @Override
    public Adj pow(double p) {
        if (p == 0.0) {
            return passive(1.0);
        }
        return apply(Unary.pow(p));
    }

    @Override
    public Adj pow(int n) {
        if (n == 0) {
            return passive(1.0);
        }
        return apply(Unary.pow(n));
    }

    @Override
    public Adj pow(Adj e) {
        return apply(Binary.POW, e);
    }

    // ------------------------------------------------------------------ exponentials

    @Override
    public Adj exp() {
        return apply(Unary.EXP);
    }

    @Override
    public Adj expm1() {
        return apply(Unary.EXPM1);
    }

    @Override
    public Adj log() {
        return apply(Unary.LOG);
    }

    @Override
    public Adj log1p() {
        return apply(Unary.LOG1P);
    }

    // ------------------------------------------------------------------ trigonometric

    @Override
    public Adj cos() {
        return apply(Unary.COS);
    }

    @Override
    public Adj sin() {
        return apply(Unary.SIN);
    }

    @Override
    public Adj tan() {
        return apply(Unary.TAN);
    }

    @Override
    public Adj acos() {
        return apply(Unary.ACOS);
    }

    @Override
    public Adj asin() {
        return apply(Unary.ASIN);
    }

    @Override
    public Adj atan() {
        return apply(Unary.ATAN);
    }

    /** {@code atan2(this, x)}: this is the ordinate y. */
    @Override
    public Adj atan2(Adj x) {
        return apply(Binary.ATAN2, x);
    }

    @Override
    public Adj cosh() {
        return apply(Unary.COSH);
    }

    @Override
    public Adj sinh() {
        return apply(Unary.SINH);
    }

    @Override
    public Adj tanh() {
        return apply(Unary.TANH);
    }

    @Override
    public Adj acosh() {
        return apply(Unary.ACOSH);
    }

    @Override
    public Adj asinh() {
        return apply(Unary.ASINH);
    }

    @Override
    public Adj atanh() {
        return apply(Unary.ATANH);
    }

    // ------------------------------------------------------------------ Fn's operations (Ops<Adj>): one node each

    @Override
    Adj constant(Adj like, double c) {
        return tape.constant(c);
    }

    @Override
    Adj apply(Adj x, Special f) {
        return x.apply(f);
    }

    @Override
    Adj weightedSum(double c, double[] coefficients, Adj[] terms, int n) {
        return tape.weightedSum(c, coefficients, terms, n);
    }

    @Override
    Adj affine(Adj x0, Adj x1, Adj[] factors, Adj[] z, int offset, int n) {
        return tape.affine(x0, x1, factors, z, offset, n);
    }

    @Override
    Adj sumOfProducts(Adj[] a, Adj[] b, int n) {
        return tape.productSum(a, b, n);
    }

    // ------------------------------------------------------------------ linear combinations (n-ary nodes)

    @Override
    public Adj linearCombination(Adj[] a, Adj[] b) {
        if (a.length != b.length) {
            throw new org.apache.commons.math3.exception.DimensionMismatchException(a.length, b.length);
        }
        int n = a.length;
        double[] av = new double[n];
        double[] bv = new double[n];
        for (int k = 0; k < n; k++) {
            av[k] = a[k].value;
            bv[k] = b[k].value;
        }
        return tape.recordProducts(MathArrays.linearCombination(av, bv), a, b, n);
    }

    @Override
    public Adj linearCombination(double[] a, Adj[] b) {
        if (a.length != b.length) {
            throw new org.apache.commons.math3.exception.DimensionMismatchException(a.length, b.length);
        }
        int n = a.length;
        double[] bv = new double[n];
        for (int k = 0; k < n; k++) {
            bv[k] = b[k].value;
        }
        return tape.recordWeighted(MathArrays.linearCombination(a, bv), a, b, n);
    }

    @Override
    public Adj linearCombination(Adj a1, Adj b1, Adj a2, Adj b2) {
        return linearCombination(new Adj[] {a1, a2}, new Adj[] {b1, b2});
    }

    @Override
    public Adj linearCombination(double a1, Adj b1, double a2, Adj b2) {
        return linearCombination(new double[] {a1, a2}, new Adj[] {b1, b2});
    }

    @Override
    public Adj linearCombination(Adj a1, Adj b1, Adj a2, Adj b2, Adj a3, Adj b3) {
        return linearCombination(new Adj[] {a1, a2, a3}, new Adj[] {b1, b2, b3});
    }

    @Override
    public Adj linearCombination(double a1, Adj b1, double a2, Adj b2, double a3, Adj b3) {
        return linearCombination(new double[] {a1, a2, a3}, new Adj[] {b1, b2, b3});
    }

    @Override
    public Adj linearCombination(Adj a1, Adj b1, Adj a2, Adj b2, Adj a3, Adj b3, Adj a4, Adj b4) {
        return linearCombination(new Adj[] {a1, a2, a3, a4}, new Adj[] {b1, b2, b3, b4});
    }

    @Override
    public Adj linearCombination(double a1, Adj b1, double a2, Adj b2, double a3, Adj b3, double a4, Adj b4) {
        return linearCombination(new double[] {a1, a2, a3, a4}, new Adj[] {b1, b2, b3, b4});
    }

    /**
     * {@code c + sum_k coefficients[k] * terms[k]} for the first {@code n} terms, one node, plain
     * (not compensated) summation: the hot-path form used by the pricers.
     */
    public static Adj weightedSum(Tape tape, double c, double[] coefficients, Adj[] terms, int n) {
        return tape.weightedSum(c, coefficients, terms, n);
    }

    /** {@code sum_k a[k] b[k]} over the first {@code n} pairs, one node, plain summation. */
    public static Adj productSum(Tape tape, Adj[] a, Adj[] b, int n) {
        return tape.productSum(a, b, n);
    }
}
