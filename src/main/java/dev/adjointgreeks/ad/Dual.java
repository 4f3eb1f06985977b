package dev.adjointgreeks.ad;

import org.apache.commons.math3.Field;
import org.apache.commons.math3.FieldElement;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.FastMath;
import org.apache.commons.math3.util.MathArrays;

/**
 * Forward mode: the seed's dual number {@code a + b e} with {@code e^2 = 0}. The tangent {@code b}
 * carries the directional derivative along whatever direction the inputs were seeded with
 * ({@link #variable(double)} seeds 1, {@link #constant(double)} seeds 0).
 *
 * <p>Each rule below is the chain rule for one operation, as in the seed's Haskell instance. Used to
 * check the adjoint scalar path by path and for directional derivatives. Edge conventions as for
 * {@link Adj}.
 */
public final class Dual implements RealFieldElement<Dual> {

    /** The field of dual numbers. */
    public static final Field<Dual> FIELD = new Field<Dual>() {
        @Override
        public Dual getZero() {
            return ZERO;
        }

        @Override
        public Dual getOne() {
            return ONE;
        }

        @Override
        public Class<? extends FieldElement<Dual>> getRuntimeClass() {
            return Dual.class;
        }
    };

    private static final Dual ZERO = new Dual(0.0, 0.0);
    private static final Dual ONE = new Dual(1.0, 0.0);

    private final double value;
    private final double tangent;

    public Dual(double value, double tangent) {
        this.value = value;
        this.tangent = tangent;
    }

    /** The seed's {@code idD}: the variable we differentiate with respect to. */
    public static Dual variable(double value) {
        return new Dual(value, 1.0);
    }

    /** The seed's {@code constD}. */
    public static Dual constant(double value) {
        return new Dual(value, 0.0);
    }

    public double tangent() {
        return tangent;
    }

    @Override
    public double getReal() {
        return value;
    }

    @Override
    public Field<Dual> getField() {
        return FIELD;
    }

