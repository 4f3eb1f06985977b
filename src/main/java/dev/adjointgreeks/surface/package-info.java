/**
 * Implied-volatility surfaces as market data, their arbitrage checks, and Dupire's local volatility
 * on a grid: the foundations of the {@code localvol} model (issue 20). Everything runs on any
 * {@link org.apache.commons.math3.RealFieldElement}, so with the quotes (and the spot, and later the
 * curves) registered as tape inputs one reverse sweep gives the sensitivity to every quote. The
 * package depends on {@code ad}, the curves' tenor rule ({@code curve.Pillar}) and commons-math3.
 *
 * <h2>Conventions</h2>
 * <ul>
 * <li>Rows are expiries, columns strikes: {@code vols[i][j]} is the Black-Scholes implied vol at
 * expiry {@code T_i} (years) and strike {@code K_j}. Labels stay as written; a quote is named
 * {@code <expiry>/<strike>} ({@code 1Y/90}, {@code 18M/0.9}). Expiries are tenors {@code <n>D/W/M/Y}
 * ({@code n/365}, {@code 7n/365}, {@code n/12}, {@code n}) or year fractions, read by the curves'
 * {@link dev.adjointgreeks.curve.Pillar} ({@link dev.adjointgreeks.surface.SurfaceAxes}). Strikes
 * are absolute (sticky strike) or moneyness {@code K/S} (sticky moneyness:
 * the node strikes move with the spot, so spot delta flows through the surface too).
 * <li>{@code w(k, T) = sigma^2 T} is the total implied variance, {@code k = ln(K / F(T))} the forward
 * log-moneyness; {@code F(T)} is a field-valued function the caller supplies (a model builds it from
 * the trade's spot and its flat or curve rate and dividend, {@code model.SurfaceInput}).
 * <li>The surface's own times are doubles; only the quotes, spot and forwards are field values. A
 * query may take its time on the field ({@code totalVariance(k, T)} with {@code T} a field value: a
 * trade's maturity, so that theta reads through the interpolation).
 * </ul>
 *
 * <h2>Interpolation, and why</h2>
 * <ul>
 * <li><b>In strike: a cubic spline in k through each expiry's total variances</b>
 * ({@link dev.adjointgreeks.surface.SmileSpline}). Dupire's formula needs {@code d2w/dk2}, so the
 * interpolant must be C2: a cubic spline is the least-curvature C2 interpolant, and curvature is
 * what enters the butterfly condition. Total variance in k (not vol in strike) makes the calendar
 * condition a plain comparison at fixed k and puts Dupire in Gatheral's form.
 * <li><b>Natural end conditions, not not-a-knot.</b> The wings beyond the grid are linear in k
 * ({@code w'' = 0}), so a natural end ({@code w'' = 0} there) joins them in C2, not merely C1;
 * not-a-knot extrapolates the last cubic's curvature into the join and leaves a jump in
 * {@code w''}, i.e. in the local vol, at the edge strikes. Natural ends also minimise
 * {@code \int w''^2}, the overshoot that creates butterfly arbitrage between sparse quotes.
 * <li><b>Wings: linear total variance with the spline's own end slope</b>, which Lee's moment
 * formula bounds to (-2, 0] at the low end and [0, 2) at the high end. Where the natural end slope
 * has the wrong sign (typically the high-strike end of an equity skew, where w still falls) that
 * end is clamped to slope 0 instead (the spline re-solved with {@code w' = 0} there; flat implied
 * vol beyond): still C1, no kink, so no butterfly arbitrage at the edge strikes, and a linear wing
 * with the wrong sign would reach negative variance. A natural slope at or beyond {@code -2} or
 * {@code 2} breaks Lee's bound inside the quoted data and is rejected, not clamped.
 * <li><b>In time: linear in total variance at fixed k</b> between expiries; before the first
 * expiry {@code w = (T/T_1) w_1(k)}, after the last {@code w = (T/T_n) w_n(k)} (implied vol
 * constant in T at fixed k). Linear in w keeps calendar-arbitrage-freedom between expiries wherever
 * it holds at the expiries, and gives each quote a local, explainable footprint: the implied vol at
 * (K, T) depends on the quotes of the two expiries around T only (of one expiry when T is an
 * expiry), so quotes beyond the first expiry at or after T carry zero sensitivity.
 * {@code dw/dT} is piecewise constant in T: the local vol jumps at expiries, and at an expiry it is
 * the one to its right, the one a path stepping forward from there sees.
 * </ul>
 *
 * <h2>Arbitrage: rejected, never smoothed</h2>
 * {@link dev.adjointgreeks.surface.VolSurface#of} rejects with a
 * {@link dev.adjointgreeks.surface.SurfaceException} (column, reason naming the quote, value) in
 * this order: shape (ragged rows, missing rows, a vol that is not a positive finite number; axes
 * that are not positive and strictly increasing are rejected while parsing them), wings beyond
 * Lee's bound, calendar arbitrage ({@code calendar arbitrage between 6M and 1Y at strike 90 (vols
 * 0.25, 0.17)}: w decreasing in expiry at the forward log-moneyness of any node of either expiry),
 * butterfly arbitrage (Dupire's denominator {@code g(k) <= 0} at a node). The node checks cannot see
 * an arbitrage between nodes; {@link dev.adjointgreeks.surface.LocalVolGrid} rejects any grid point
 * where Dupire's local variance is not positive and finite.
 *
 * <h2>Dupire</h2>
 * {@code sigma_loc^2(k, T) = (dw/dT) / (1 - (k/w) w_k + (1/4)(-1/4 - 1/w + k^2/w^2) w_k^2 + (1/2) w_kk)}
 * (Gatheral 2006, eq. 1.10), with {@code dw/dT} at fixed k; the local vol at time t and spot S is
 * that at {@code k = ln S - ln F(t)}. Before the first expiry w vanishes linearly in T but
 * {@code w_k / w} does not, so the formula is evaluated with that ratio and is finite at t = 0.
 * The grid ({@link dev.adjointgreeks.surface.LocalVolGrid}) holds {@code sigma_loc} at each time
 * step's start and on a uniform log-spot axis, on the field. <b>Local vol is flat in spot beyond
 * the quoted strikes</b> (Dupire at the edge strike): the implied-vol wings are each expiry's own
 * extrapolation, and two nearby expiries' wings with different slopes cross far out (the 10 x 10
 * Heston test surface does, near spot 195 between 3M and 4M), where Dupire would find a calendar
 * arbitrage no quote implies. The paths read the grid as doubles through
 * {@link dev.adjointgreeks.surface.GridLookup} (piecewise linear in log-spot, flat beyond the axis),
 * whose adjoint scatters into one grid-shaped array per trade: on the block scalar the lookup is the
 * engine's grid-lookup operation ({@link dev.adjointgreeks.ad.GridTable}, one node per step and
 * block, replayed by {@code BlockProgram}), used by {@code model.LocalVolModel}. One reverse sweep of the setup tape,
 * {@code tape.vectorJacobianProduct(grid.fieldValues(), gridAdjoint)}, then takes it through Dupire,
 * the splines and the forwards to every quote.
 *
 * <h2>Sources</h2>
 * <ul>
 * <li>J. Gatheral, <i>The Volatility Surface: A Practitioner's Guide</i>, Wiley 2006, ch. 1-2
 * (local variance in terms of w, eq. 1.10).
 * <li>J. Gatheral and A. Jacquier, Arbitrage-free SVI volatility surfaces, Quantitative Finance 14
 * (2014) 59-71 (calendar condition {@code dw/dT >= 0}, butterfly condition {@code g(k) >= 0}).
 * <li>R. Lee, The moment formula for implied volatility at extreme strikes, Mathematical Finance 14
 * (2004) 469-480 (wing slopes of w at most 2).
 * <li>B. Dupire, Pricing with a smile, Risk 7 (1994) 18-20.
 * <li>W. H. Press et al., <i>Numerical Recipes</i>, 3rd ed., 2007, section 3.3 (cubic splines,
 * symmetric form); C. de Boor, <i>A Practical Guide to Splines</i>, 1978 (end conditions).
 * </ul>
 */
package dev.adjointgreeks.surface;
