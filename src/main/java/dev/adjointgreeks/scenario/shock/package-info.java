/**
 * Market scenarios ({@code greeks price --shocks}): a shocks file of
 * {@code scenario, underlying, factor, shift, type} rows, validated whole before anything is priced,
 * applied to trades, and the P&amp;L explained by the base's Greeks.
 *
 * <p>A trade's scenarios are priced in the same Monte Carlo run as its base, on the same paths: each
 * scenario adds an evaluator at its shocked inputs to the run's plan (a price-only passive evaluator,
 * or a full Greek set with {@code --scenario-greeks}). The seed never depends on the scenario, adding
 * scenarios leaves the base row unchanged to the last bit, and {@code pnl_stderr} is the standard
 * error of the per-path differences: for a European under a 1% spot shock at 100,000 paths it is
 * 0.028 times that of two independently seeded prices.
 *
 * <p>{@code pnl_explained = sum_i g_i dx_i + 1/2 sum_i gamma_ii dS_i^2 + sum_{i<j} gamma_ij dS_i dS_j
 * + vanna dS dsigma + 1/2 volga dsigma^2 + sum_{d, k} H_dk dx_d dx_k}. Near the money under +-1% spot
 * or +-1 vol point, the analytic unexplained part is at most 1% of the P&amp;L (third-order terms only).
 *
 * <p>Cross terms. The last sum is over {@link dev.adjointgreeks.engine.HessianRows}: {@code d} an input
 * that starts a second-order Greek (each spot; the vol where it is one number) and {@code k} any other
 * input that is not already in a gamma, vanna or volga: spot against rate, dividend, each curve pillar,
 * each surface quote, another asset's vol, a correlation, a Heston parameter; the vol against rate and
 * dividend. The engine prices the base with those values beside the Greeks (never written) and the
 * row shows their part as {@code pnl_explained_cross}. Where they come from: the adjoint method's
 * Hessian rows (tangent-over-adjoint where the payoff is smooth path by path, else the same central
 * differences of adjoint gradients as gamma, whose bumped gradients are whole rows, with the same
 * Richardson error bars); the analytic method's order-2 derivative structure. Not available, so
 * {@code pnl_explained_cross} is an empty cell (never a silent 0) when a scenario moves both inputs of
 * a missing term: the bump method and Heston's Fourier closed form (their {@code pnl_explained} has
 * the catalogue's terms only). Not computed by any method, so never in the explanation: second
 * derivatives in two inputs neither of which is a spot or that vol ({@code d2V/dr2}, rate against
 * dividend, pillar against pillar, a surface's quotes against each other, and a multi-asset trade's
 * vols, which start no Greek); a joint rate and dividend shock, or a curve's own convexity, is
 * explained to first order in them. A spot and rate shock of +10% and +2 points on a one-year
 * at-the-money call leaves 0.10 unexplained with the cross term, 0.28 without. An exact term is no
 * promise of a smaller residual under a large joint shock, where third-order terms dominate: the
 * demo's {@code crash} (spot -25%, vol +15 points, rate -1 point) leaves the at-the-money call -3.07
 * unexplained with its cross terms (+0.57) and -2.50 without, under the closed form as under Monte
 * Carlo (measured 2026-12-06 on {@code scenarios/demo.csv}); the column shows how much they weigh.
 *
 * <p>The shocks file is validated whole: a missing column, an unknown factor or type, a shift that is
 * not finite (or a relative shift at or below -1), a repeated (scenario, underlying, factor), or a
 * {@code *} row and a named row for the same (scenario, factor) is exit 2. A shock that takes a trade
 * outside its input range rejects that (scenario, trade) pair with the scenario and the shock's line;
 * a named underlying that matches no trade is a warning. {@code --chart} draws one panel per
 * single-factor family (scenarios of one row with the same underlying, factor and type): full
 * revaluation, the Greeks' explanation and their difference against the shift.
 *
 * <p>Curves. Optional columns {@code bucket} and {@code market}: factor {@code discount_curve} or
 * {@code dividend_curve} moves a trade's whole curve (empty bucket) or the one pillar its bucket names,
 * as written in the market file; {@code market} limits any row to the trades of that market (empty:
 * any). {@code rate} and {@code dividend} move a curve trade's whole curve: before, such a row left
 * the trade silently unshocked, because the curve model has no {@code rate} block. A bucket must be a
 * pillar word ({@code 5Y}, {@code 0.5}) and only curve factors take one (else exit 2); a bucket the
 * trade's curve lacks, or two rows of a scenario moving one pillar, rejects that (scenario, trade)
 * naming the bucket. A curve factor on a trade with a flat rate leaves it alone, as any factor its
 * model lacks. {@code --explain} prices a curve trade with its bucketed first order (each pillar is an
 * input of the tape, so the curve shock's first order is {@code sum_k dV/dz_k dz_k}); there is no
 * second order in the curve's pillars alone (only against the spot or vol, above), so small shifts are
 * explained to first order.
 */
package dev.adjointgreeks.scenario.shock;
