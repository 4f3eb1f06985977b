/**
 * Headless PNG line charts (JFreeChart), written atomically: the P&amp;L-against-shift chart of
 * {@code --shocks --chart}, the heat map of one trade's vega per surface quote of
 * {@code --vega-map} ({@link dev.adjointgreeks.report.VegaMap}), the scaling chart of {@code bench-report} and the
 * numerical-differentiation chart of {@code demo}. The surrogate report draws its own charts.
 */
package dev.adjointgreeks.report;
