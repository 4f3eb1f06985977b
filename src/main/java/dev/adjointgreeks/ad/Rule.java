package dev.adjointgreeks.ad;

/**
 * One unary operation, written once on doubles: its value, its first derivative and its second.
 * Every scalar reads the same rule: {@link Adj} records {@link #slope} as its node's partial,
 * {@link Dual} multiplies its tangent by it, {@link Block} maps the rule lane by lane and, when its
 * tape records second order, keeps {@link #curvature} beside the partial, and {@link BlockProgram}
 * replays it. The rules themselves are {@link Unary} and {@link Special}; {@code RulesConsistencyTest}
 * holds every scalar, and every lane loop written out for the JIT, to them.
 */
interface Rule {

    double value(double x);

    /** {@code f'(x)}, given {@code v = f(x)} (many slopes are cheapest from the value). */
    double slope(double x, double v);

    /** {@code f''(x)}, given {@code v = f(x)} and {@code s = f'(x)}: the curvature term. */
    double curvature(double x, double v, double s);

    /** A rule whose second derivative is 0 wherever it is differentiable (abs, copySign, scalb). */
    interface PiecewiseLinear extends Rule {
        @Override
        default double curvature(double x, double v, double s) {
            return 0.0;
        }
    }
}
