/**
 * ISDA SIMM sensitivities in the Common Risk Interchange Format (CRIF).
 *
 * <h2>Sources</h2>
 * <ul>
 * <li>ISDA SIMM Methodology (version 2.x), section C, "Definitions of sensitivities": the interest
 *     rate delta to tenor t is {@code s(i, r_t) = V_i(r_t + 1bp) - V_i(r_t)}; the equity delta is
 *     {@code s(i, EQ_k) = V_i(EQ_k + 1% EQ_k) - V_i(EQ_k)}. The interest rate risk factors are the
 *     twelve tenors 2w, 1m, 3m, 6m, 1y, 2y, 3y, 5y, 10y, 15y, 20y, 30y per currency and subcurve.
 * <li>ISDA SIMM Methodology: Risk Data Standards, "Common Risk Interchange Format": the columns
 *     {@code TradeID, ProductClass, RiskType, Qualifier, Bucket, Label1, Label2, Amount,
 *     AmountCurrency, AmountUSD}; for {@code Risk_IRCurve} the Qualifier is the currency, the Bucket
 *     the currency's volatility group, Label1 the tenor in lower case and Label2 the subcurve; for
 *     {@code Risk_Equity} the Qualifier is the issuer or index, the Bucket its SIMM equity bucket
 *     ({@code Residual} when unknown), the labels empty.
 * </ul>
 *
 * <h2>What this project writes</h2>
 * <ul>
 * <li>{@code Risk_IRCurve}: from the discount curve only, {@code dV/dz_i x 1e-4} per pillar, where
 *     {@code z_i} is the pillar's input zero rate (continuously compounded) and {@code dV/dz_i} the
 *     adjoint. It differs from the definition's {@code V(z_i + 1bp) - V(z_i)} by the second-order
 *     term only: relatively about {@code w_i x 1bp / 2} for a discount factor, {@code w_i <= T} the
 *     pillar's weight in {@code z(T) T}, so below 1e-3 up to T = 20y (5e-4 at 10y). These are
 *     zero-rate sensitivities; par-rate sensitivities (SIMM's preferred form for swaps) need a curve
 *     built from instruments and are out of scope. Dividend and borrow curve sensitivities are not an
 *     interest rate risk type and are not written.
 * <li>Pillars that are not SIMM tenors are allocated linearly in time to the two neighbouring tenors
 *     ({@link dev.adjointgreeks.crif.SimmAllocation}); a pillar on a tenor maps to it alone, one before
 *     2w or after 30y to that end tenor. SIMM fixes the tenors but leaves this mapping to the firm;
 *     linear allocation is the common choice: it conserves the total and is exact on the tenors. SIMM
 *     tenor times follow this project's tenor convention (1m = 1/12 y, 2w = 14/365 y), so a pillar
 *     written {@code 3M} lies on 3m. A tenor whose amount is exactly zero gets no row.
 * <li>{@code Risk_Equity}: one row per trade and underlying, the first-order term of the definition,
 *     {@code S dV/dS x 0.01}. It leaves out {@code (0.01 S)^2 Gamma / 2 + ...}: for an at-the-money
 *     call at 20% vol the first-order term is 1.6% below the definition at one year, 2.4% at six
 *     months, but 7.3% at three weeks; where the trade has gamma, adding {@code (0.01 S)^2 Gamma / 2}
 *     brings it to the definition within the third-order term.
 * <li>ProductClass {@code Equity} for the equity options priced here; {@code AmountCurrency} the
 *     market's currency; {@code AmountUSD = Amount x usd_per_unit}.
 * </ul>
 * Depends on {@code curve} (tenor times) and commons-csv.
 */
package dev.adjointgreeks.crif;
