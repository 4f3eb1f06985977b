/**
 * Scenario files in and results out: CSV and JSON readers that yield each row as a trade or as a
 * rejection ({@link dev.adjointgreeks.scenario.ScenarioRow}: file, line, column, reason, value), the
 * trade factory, size limits ({@link dev.adjointgreeks.scenario.Limits}) and plausible input ranges
 * ({@link dev.adjointgreeks.scenario.MarketRanges}), output columns and writers, and totals.
 *
 * <p>CSV rows are streamed, so memory does not grow with the file. A JSON trade takes its market's
 * fields and may override any of them; settings are typed strictly, and an unknown key or setting is
 * an error. The ranges are wide: they exclude only what no market quotes and what doubles cannot
 * carry, so that no row produces a number nobody should trust. Every bound of {@code Limits} admits
 * every real use with room to spare and exists so that no row can exhaust memory or run for days.
 */
package dev.adjointgreeks.scenario;
