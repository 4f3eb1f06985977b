/**
 * Term structures: discount curves and dividend or borrow yield curves, as market data and as
 * inputs on the tape.
 *
 * <h2>Pillars</h2>
 * A pillar is a tenor {@code <n>D}, {@code <n>W}, {@code <n>M}, {@code <n>Y} (n a positive whole
 * number: {@code n/365}, {@code 7n/365}, {@code n/12}, {@code n} years; no calendar, no business-day
 * adjustment, no day count beyond these) or a year fraction written as a positive number. Its label
 * is kept exactly as written: it is the bucket of its sensitivity in every output. Anything else is
 * refused ({@link dev.adjointgreeks.curve.Pillar}).
 *
 * <h2>Rates and interpolation</h2>
 * Each pillar carries a continuously compounded zero rate {@code z_i} (a yield {@code q_i} for a
 * dividend curve): {@code DF(t) = exp(-z(t) t)}. Between pillars {@code y(t) = z(t) t} is linear in
 * t, so the discount factor is log-linear and the instantaneous forward {@code f = y'} is flat on
 * each interval. Beyond both ends the zero rate is flat ({@code z_0}, {@code z_{n-1}}), which keeps
 * a one-pillar curve identical to a flat rate.
 *
 * <p>Why this scheme: it is the simplest one whose forwards are positive wherever the discount
 * factors decrease, it is local (a value to time T reads only the two pillars around T, so a
 * bucketed sensitivity lands on those two pillars and nowhere else: the risk is where the trade's
 * cash flow is), and the integral of the forward over a time step, which a Monte Carlo model needs
 * as its drift, is exact and cheap. Its cost is forwards that jump at the pillars.
 *
 * <p>Choices a user might expect instead (Hagan and West, "Interpolation Methods for Curve
 * Construction", Applied Mathematical Finance 13(2), 2006, compare them all):
 * <ul>
 * <li>linear in the zero rate: smoother zero curve, but forwards with saw-tooth kinks that can go
 *     negative between pillars;
 * <li>natural cubic spline (in the zero rate or in {@code z t}): smooth forwards, but non-local, so a
 *     bump of one pillar moves the curve everywhere (bucketed risk leaks into distant pillars) and it
 *     can oscillate;
 * <li>monotone convex (Hagan and West's own method): continuous positive forwards and nearly local,
 *     the usual production choice for curve building; more machinery than a set of market input
 *     pillars needs here, and its forward is quadratic on each interval, so a step's drift is a cubic
 *     rather than one product.
 * </ul>
 * Flat zero rates beyond the ends (rather than flat forwards from the last interval, or linear
 * extrapolation) are the common convention for a curve given as zero rates, and never make
 * extrapolated rates run away.
 *
 * <h2>On the tape</h2>
 * {@link dev.adjointgreeks.curve.ZeroCurve} is generic over the scalar field, like the models: each
 * pillar's rate is an input, so its adjoint is the bucketed sensitivity (the curve's {@code rho}
 * buckets), their sum the parallel sensitivity. Times may be field values too (a maturity on the
 * tape); the interval is chosen by their real value, so a block scalar's times must be uniform
 * across lanes. A model takes the drift of step k from {@link dev.adjointgreeks.curve.ZeroCurve#stepIntegral}
 * ({@code stepIntegral(t_{k-1}, dt)}, exact over the step, today's {@code r dt} for a one-pillar
 * curve), and its discount factors and numeraire from
 * {@link dev.adjointgreeks.curve.ZeroCurve#discountFactor}.
 *
 * <h2>Errors</h2>
 * {@link dev.adjointgreeks.curve.CurveQuotes} checks a curve from a market file and reports faults as
 * typed {@link dev.adjointgreeks.curve.CurveError}s: structure (unsorted or duplicate pillars, two
 * words for one time such as {@code 12M} and {@code 1Y}, lengths that differ, an unknown tenor word)
 * is file-level; a value out of range ({@code [-1, 1]}, as today's flat {@code rate} and
 * {@code dividend}) rejects the trades of the market. This package depends on {@code ad} and
 * commons-math3 only.
 */
package dev.adjointgreeks.curve;
