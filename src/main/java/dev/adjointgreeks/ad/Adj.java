package dev.adjointgreeks.ad;

import org.apache.commons.math3.Field;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.FastMath;
import org.apache.commons.math3.util.MathArrays;

/**
 * The adjoint (reverse-mode) scalar: a value plus the index of the tape node that produced it.
 *
 * <p>Each operation states its forward value and its local derivatives side by side and hands them
 * to the {@link Tape}; the chain rule is applied there, in the backward sweep. A scalar with index
 * {@code -1} is passive (a constant, or a value that depends on no registered input): operations on
 * passive scalars only are not recorded.
 *
 * <p>Edge conventions: {@code sqrt'(0) = +inf}, {@code log'(0) = +inf}, {@code abs'(0) = 0},
 * {@code max(x, y)} with {@code x == y} takes the derivative of {@code x} (see {@link Fn}),
 * {@code d/dy 0^y = 0} for {@code y > 0}; a product with a passive zero is a passive zero.
 *
 * <p><b>Why this file is long.</b> commons-math3's {@code RealFieldElement} asks for some 60
 * operations; each is one line of value and one of local derivative, written out so that the chain
 * rule of each operation can be read where it is defined.
 */
public final class Adj implements RealFieldElement<Adj> {

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

    private Adj passive(double v) {
        return new Adj(tape, v);
    }

    // ------------------------------------------------------------------ arithmetic

    @Override
    public Adj add(Adj b) {
        return binary(value + b.value, 1.0, b, 1.0);
    }

    @Override
    public Adj subtract(Adj b) {
        return binary(value - b.value, 1.0, b, -1.0);
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
        return binary(value * b.value, b.value, b, value);
    }

    @Override
    public Adj divide(Adj b) {
        double inv = 1.0 / b.value;
        double q = value / b.value;
        return binary(q, inv, b, -q * inv);
    }

    @Override
    public Adj reciprocal() {
        double inv = 1.0 / value;
        return unary(inv, -inv * inv);
    }

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
        double r = FastMath.IEEEremainder(value, b.value);
        double n = FastMath.rint((value - r) / b.value);
        return binary(r, 1.0, b, -n);
    }

    // ------------------------------------------------------------------ piecewise

    @Override
    public Adj abs() {
        return unary(Math.abs(value), Math.signum(value));   // abs'(0) = 0
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
        double v = Math.copySign(value, sign);
        return unary(v, (v == value) ? 1.0 : -1.0);
    }

    @Override
    public Adj scalb(int n) {
        return unary(Math.scalb(value, n), Math.scalb(1.0, n));
    }

    @Override
    public Adj hypot(Adj b) {
        double h = Math.hypot(value, b.value);
        if (h == 0.0) {
            return binary(h, 0.0, b, 0.0);
        }
        return binary(h, value / h, b, b.value / h);
    }

    // ------------------------------------------------------------------ powers and roots

    @Override
    public Adj sqrt() {
        double s = Math.sqrt(value);
        return unary(s, 0.5 / s);   // sqrt'(0) = +inf
    }

    @Override
    public Adj cbrt() {
        double c = Math.cbrt(value);
        return unary(c, 1.0 / (3.0 * c * c));
    }

    @Override
    public Adj rootN(int n) {
        double r;
        if (n == 2) {
            r = Math.sqrt(value);
        } else if (n == 3) {
            r = Math.cbrt(value);
        } else {
            r = value < 0 ? -Math.pow(-value, 1.0 / n) : Math.pow(value, 1.0 / n);
        }
        return unary(r, value == 0.0 ? Double.POSITIVE_INFINITY : r / (n * value));
    }

    @Override
    public Adj pow(double p) {
        if (p == 0.0) {
            return passive(1.0);
        }
        return unary(Math.pow(value, p), p * Math.pow(value, p - 1.0));
    }

    @Override
    public Adj pow(int n) {
        if (n == 0) {
            return passive(1.0);
        }
        return unary(FastMath.pow(value, n), n * FastMath.pow(value, n - 1));
    }

    @Override
    public Adj pow(Adj e) {
        double v = Math.pow(value, e.value);
        double dBase = e.value == 0.0 ? 0.0 : e.value * Math.pow(value, e.value - 1.0);
        double dExp = value == 0.0 ? 0.0 : v * Math.log(value);   // d/dy 0^y = 0
        return binary(v, dBase, e, dExp);
    }

    // ------------------------------------------------------------------ exponentials

    @Override
    public Adj exp() {
        double v = Math.exp(value);
        return unary(v, v);
    }

    @Override
    public Adj expm1() {
        return unary(Math.expm1(value), Math.exp(value));
    }

    @Override
    public Adj log() {
        return unary(Math.log(value), 1.0 / value);   // log'(0) = +inf
    }

    @Override
    public Adj log1p() {
        return unary(Math.log1p(value), 1.0 / (1.0 + value));
    }

    // ------------------------------------------------------------------ trigonometric

    @Override
    public Adj cos() {
        return unary(Math.cos(value), -Math.sin(value));
    }

    @Override
    public Adj sin() {
        return unary(Math.sin(value), Math.cos(value));
    }

    @Override
    public Adj tan() {
        double t = Math.tan(value);
        return unary(t, 1.0 + t * t);
    }

    @Override
    public Adj acos() {
        return unary(Math.acos(value), -1.0 / Math.sqrt(1.0 - value * value));
    }

    @Override
    public Adj asin() {
        return unary(Math.asin(value), 1.0 / Math.sqrt(1.0 - value * value));
    }

    @Override
    public Adj atan() {
        return unary(Math.atan(value), 1.0 / (1.0 + value * value));
    }

    /** {@code atan2(this, x)}: this is the ordinate y. */
    @Override
    public Adj atan2(Adj x) {
        double r2 = value * value + x.value * x.value;
        return binary(Math.atan2(value, x.value), x.value / r2, x, -value / r2);
    }

    @Override
    public Adj cosh() {
        return unary(Math.cosh(value), Math.sinh(value));
    }

    @Override
    public Adj sinh() {
        return unary(Math.sinh(value), Math.cosh(value));
    }

    @Override
    public Adj tanh() {
        double t = Math.tanh(value);
        return unary(t, 1.0 - t * t);
    }

    @Override
    public Adj acosh() {
        return unary(FastMath.acosh(value), 1.0 / Math.sqrt(value * value - 1.0));
    }

    @Override
    public Adj asinh() {
        return unary(FastMath.asinh(value), 1.0 / Math.sqrt(value * value + 1.0));
    }

    @Override
    public Adj atanh() {
        return unary(FastMath.atanh(value), 1.0 / (1.0 - value * value));
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
