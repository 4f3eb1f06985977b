/**
 * The batch pipeline as a library: {@link dev.adjointgreeks.batch.BatchPricer} prices every row of
 * scenario files on a {@link dev.adjointgreeks.batch.TradeExecutor} (local threads, or one found on
 * the class path such as Spark) and hands each row, in input order, to a
 * {@link dev.adjointgreeks.batch.BatchSink} as a result or a rejection.
 *
 * <p>One class per job, so each can be read and tested alone: a run ({@code BatchRun}) reads and
 * checks rows, rejects duplicate ids ({@code IdSet}, ~16 bytes per trade) and rows over the work
 * limit ({@code WorkLimits}), groups the rest in chunks for the executor ({@code ChunkScheduler}),
 * and writes rows in input order through a bounded window ({@code ReorderWindow}), so memory does
 * not grow with the input; totals ({@code RunTotals}) and shocks that match no trade
 * ({@code ShockMatching}) come last. {@link dev.adjointgreeks.batch.BatchRule} is the rule every
 * row keeps: finite numbers or exactly one rejection naming file, line, column, reason and value.
 *
 * <p>Depends on engine and scenario, never on the command line.
 */
package dev.adjointgreeks.batch;
