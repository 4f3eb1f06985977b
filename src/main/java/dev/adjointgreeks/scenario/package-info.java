/**
 * Scenario files in and results out: CSV and JSON readers that yield each row as a trade or as a
 * rejection ({@link dev.adjointgreeks.scenario.ScenarioRow}: file, line, column, reason, value), the
 * trade factory, size limits ({@link dev.adjointgreeks.scenario.Limits}), output columns and writers,
 * and totals. Columns, JSON keys, plausible input ranges and shock factors are not listed here: they
 * derive from the registered model and product descriptors ({@link dev.adjointgreeks.scenario.Descriptors}),
 * so this package knows no concrete model.
 *
 * <p>CSV rows are streamed, so memory does not grow with the file. A JSON trade takes its market's
 * fields and may override any of them; settings are typed strictly, and an unknown key or setting is
 * an error. Markets have one reader and one merge rule ({@link dev.adjointgreeks.scenario.Markets}):
 * a JSON file's {@code markets} section, or a markets file whose markets a CSV book's {@code market}
 * column names ({@code --market}). A CSV row on a market is merged into a JSON object and read as a
 * JSON trade is, so the two formats give the same trade bit for bit; the {@code market} column is
 * accepted only with a markets file, since without one the row would silently lose its curves. The ranges are wide: they exclude only what no market quotes and what doubles cannot
 * carry, so that no row produces a number nobody should trust. Every bound of {@code Limits} admits
 * every real use with room to spare and exists so that no row can exhaust memory or run for days.
 *
 * <p><b>Per-asset dividend curves.</b> A multi-asset market gives one dividend curve per asset,
 * {@code "dividend_curves": [{"tenors": [...], "yields": [...]}, ...]} in the order of {@code spots}
 * (checked like {@code dividend_curve}; a wrong count, a bad curve or a market that also gives
 * {@code dividends} is file-level, {@code file:line: dividend_curves: curve 2: ...}, exit 2;
 * {@link dev.adjointgreeks.scenario.MarketCurves}). Asset i's curve is the input block
 * {@code dividend_curve_<i>} (1-based, as {@code spot_i}): wide bucket columns
 * {@code d_dividend_curve_<i>_<pillar>} (selected by {@code --greeks d_dividend_curve}), its parallel
 * sum {@code dividend_rho_<i>} as for flat {@code dividends}; in the long layout factor
 * {@code dividend_curve}, bucket {@code <i>/<pillar>} ({@code 2/6M}), joined by {@code /} as every
 * per-asset bucket is. A list {@code simm_bucket} (one per asset) gives each underlying's CRIF
 * {@code Risk_Equity} row its own bucket ({@link dev.adjointgreeks.scenario.MarketTags}).
 *
 * <p><b>Empty cells.</b> A cell is empty (a JSON key absent) only where the value is undefined for a
 * documented reason: a Greek the trade does not have, in a header that is the union over a JSON file's
 * trades (a Heston row's {@code vega}); under {@code --method compare}, a z-score whose standard error is
 * 0 and the analytic columns of a trade without a closed form; under {@code --shocks} without
 * {@code --scenario-greeks}, the Greek columns of scenario rows; under {@code --explain},
 * {@code pnl_explained_cross} where the method lacks a cross term the scenario needs ({@code bump}).
 * Anything else that is not finite
 * rejects its row. Numbers are written in full precision ({@code Double.toString}); a UTF-8 byte-order
 * mark is accepted in every input.
 */
package dev.adjointgreeks.scenario;
