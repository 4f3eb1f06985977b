/**
 * The long sensitivity layout: one row per (trade, sensitivity), for books whose trades carry
 * hundreds of bucketed sensitivities that would not fit the wide layout's one-row-per-trade.
 *
 * <p>Columns, exactly: {@code id, market, factor, bucket, value, stderr}.
 * <ul>
 * <li>{@code factor}: {@code price}, a Greek of the catalogue ({@code delta}, {@code vega},
 *     {@code gamma}, ...), {@code discount_curve} or {@code dividend_curve};
 * <li>{@code bucket}: the curve pillar exactly as written in the market file ({@code 5Y},
 *     {@code 0.25}), empty for a factor that has none;
 * <li>{@code value}: the raw partial derivative in the units of the input, as in the wide layout
 *     (per 1.0 of a zero rate, not per basis point); {@code stderr}: its Monte Carlo standard error,
 *     empty where the method has none ({@code analytic}).
 * </ul>
 * Example: {@code eq1,spx,price,,12.3,0.05}, {@code eq1,spx,discount_curve,5Y,-123.4,0.5},
 * {@code eq1,spx,delta,,0.61,0.002}.
 *
 * <p>{@link dev.adjointgreeks.sensitivity.SensitivityTotals} adds rows with id {@code TOTAL}: per
 * (market, factor, bucket) the quantity-weighted sum over trades, standard errors in quadrature
 * (trades have independent random streams), as the wide layout's totals do. A book's curve risk is
 * then one small table.
 *
 * <p>{@code greeks price --layout long} writes, per trade, exactly the numbers of its wide row, in
 * the wide row's order ({@code price}, the catalogue's Greeks, then buckets), each named by
 * {@link dev.adjointgreeks.sensitivity.WideColumns}: a per-asset Greek's family is the factor and
 * its asset indices the bucket ({@code delta_2}: {@code delta, 2}; {@code gamma_1_2}: {@code gamma,
 * 1/2}), so one factor sums over a book per market; a vol-surface node's bucket is
 * {@code <expiry>/<strike>}. Second-order Greeks have their own factors ({@code gamma},
 * {@code vanna}, {@code volga}), never a first-order (factor, bucket). A wide cell left empty
 * (undefined) has no row. {@code analytic} has no standard error: its wide {@code 0} is an empty
 * cell here. {@code market} is the trade's JSON {@code market} key, empty for a trade that names none.
 *
 * <p>Numbers are written as the wide layout writes them ({@link java.lang.Double#toString}, RFC 4180
 * quoting); the writers own no file, so the command line keeps its atomic-file and batch rules.
 */
package dev.adjointgreeks.sensitivity;
