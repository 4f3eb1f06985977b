package dev.adjointgreeks.ad;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.special.Erf;

/**
 * {@link Fn}'s special functions, each written once: its rule on doubles (value, slope,
 * curvature), which this package's scalars read as they read {@link Unary}; and, for a field that
 * is not this package's, its derivatives of every order where they have a closed form
 * ({@code DerivativeStructure}) and its composition from the field's own operations (a field of
 * higher precision, such as {@code Dfp}). {@link FieldOps} decides which a field takes.
 */
enum Special implements Rule {

    NORM_CDF {
        @Override public double value(double x) {
            return NormalCdf.cdf(x);   // Cody's rational approximations: no allocation, no continued fraction
        }
        @Override public double slope(double x, double v) { return NORM_PDF.value(x); }
        @Override public double curvature(double x, double v, double s) { return -x * s; }

        /** {@code Phi^(k+1)(x) = (-1)^k He_k(x) phi(x)}, He the probabilists' Hermite polynomials. */
        @Override double[] derivatives(double x, int order) {
            double[] f = new double[order + 1];
            f[0] = value(x);
            double phi = NORM_PDF.value(x);
            double hPrev = 0.0;
            double h = 1.0;
            for (int k = 0; k + 1 < f.length; k++) {
                f[k + 1] = ((k & 1) == 0 ? 1.0 : -1.0) * h * phi;
                double next = x * h - k * hPrev;
                hPrev = h;
                h = next;
            }
            return f;
        }

        /** At the field's own precision, from its {@code erf}. */
        @Override <T extends RealFieldElement<T>> T onField(T x) {
            return Fn.erf(x.divide(Fn.constant(x, 2.0).sqrt())).add(1.0).multiply(0.5);
        }
    },
    NORM_PDF {
        @Override public double value(double x) { return INV_SQRT_2PI * Math.exp(-0.5 * x * x); }
        @Override public double slope(double x, double v) { return -x * v; }
        @Override public double curvature(double x, double v, double s) { return (x * x - 1.0) * v; }

        /**
         * {@code phi^(k)(x) = (-1)^k He_k(x) phi(x)}; composing {@code exp} with pi taken as
         * {@code acos(-1)} on the structure came out NaN (acos' is infinite at -1).
         */
        @Override double[] derivatives(double x, int order) {
            double[] f = new double[order + 1];
            double phi = value(x);
            double hPrev = 0.0;
            double h = 1.0;
            for (int k = 0; k < f.length; k++) {
                f[k] = ((k & 1) == 0 ? 1.0 : -1.0) * h * phi;
                double next = x * h - k * hPrev;
                hPrev = h;
                h = next;
            }
            return f;
        }

        @Override <T extends RealFieldElement<T>> T onField(T x) {
            T twoPi = Fn.constant(x, 2.0).multiply(pi(x));
            return x.multiply(x).multiply(-0.5).exp().divide(twoPi.sqrt());
        }
    },
    ERF {
        @Override public double value(double x) { return Erf.erf(x); }
        @Override public double slope(double x, double v) { return TWO_OVER_SQRT_PI * Math.exp(-x * x); }
        @Override public double curvature(double x, double v, double s) { return -2.0 * x * s; }

        /** {@code erf^(k+1)(x) = 2/sqrt(pi) (-1)^k H_k(x) exp(-x^2)}, H the physicists' Hermite polynomials. */
        @Override double[] derivatives(double x, int order) {
            double[] f = new double[order + 1];
            f[0] = value(x);
            double g = TWO_OVER_SQRT_PI * Math.exp(-x * x);
            double hPrev = 0.0;
            double h = 1.0;
            for (int k = 0; k + 1 < f.length; k++) {
                f[k + 1] = ((k & 1) == 0 ? 1.0 : -1.0) * h * g;
                double next = 2.0 * x * h - 2.0 * k * hPrev;
                hPrev = h;
                h = next;
            }
            return f;
        }

        /**
         * {@code erf(x) = 2/sqrt(pi) exp(-x^2) sum_n 2^n x^(2n+1) / (1*3*...*(2n+1))}: all terms of
         * one sign, so no cancellation, in the field's own arithmetic (derivatives included).
         */
        @Override <T extends RealFieldElement<T>> T onField(T x) {
            T x2 = x.multiply(x);
            T term = x;
            T sum = x;
            for (int n = 1; n < 4000; n++) {
                term = term.multiply(x2).multiply(2.0).divide(2.0 * n + 1.0);
                sum = sum.add(term);
                if (Math.abs(term.getReal()) <= 1e-60 * Math.abs(sum.getReal())) {
                    break;
                }
            }
            return sum.multiply(x2.negate().exp()).multiply(2.0).divide(pi(x).sqrt());
        }
    },
    SIGMOID {
        @Override public double value(double x) {
            return x >= 0 ? 1.0 / (1.0 + Math.exp(-x)) : Math.exp(x) / (1.0 + Math.exp(x));
        }
        @Override public double slope(double x, double v) { return v * (1.0 - v); }
        @Override public double curvature(double x, double v, double s) { return s * (1.0 - 2.0 * v); }

        @Override <T extends RealFieldElement<T>> T onField(T x) {
            return x.negate().exp().add(1.0).reciprocal();
        }
    },
    /** {@code log(1 + e^x)}, computed without overflow. */
    SOFTPLUS {
        @Override public double value(double x) {
            return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
        }
        @Override public double slope(double x, double v) { return SIGMOID.value(x); }
        @Override public double curvature(double x, double v, double s) { return s * (1.0 - s); }

        @Override <T extends RealFieldElement<T>> T onField(T x) {
            return x.getReal() > 0 ? x.add(x.negate().exp().log1p()) : x.exp().log1p();
        }
    };

    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    /**
     * {@code f^(k)(x)} for {@code k = 0..order} where they have a closed form, else null (the
     * field then composes {@link #onField}).
     */
    double[] derivatives(double x, int order) {
        return null;
    }

    /** The function composed from the field's own operations, at the field's precision. */
    abstract <T extends RealFieldElement<T>> T onField(T x);

    private static <T extends RealFieldElement<T>> T pi(T like) {
        return Fn.constant(like, -1.0).acos();   // exact to the field's precision
    }
}
