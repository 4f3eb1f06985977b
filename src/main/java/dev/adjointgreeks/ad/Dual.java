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
 * <p>Each operation is one chain-rule step of its rule, written once for every scalar in
 * {@link Unary} and {@link Binary}; linear operations move the tangent as they move the value.
 * Used to check the adjoint scalar path by path and for directional derivatives. Edge conventions
 * as for {@link Adj}.
 */
public final class Dual extends Ops<Dual> implements RealFieldElement<Dual> {

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

    /**
     * One chain-rule step of a unary rule ({@link Unary}, {@link Special}): the tangent times the
     * slope, skipping a zero tangent (no {@code 0 * inf}).
     */
    Dual apply(Rule f) {
        double v = f.value(value);
        return new Dual(v, tangent == 0.0 ? 0.0 : tangent * f.slope(value, v));
    }

    /** One chain-rule step of a binary rule ({@link Binary}): both tangents times their partials. */
    private Dual apply(Rule2 f, Dual b) {
        double v = f.value(value, b.value);
        double t = tangent == 0.0 ? 0.0 : tangent * f.dx(value, b.value, v);
        return new Dual(v, t + (b.tangent == 0.0 ? 0.0 : b.tangent * f.dy(value, b.value, v)));
    }

    private static double times(double t, double d) {
        return t == 0.0 ? 0.0 : t * d;
    }

    // Linear operations (sums, constants) move the tangent as they move the value.
    @Override public Dual add(Dual b) { return new Dual(value + b.value, tangent + b.tangent); }
    @Override public Dual subtract(Dual b) { return new Dual(value - b.value, tangent - b.tangent); }
    @Override public Dual negate() { return new Dual(-value, -tangent); }
    @Override public Dual multiply(int n) { return new Dual(value * n, tangent * n); }
    @Override public Dual multiply(Dual b) { return apply(Binary.MULTIPLY, b); }
    @Override public Dual divide(Dual b) { return apply(Binary.DIVIDE, b); }
    @Override public Dual reciprocal() { return apply(Unary.RECIPROCAL); }
    @Override public Dual add(double c) { return new Dual(value + c, tangent); }
    @Override public Dual subtract(double c) { return new Dual(value - c, tangent); }
    @Override public Dual multiply(double c) { return new Dual(value * c, times(tangent, c)); }
    @Override public Dual divide(double c) { return new Dual(value / c, tangent / c); }
    @Override public Dual remainder(double c) { return new Dual(FastMath.IEEEremainder(value, c), tangent); }
    @Override public Dual remainder(Dual b) { return apply(Binary.REMAINDER, b); }
    @Override public Dual abs() { return apply(Unary.ABS); }
    @Override public Dual ceil() { return constant(Math.ceil(value)); }
    @Override public Dual floor() { return constant(Math.floor(value)); }
    @Override public Dual rint() { return constant(Math.rint(value)); }
    @Override public long round() { return FastMath.round(value); }
    @Override public Dual signum() { return constant(Math.signum(value)); }
    @Override public Dual copySign(Dual sign) { return copySign(sign.value); }
    @Override public Dual copySign(double sign) { return apply(Unary.copySign(sign)); }
    @Override public Dual scalb(int n) { return new Dual(Math.scalb(value, n), Math.scalb(tangent, n)); }
    @Override public Dual hypot(Dual b) { return apply(Binary.HYPOT, b); }
    @Override public Dual sqrt() {
        // x' / (2 sqrt x), as the seed writes it: equal to the rule's x' (0.5 / sqrt x) for x' = 1,
        // and within the last bit otherwise
        double s = Math.sqrt(value);
        return new Dual(s, tangent == 0.0 ? 0.0 : tangent / (2.0 * s));
    }
    @Override public Dual cbrt() { return apply(Unary.CBRT); }
    @Override public Dual rootN(int n) { return apply(Unary.rootN(n)); }
    @Override public Dual pow(double p) { return p == 0.0 ? constant(1.0) : apply(Unary.pow(p)); }
    @Override public Dual pow(int n) { return n == 0 ? constant(1.0) : apply(Unary.pow(n)); }
    @Override public Dual pow(Dual e) { return apply(Binary.POW, e); }
    @Override public Dual exp() { return apply(Unary.EXP); }
    @Override public Dual expm1() { return apply(Unary.EXPM1); }
    @Override public Dual log() { return apply(Unary.LOG); }
    @Override public Dual log1p() { return apply(Unary.LOG1P); }
    @Override public Dual cos() { return apply(Unary.COS); }
    @Override public Dual sin() { return apply(Unary.SIN); }
    @Override public Dual tan() { return apply(Unary.TAN); }
    @Override public Dual acos() { return apply(Unary.ACOS); }
    @Override public Dual asin() { return apply(Unary.ASIN); }
    @Override public Dual atan() { return apply(Unary.ATAN); }
    @Override public Dual atan2(Dual x) { return apply(Binary.ATAN2, x); }
    @Override public Dual cosh() { return apply(Unary.COSH); }
    @Override public Dual sinh() { return apply(Unary.SINH); }
    @Override public Dual tanh() { return apply(Unary.TANH); }
    @Override public Dual acosh() { return apply(Unary.ACOSH); }
    @Override public Dual asinh() { return apply(Unary.ASINH); }
    @Override public Dual atanh() { return apply(Unary.ATANH); }

    // Fn's operations (Ops<Dual>): the defaults, a special function as one chain-rule step.
    @Override Dual constant(Dual like, double c) { return ZERO.add(c); }   // the default's value, without the field
    @Override Dual apply(Dual x, Special f) { return x.apply(f); }

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
