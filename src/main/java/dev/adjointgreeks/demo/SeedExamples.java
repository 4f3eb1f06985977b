package dev.adjointgreeks.demo;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Dual;
import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.ad.Tape;

/**
 * The seed article's examples ("backpropagation is automatic differentiation"), each written once
 * for any field so that the same code runs forward (dual numbers) and in reverse (the tape).
 */
public final class SeedExamples {

    /** The regression data: xs = 1..10, ys = 2x + 1. */
    public static final double[] XS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    public static final double[] YS = {3, 5, 7, 9, 11, 13, 15, 17, 19, 21};
    public static final double LEARNING_RATE = 0.04;
    public static final int STEPS = 1000;

    private SeedExamples() {
    }

    /** {@code f = sqrt . (*3) . sin}. */
    public static <T extends RealFieldElement<T>> T f(T x) {
        return x.sin().multiply(3).sqrt();
    }

    /** The symbolic derivative, for comparison: {@code 3 cos x / (2 sqrt(3 sin x))}. */
    public static double fPrime(double x) {
        return 3 * Math.cos(x) / (2 * Math.sqrt(3 * Math.sin(x)));
    }

    /** {@code y = x; six times y = sin(x + y)}. */
    public static <T extends RealFieldElement<T>> T manySines(T x) {
        T y = x;
        for (int i = 1; i < 7; i++) {
            y = x.add(y).sin();
        }
        return y;
    }

    /** Symbolic derivative of {@link #manySines}: y_i' = cos(x + y_{i-1}) (1 + y_{i-1}'). */
    public static double manySinesPrime(double x) {
        double y = x;
        double dy = 1.0;
        for (int i = 1; i < 7; i++) {
            dy = Math.cos(x + y) * (1.0 + dy);
            y = Math.sin(x + y);
        }
        return dy;
    }

    /**
     * The seed's cost: sum of squared errors over 2n, with the sum folded from the left and the
     * division written as multiplication by the reciprocal, exactly as the seed's Haskell
     * {@code Fractional Dual} instance evaluates it.
     */
    public static <T extends RealFieldElement<T>> T cost(T m, T c, double[] xs, double[] ys) {
        T sum = m.getField().getZero();
        for (int i = 0; i < xs.length; i++) {
            T z = Fn.constant(m, ys[i]).subtract(m.multiply(Fn.constant(m, xs[i])).add(c));
            sum = sum.add(z.multiply(z));
        }
        return sum.multiply(Fn.constant(m, 2.0 * xs.length).reciprocal());
    }

    /** The cost in plain doubles (Haskell's Double division), as the seed prints it. */
    public static double cost(double m, double c, double[] xs, double[] ys) {
        double sum = 0.0;
        for (int i = 0; i < xs.length; i++) {
            double z = ys[i] - (m * xs[i] + c);
            sum += z * z;
        }
        return sum / (2.0 * xs.length);
    }

    /** Steepest descent with dual numbers, one forward pass per parameter; returns {c, m}. */
    public static double[] regressionForward(int steps) {
        double c = 0.1;
        double m = 0.1;
        for (int s = 0; s < steps; s++) {
            double cDeriv = cost(Dual.constant(m), Dual.variable(c), XS, YS).tangent();
            double mDeriv = cost(Dual.variable(m), Dual.constant(c), XS, YS).tangent();
            double cNext = c - LEARNING_RATE * cDeriv;
            double mNext = m - LEARNING_RATE * mDeriv;
            c = cNext;
            m = mNext;
        }
        return new double[] {c, m};
    }

    /** Steepest descent with one reverse sweep per step for both parameters; returns {c, m}. */
    public static double[] regressionReverse(int steps) {
        double c = 0.1;
        double m = 0.1;
        Tape tape = new Tape();
        for (int s = 0; s < steps; s++) {
            tape.reset();
            Adj mA = tape.input(m);
            Adj cA = tape.input(c);
            double[] g = tape.gradient(cost(mA, cA, XS, YS));
            double cNext = c - LEARNING_RATE * g[1];
            double mNext = m - LEARNING_RATE * g[0];
            c = cNext;
            m = mNext;
        }
        return new double[] {c, m};
    }

    /** One row of the numerical-differentiation table: epsilon, forward-difference error, AD error. */
    public record DifferenceRow(double epsilon, double finiteDifference, double finiteDifferenceError, double adError) {
    }

    /**
     * The forward difference of {@code exp} at 1 against its exact derivative as epsilon falls from
     * 1e-1 to 1e-16: the truncation error shrinks, then floating-point cancellation takes over.
     * Reverse-mode AD stays at the rounding error of exp itself.
     */
    public static DifferenceRow[] numericalDifferentiation() {
        double x = 1.0;
        double exact = Math.exp(x);
        Tape tape = new Tape();
        Adj xa = tape.input(x);
        double ad = tape.gradient(xa.exp())[0];
        DifferenceRow[] rows = new DifferenceRow[16];
        for (int k = 1; k <= 16; k++) {
            double eps = Math.pow(10.0, -k);
            double fd = (Math.exp(x + eps) - Math.exp(x)) / eps;
            rows[k - 1] = new DifferenceRow(eps, fd, Math.abs(fd - exact) / exact, Math.abs(ad - exact) / exact);
        }
        return rows;
    }
}
