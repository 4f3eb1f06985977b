package dev.adjointgreeks.ad;

import org.apache.commons.math3.util.FastMath;

/**
 * Every unary operation of the scalars, each written once: value, slope and curvature side by side
 * (micrograd's habit, XAD's functor table). {@link Adj}, {@link Dual}, {@link Block} and
 * {@link BlockProgram} all read these; the block scalar's hot lane loops ({@code sqrt}, {@code exp},
 * {@code log}) are written out for the JIT and held to {@link #SQRT}, {@link #EXP}, {@link #LOG}
 * by {@code RulesConsistencyTest}. The operations with a parameter ({@link #pow(double)},
 * {@link #rootN(int)}, ...) are factories below. Linear operations with a constant
 * ({@code x + c}, {@code c x}, {@code x / c}) have their coefficient as slope and are written where
 * they are used.
 *
 * <p>Edge conventions: {@code sqrt'(0) = +inf}, {@code log'(0) = +inf}, {@code abs'(0) = 0}.
 */
enum Unary implements Rule {

    RECIPROCAL {
        @Override public double value(double x) { return 1.0 / x; }
        @Override public double slope(double x, double v) { return -v * v; }
        @Override public double curvature(double x, double v, double s) { return 2.0 * v * v * v; }
    },
    SQRT {
        @Override public double value(double x) { return Math.sqrt(x); }
        @Override public double slope(double x, double v) { return 0.5 / v; }   // sqrt'(0) = +inf
        @Override public double curvature(double x, double v, double s) { return -0.5 * s / x; }
    },
    CBRT {
        @Override public double value(double x) { return Math.cbrt(x); }
        @Override public double slope(double x, double v) { return 1.0 / (3.0 * v * v); }
        @Override public double curvature(double x, double v, double s) { return -2.0 * s / (3.0 * x); }
    },
    EXP {
        @Override public double value(double x) { return Math.exp(x); }
        @Override public double slope(double x, double v) { return v; }
        @Override public double curvature(double x, double v, double s) { return v; }
    },
    EXPM1 {
        @Override public double value(double x) { return Math.expm1(x); }
        @Override public double slope(double x, double v) { return Math.exp(x); }
        @Override public double curvature(double x, double v, double s) { return Math.exp(x); }
    },
    LOG {
        @Override public double value(double x) { return Math.log(x); }
        @Override public double slope(double x, double v) { return 1.0 / x; }   // log'(0) = +inf
        @Override public double curvature(double x, double v, double s) { return -s * s; }
    },
    LOG1P {
        @Override public double value(double x) { return Math.log1p(x); }
        @Override public double slope(double x, double v) { return 1.0 / (1.0 + x); }
        @Override public double curvature(double x, double v, double s) { return -s * s; }
    },
    COS {
        @Override public double value(double x) { return Math.cos(x); }
        @Override public double slope(double x, double v) { return -Math.sin(x); }
        @Override public double curvature(double x, double v, double s) { return -v; }
    },
    SIN {
        @Override public double value(double x) { return Math.sin(x); }
        @Override public double slope(double x, double v) { return Math.cos(x); }
        @Override public double curvature(double x, double v, double s) { return -v; }
    },
    TAN {
        @Override public double value(double x) { return Math.tan(x); }
        @Override public double slope(double x, double v) { return 1.0 + v * v; }
        @Override public double curvature(double x, double v, double s) { return 2.0 * v * s; }
    },
    ACOS {
        @Override public double value(double x) { return Math.acos(x); }
        @Override public double slope(double x, double v) { return -1.0 / Math.sqrt(1.0 - x * x); }
        @Override public double curvature(double x, double v, double s) { return x * s * s * s; }
    },
    ASIN {
        @Override public double value(double x) { return Math.asin(x); }
        @Override public double slope(double x, double v) { return 1.0 / Math.sqrt(1.0 - x * x); }
        @Override public double curvature(double x, double v, double s) { return x * s * s * s; }
    },
    ATAN {
        @Override public double value(double x) { return Math.atan(x); }
        @Override public double slope(double x, double v) { return 1.0 / (1.0 + x * x); }
        @Override public double curvature(double x, double v, double s) { return -2.0 * x * s * s; }
    },
    COSH {
        @Override public double value(double x) { return Math.cosh(x); }
        @Override public double slope(double x, double v) { return Math.sinh(x); }
        @Override public double curvature(double x, double v, double s) { return v; }
    },
    SINH {
        @Override public double value(double x) { return Math.sinh(x); }
        @Override public double slope(double x, double v) { return Math.cosh(x); }
        @Override public double curvature(double x, double v, double s) { return v; }
    },
    TANH {
        @Override public double value(double x) { return Math.tanh(x); }
        @Override public double slope(double x, double v) { return 1.0 - v * v; }
        @Override public double curvature(double x, double v, double s) { return -2.0 * v * s; }
    },
    ACOSH {
        @Override public double value(double x) { return FastMath.acosh(x); }
        @Override public double slope(double x, double v) { return 1.0 / Math.sqrt(x * x - 1.0); }
        @Override public double curvature(double x, double v, double s) { return -x * s * s * s; }
    },
    ASINH {
        @Override public double value(double x) { return FastMath.asinh(x); }
        @Override public double slope(double x, double v) { return 1.0 / Math.sqrt(x * x + 1.0); }
        @Override public double curvature(double x, double v, double s) { return -x * s * s * s; }
    },
    ATANH {
        @Override public double value(double x) { return FastMath.atanh(x); }
        @Override public double slope(double x, double v) { return 1.0 / (1.0 - x * x); }
        @Override public double curvature(double x, double v, double s) { return 2.0 * x * s * s; }
    },
    ABS {
        @Override public double value(double x) { return Math.abs(x); }
        @Override public double slope(double x, double v) { return Math.signum(x); }   // abs'(0) = 0
        @Override public double curvature(double x, double v, double s) { return 0.0; }
    };

