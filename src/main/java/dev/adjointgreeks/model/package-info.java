/**
 * Path models: Black-Scholes ({@code bs}), correlated multi-asset geometric Brownian motion,
 * Heston and Bachelier, written once for any field so that the same code runs on doubles, the
 * passive scalar, dual numbers, derivative structures, the per-path tape and the block scalar.
 *
 * <p>A model declares its inputs as named blocks ({@link dev.adjointgreeks.model.InputLayout} of
 * {@link dev.adjointgreeks.model.InputBlock}s: scalar, vector or pairs); the element names are the
 * scenario columns and decide the Greek columns. Code reads inputs by block, never by position. Its
 * generator records everything that does not depend on the path (the setup section: drifts, the
 * Cholesky factor) and then evolves the state from each path's normals.
 *
 * <p>A model lists the {@link dev.adjointgreeks.model.Capability capabilities} its paths offer
 * (log-spots, lognormal steps, exact steps, a normal last step, a Black-Scholes market); a product
 * states what it needs and never asks which model it runs under.
 *
 * <ul>
 * <li>Black-Scholes steps exactly in log-spot; the multi-asset model records the Cholesky factor on the
 * tape, so correlation sensitivities come from the same sweep. When no correlation sensitivity is
 * selected, the correlated normal {@code vol_i sqrt(dt) (sum_j L_ij z_j)} is computed off the tape,
 * one entry per asset and step.</li>
 * <li>Black-Scholes under curves ({@link dev.adjointgreeks.model.BlackScholesCurveModel}): when a row has a
 * {@code discount_curve} or a {@code dividend_curve}, each pillar is an input (a
 * {@link dev.adjointgreeks.model.InputBlock.Shape#LABELLED} block named after the pillars as written,
 * roles {@code DISCOUNT_CURVE}, {@code DIVIDEND_CURVE}; a flat rate or dividend beside a curve is a
 * one-pillar curve, {@link dev.adjointgreeks.model.CurveInput}). Step k's drift is
 * {@code r.stepIntegral(t, dt) - q.stepIntegral(t, dt) - vol^2 dt / 2}, exact over the step; the
 * numeraire is {@code DF(t_k)} of the discount curve. Its adjoints are the bucketed sensitivities
 * and {@code rho}, {@code dividend_rho} their sums, from the same sweep. A row without curves is
 * priced by {@code BlackScholesModel}, today's code, bit for bit.</li>
 * <li>Heston, Bachelier (one asset or several) and the multi-asset Black-Scholes model read the same curves
 * through {@link dev.adjointgreeks.model.CurveSteps}, shared by every curve model: each step's carry
 * {@code int (r - q)} is exact over the step (Heston's Euler drift, the lognormal drifts), Bachelier's
 * forward {@code S exp(int_0^t (r - q))} exact at each date, the numeraire {@code DF(t_k)}; one step
 * to maturity reads the integrals to maturity. The existing classes take a
 * {@link dev.adjointgreeks.model.CurveInput} (a flat input or a curve) rather than a second copy of
 * each model; rows without a curve keep today's expressions node for node. The multi-asset model
 * takes one dividend curve per asset ({@code dividend_curves}, blocks {@code dividend_curve_<i>}),
 * and so does the multi-asset Bachelier model (each forward {@code S_i exp(int_0^t (r - q_i))}).</li>
 * <li>A volatility surface ({@link dev.adjointgreeks.model.SurfaceInput}): when a row has a
 * {@code vol_surface}, each quote is an input (a LABELLED block {@code vol_surface}, role
 * {@code VOL_SURFACE}, labels {@code <expiry>/<strike>} as written, element names with {@code _} for
 * {@code /}); the model builds the field {@code VolSurface} from them once per trade, at its own
 * forwards, and runs the arbitrage checks at creation, so a surface with an arbitrage rejects the
 * trade naming the quote. {@code vega} is the quotes' parallel sum. A model that does not list the
 * surface's inputs refuses the row (it is never priced as if the surface were not there).
 * Black-Scholes on a surface ({@link dev.adjointgreeks.model.BlackScholesSurfaceModel}) prices
 * Europeans only, at the surface's vol at the trade's strike and maturity (the product's strike
 * reaches the model through {@code PathModel.generator(params, strike, maturity, steps)}); any other
 * product would ignore the skew and is refused, naming {@code localvol}.</li>
 * <li>Local volatility ({@code localvol}, {@link dev.adjointgreeks.model.LocalVolModel}): Dupire's local vol
 * from the surface, on a grid in time (each step's start) x log-spot (101 points over the quoted
 * strikes, local vol flat beyond them), built once per evaluator on the field with every quote, the
 * spot and the curves as inputs; log-Euler steps read it through one grid-lookup node per step
 * ({@link dev.adjointgreeks.ad.GridTable}). The grid's adjoint, summed over the lane blocks of a Monte
 * Carlo block, goes back through Dupire, the splines and the forwards in one vector-Jacobian product
 * of the grid's own tape when the setup is swept: once per Monte Carlo block in the engine (the
 * quotes' standard errors come from block means, so each block needs its own sums; up to 64 per
 * trade), once per trade where only the sum is wanted (the bench). Offers log-spots, the normal last
 * step (the digital's estimator), a variance per step and path (the barrier's bridge) and steps
 * between dates (the Asian); no closed form. Times are doubles: theta misses the grid's own time
 * dependence, and with moneyness strikes the axis is placed at today's spot (delta sees the quotes'
 * strikes move, not the axis).</li>
 * <li>Heston is stepped by full-truncation Euler ({@code steps}, default 100, is the total number of
 * steps); a path whose variance reaches 0 truncates to a passive zero, so its sensitivities stay
 * finite.</li>
 * <li>Bachelier: {@code S_t = S e^{(r-q)t} + vol W_t} with the normal volatility in price units, stepped
 * exactly; spots and forwards may be negative, nothing takes a logarithm.</li>
 * </ul>
 *
 * <p>A generator's {@code simulate(z)} evolves the model's named state variables from the path's
 * normals; {@code spot(asset, k)} gives spots in price units and {@code discountFactor(k)} the numeraire
 * ratio {@code N(0)/N(t_k)} of the current path (a path-dependent numeraire, as in the LIBOR model,
 * computes it in {@code simulate}).
 */
package dev.adjointgreeks.model;