    @Override
    public String toString() {
        return "Dual " + value + " " + tangent;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dual && Double.compare(((Dual) o).value, value) == 0
                && Double.compare(((Dual) o).tangent, tangent) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value) * 31 + Double.hashCode(tangent);
    }

    /** f(x) with f'(x) = d: the tangent times d, skipping a zero tangent (no {@code 0 * inf}). */
    Dual chain(double v, double d) {
        return new Dual(v, tangent == 0.0 ? 0.0 : tangent * d);
    }

    private static double times(double t, double d) {
        return t == 0.0 ? 0.0 : t * d;
    }

    @Override public Dual add(Dual b) { return new Dual(value + b.value, tangent + b.tangent); }
    @Override public Dual subtract(Dual b) { return new Dual(value - b.value, tangent - b.tangent); }
    @Override public Dual negate() { return new Dual(-value, -tangent); }
    @Override public Dual multiply(int n) { return new Dual(value * n, tangent * n); }
    @Override public Dual multiply(Dual b) {
        return new Dual(value * b.value, times(tangent, b.value) + times(b.tangent, value));
    }
    @Override public Dual divide(Dual b) {
        double q = value / b.value;
        return new Dual(q, times(tangent, 1.0 / b.value) - times(b.tangent, q / b.value));
    }
    @Override public Dual reciprocal() { double inv = 1.0 / value; return chain(inv, -inv * inv); }
    @Override public Dual add(double c) { return new Dual(value + c, tangent); }
    @Override public Dual subtract(double c) { return new Dual(value - c, tangent); }
    @Override public Dual multiply(double c) { return new Dual(value * c, times(tangent, c)); }
    @Override public Dual divide(double c) { return new Dual(value / c, tangent / c); }
    @Override public Dual remainder(double c) { return new Dual(FastMath.IEEEremainder(value, c), tangent); }
    @Override public Dual remainder(Dual b) {
        double r = FastMath.IEEEremainder(value, b.value);
        double n = FastMath.rint((value - r) / b.value);
        return new Dual(r, tangent - times(b.tangent, n));
    }
    @Override public Dual abs() { return chain(Math.abs(value), Math.signum(value)); }
    @Override public Dual ceil() { return constant(Math.ceil(value)); }
    @Override public Dual floor() { return constant(Math.floor(value)); }
    @Override public Dual rint() { return constant(Math.rint(value)); }
    @Override public long round() { return FastMath.round(value); }
    @Override public Dual signum() { return constant(Math.signum(value)); }
    @Override public Dual copySign(Dual sign) { return copySign(sign.value); }
    @Override public Dual copySign(double sign) {
        double v = Math.copySign(value, sign);
        return new Dual(v, v == value ? tangent : -tangent);
    }
    @Override public Dual scalb(int n) { return new Dual(Math.scalb(value, n), Math.scalb(tangent, n)); }
    @Override public Dual hypot(Dual b) {
        double h = Math.hypot(value, b.value);
        if (h == 0.0) {
            return constant(0.0);
        }
        return new Dual(h, times(tangent, value / h) + times(b.tangent, b.value / h));
    }
    @Override public Dual sqrt() {
        // x' / (2 sqrt x), as the seed writes it (0.5 / sqrt x rounds differently in the last bit)
        double s = Math.sqrt(value);
        return new Dual(s, tangent == 0.0 ? 0.0 : tangent / (2.0 * s));
    }
    @Override public Dual cbrt() { double c = Math.cbrt(value); return chain(c, 1.0 / (3.0 * c * c)); }
    @Override public Dual rootN(int n) {
        double r = n == 2 ? Math.sqrt(value) : n == 3 ? Math.cbrt(value)
                : value < 0 ? -Math.pow(-value, 1.0 / n) : Math.pow(value, 1.0 / n);
        return chain(r, value == 0.0 ? Double.POSITIVE_INFINITY : r / (n * value));
    }
    @Override public Dual pow(double p) {
        return p == 0.0 ? constant(1.0) : chain(Math.pow(value, p), p * Math.pow(value, p - 1.0));
    }
    @Override public Dual pow(int n) {
        return n == 0 ? constant(1.0) : chain(FastMath.pow(value, n), n * FastMath.pow(value, n - 1));
    }
    @Override public Dual pow(Dual e) {
        double v = Math.pow(value, e.value);
        double dBase = e.value == 0.0 ? 0.0 : e.value * Math.pow(value, e.value - 1.0);
        double dExp = value == 0.0 ? 0.0 : v * Math.log(value);
        return new Dual(v, times(tangent, dBase) + times(e.tangent, dExp));
    }
    @Override public Dual exp() { double v = Math.exp(value); return chain(v, v); }
    @Override public Dual expm1() { return chain(Math.expm1(value), Math.exp(value)); }
    @Override public Dual log() { return chain(Math.log(value), 1.0 / value); }
    @Override public Dual log1p() { return chain(Math.log1p(value), 1.0 / (1.0 + value)); }
    @Override public Dual cos() { return chain(Math.cos(value), -Math.sin(value)); }
    @Override public Dual sin() { return chain(Math.sin(value), Math.cos(value)); }
    @Override public Dual tan() { double t = Math.tan(value); return chain(t, 1.0 + t * t); }
    @Override public Dual acos() { return chain(Math.acos(value), -1.0 / Math.sqrt(1.0 - value * value)); }
    @Override public Dual asin() { return chain(Math.asin(value), 1.0 / Math.sqrt(1.0 - value * value)); }
    @Override public Dual atan() { return chain(Math.atan(value), 1.0 / (1.0 + value * value)); }
    @Override public Dual atan2(Dual x) {
        double r2 = value * value + x.value * x.value;
        return new Dual(Math.atan2(value, x.value), times(tangent, x.value / r2) - times(x.tangent, value / r2));
    }
    @Override public Dual cosh() { return chain(Math.cosh(value), Math.sinh(value)); }
    @Override public Dual sinh() { return chain(Math.sinh(value), Math.cosh(value)); }
    @Override public Dual tanh() { double t = Math.tanh(value); return chain(t, 1.0 - t * t); }
    @Override public Dual acosh() { return chain(FastMath.acosh(value), 1.0 / Math.sqrt(value * value - 1.0)); }
    @Override public Dual asinh() { return chain(FastMath.asinh(value), 1.0 / Math.sqrt(value * value + 1.0)); }
    @Override public Dual atanh() { return chain(FastMath.atanh(value), 1.0 / (1.0 - value * value)); }

    @Override public Dual linearCombination(Dual[] a, Dual[] b) {
        if (a.length != b.length) {
            throw new org.apache.commons.math3.exception.DimensionMismatchException(a.length, b.length);
        }
        double[] av = new double[a.length];
        double[] bv = new double[a.length];
        double t = 0.0;
        for (int k = 0; k < a.length; k++) {
            av[k] = a[k].value;
            bv[k] = b[k].value;
            t += times(a[k].tangent, b[k].value) + times(b[k].tangent, a[k].value);
        }
        return new Dual(MathArrays.linearCombination(av, bv), t);
    }
    @Override public Dual linearCombination(double[] a, Dual[] b) {
        if (a.length != b.length) {
            throw new org.apache.commons.math3.exception.DimensionMismatchException(a.length, b.length);
        }
        double[] bv = new double[a.length];
        double t = 0.0;
        for (int k = 0; k < a.length; k++) {
            bv[k] = b[k].value;
            t += times(b[k].tangent, a[k]);
        }
        return new Dual(MathArrays.linearCombination(a, bv), t);
    }
    @Override public Dual linearCombination(Dual a1, Dual b1, Dual a2, Dual b2) {
        return linearCombination(new Dual[] {a1, a2}, new Dual[] {b1, b2});
    }
    @Override public Dual linearCombination(double a1, Dual b1, double a2, Dual b2) {
        return linearCombination(new double[] {a1, a2}, new Dual[] {b1, b2});
    }
    @Override public Dual linearCombination(Dual a1, Dual b1, Dual a2, Dual b2, Dual a3, Dual b3) {
        return linearCombination(new Dual[] {a1, a2, a3}, new Dual[] {b1, b2, b3});
    }
    @Override public Dual linearCombination(double a1, Dual b1, double a2, Dual b2, double a3, Dual b3) {
        return linearCombination(new double[] {a1, a2, a3}, new Dual[] {b1, b2, b3});
    }
    @Override public Dual linearCombination(Dual a1, Dual b1, Dual a2, Dual b2, Dual a3, Dual b3, Dual a4, Dual b4) {
        return linearCombination(new Dual[] {a1, a2, a3, a4}, new Dual[] {b1, b2, b3, b4});
    }
    @Override public Dual linearCombination(double a1, Dual b1, double a2, Dual b2, double a3, Dual b3, double a4, Dual b4) {
        return linearCombination(new double[] {a1, a2, a3, a4}, new Dual[] {b1, b2, b3, b4});
    }
}