    // ------------------------------------------------------------------ with a parameter

    /** {@code x^p} ({@code p != 0}: the scalars make {@code x^0} a passive 1). */
    static Rule pow(double p) {
        return new Rule() {
            @Override public double value(double x) { return Math.pow(x, p); }
            @Override public double slope(double x, double v) { return p * Math.pow(x, p - 1.0); }
            @Override public double curvature(double x, double v, double s) {
                return p * (p - 1.0) * Math.pow(x, p - 2.0);
            }
        };
    }

    /** {@code x^n} ({@code n != 0}). */
    static Rule pow(int n) {
        return new Rule() {
            @Override public double value(double x) { return FastMath.pow(x, n); }
            @Override public double slope(double x, double v) { return n * FastMath.pow(x, n - 1); }
            @Override public double curvature(double x, double v, double s) {
                return n == 1 ? 0.0 : (double) n * (n - 1) * FastMath.pow(x, n - 2);
            }
        };
    }

    /** The real n-th root, odd roots of negatives included. */
    static Rule rootN(int n) {
        return new Rule() {
            @Override public double value(double x) {
                if (n == 2) {
                    return Math.sqrt(x);
                }
                if (n == 3) {
                    return Math.cbrt(x);
                }
                return x < 0 ? -Math.pow(-x, 1.0 / n) : Math.pow(x, 1.0 / n);
            }
            @Override public double slope(double x, double v) {
                return x == 0.0 ? Double.POSITIVE_INFINITY : v / (n * x);
            }
            @Override public double curvature(double x, double v, double s) {
                return x == 0.0 ? Double.NEGATIVE_INFINITY : s * (1.0 - n) / (n * x);
            }
        };
    }

    /** {@code x} with the sign of the constant {@code sign}. */
    static Rule copySign(double sign) {
        return new Rule.PiecewiseLinear() {
            @Override public double value(double x) { return Math.copySign(x, sign); }
            @Override public double slope(double x, double v) { return v == x ? 1.0 : -1.0; }
        };
    }

    /** {@code x 2^n}. */
    static Rule scalb(int n) {
        double s = Math.scalb(1.0, n);
        return new Rule.PiecewiseLinear() {
            @Override public double value(double x) { return Math.scalb(x, n); }
            @Override public double slope(double x, double v) { return s; }
        };
    }
}
