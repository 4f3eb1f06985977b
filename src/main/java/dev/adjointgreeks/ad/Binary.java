package dev.adjointgreeks.ad;

import org.apache.commons.math3.util.FastMath;

/**
 * Every binary operation of the scalars, each written once: value, both partials and the three
 * second partials. Read by {@link Adj}, {@link Dual}, {@link Block} and {@link BlockProgram}; the
 * block scalar's sums and products are written out for the JIT and held to {@link #ADD},
 * {@link #SUBTRACT}, {@link #MULTIPLY} by {@code RulesConsistencyTest}.
 *
 * <p>Edge conventions: {@code d/dy 0^y = 0}, {@code d/dx x^0 = 0}; {@code hypot} at the origin
 * has zero partials; the sign of {@code copySign} carries no derivative.
 */
enum Binary implements Rule2 {

    ADD {
        @Override public double value(double x, double y) { return x + y; }
        @Override public double dx(double x, double y, double v) { return 1.0; }
        @Override public double dy(double x, double y, double v) { return 1.0; }
        @Override public double dxy(double x, double y, double v) { return 0.0; }
    },
    SUBTRACT {
        @Override public double value(double x, double y) { return x - y; }
        @Override public double dx(double x, double y, double v) { return 1.0; }
        @Override public double dy(double x, double y, double v) { return -1.0; }
        @Override public double dxy(double x, double y, double v) { return 0.0; }
    },
    MULTIPLY {
        @Override public double value(double x, double y) { return x * y; }
        @Override public double dx(double x, double y, double v) { return y; }
        @Override public double dy(double x, double y, double v) { return x; }
        @Override public double dxy(double x, double y, double v) { return 1.0; }
    },
    DIVIDE {
        @Override public double value(double x, double y) { return x / y; }
        @Override public double dx(double x, double y, double v) { return 1.0 / y; }
        @Override public double dy(double x, double y, double v) { return -v * (1.0 / y); }
        // as 1/y squared, not 1/(y y): finite where y y underflows (0 at x = 0, not 0/0)
        @Override public double dxy(double x, double y, double v) { return -(1.0 / y) * (1.0 / y); }
        @Override public double dyy(double x, double y, double v) { return 2.0 * v * (1.0 / y) * (1.0 / y); }
    },
    REMAINDER {
        @Override public double value(double x, double y) { return FastMath.IEEEremainder(x, y); }
        @Override public double dx(double x, double y, double v) { return 1.0; }
        @Override public double dy(double x, double y, double v) { return -FastMath.rint((x - v) / y); }
        @Override public double dxy(double x, double y, double v) { return 0.0; }
    },
    HYPOT {
        @Override public double value(double x, double y) { return Math.hypot(x, y); }
        @Override public double dx(double x, double y, double v) { return v == 0.0 ? 0.0 : x / v; }
        @Override public double dy(double x, double y, double v) { return v == 0.0 ? 0.0 : y / v; }
        @Override public double dxx(double x, double y, double v) { return v == 0.0 ? 0.0 : y * y / (v * v * v); }
        @Override public double dxy(double x, double y, double v) { return v == 0.0 ? 0.0 : -x * y / (v * v * v); }
        @Override public double dyy(double x, double y, double v) { return v == 0.0 ? 0.0 : x * x / (v * v * v); }
    },
    POW {
        @Override public double value(double x, double y) { return Math.pow(x, y); }
        @Override public double dx(double x, double y, double v) { return y == 0.0 ? 0.0 : y * Math.pow(x, y - 1.0); }
        @Override public double dy(double x, double y, double v) {
            return x == 0.0 ? 0.0 : v * Math.log(x);   // d/dy 0^y = 0
        }
        @Override public double dxx(double x, double y, double v) {
            return y == 0.0 ? 0.0 : y * (y - 1.0) * Math.pow(x, y - 2.0);
        }
        @Override public double dxy(double x, double y, double v) {
            return x == 0.0 ? 0.0 : Math.pow(x, y - 1.0) * (1.0 + y * Math.log(x));
        }
        @Override public double dyy(double x, double y, double v) {
            return x == 0.0 ? 0.0 : v * Math.log(x) * Math.log(x);
        }
    },
    /** {@code atan2(x, y)}: x is the ordinate, as in {@code y.atan2(x)} with this as y. */
    ATAN2 {
        @Override public double value(double x, double y) { return Math.atan2(x, y); }
        @Override public double dx(double x, double y, double v) { return y / (x * x + y * y); }
        @Override public double dy(double x, double y, double v) { return -x / (x * x + y * y); }
        @Override public double dxx(double x, double y, double v) {
            return -2.0 * x * y / ((x * x + y * y) * (x * x + y * y));
        }
        @Override public double dxy(double x, double y, double v) {
            return (x * x - y * y) / ((x * x + y * y) * (x * x + y * y));
        }
        @Override public double dyy(double x, double y, double v) {
            return 2.0 * x * y / ((x * x + y * y) * (x * x + y * y));
        }
    },
    COPY_SIGN {
        @Override public double value(double x, double y) { return Math.copySign(x, y); }
        @Override public double dx(double x, double y, double v) { return v == x ? 1.0 : -1.0; }
        @Override public double dy(double x, double y, double v) { return 0.0; }
        @Override public double dxy(double x, double y, double v) { return 0.0; }
    };

    /** Zero unless a constant overrides it: the operations here are linear in each operand alone. */
    @Override
    public double dxx(double x, double y, double v) {
        return 0.0;
    }

    @Override
    public double dyy(double x, double y, double v) {
        return 0.0;
    }
}
