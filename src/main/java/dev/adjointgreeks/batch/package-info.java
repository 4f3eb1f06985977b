/**
 * The batch API behind {@code greeks price}: files in, one outcome per row, rows out in input order.
 *
 * <p>{@link dev.adjointgreeks.batch.BatchPricer} reads and validates every file on the driver (every file
 * is checked before the first trade is priced), sends valid trades to a
 * {@link dev.adjointgreeks.batch.TradeExecutor} as serializable {@link dev.adjointgreeks.batch.TradeTask}s
 * (the fields the trade was built from, rebuilt into the same trade where it is priced) in numbered
 * {@link dev.adjointgreeks.batch.Chunk}s, and hands each row to a {@link dev.adjointgreeks.batch.BatchSink}
 * as a result or a rejection, in input order. Executors other than the local thread pool are found at
 * run time with {@code ServiceLoader} by name. The batch rule (every row ends as finite numbers or as
 * exactly one rejection, one bad row never stops the batch, nothing half-written is left) is applied
 * on the driver, so every executor keeps it. Each trade's seed derives from (run seed, trade id), so
 * its numbers do not depend on row order, thread count or executor.
 *
 * <p>A book without the command line (what {@code greeks price} runs):
 *
 * <pre>{@code
 * try (BatchPricer batch = BatchPricer.open(List.of(Path.of("scenarios/demo.csv")),
 *              BatchOptions.of(Method.ADJOINT).withPaths(10_000L));       // every file validated here
 *      TradeExecutor executor = TradeExecutors.create("local", ExecutorOptions.local(4))) {
 *     BatchSummary s = batch.run(executor, new BatchSink() {               // rows in input order
 *         public void priced(TradeResult r) { }                            // finite numbers
 *         public void rejected(ScenarioRow.Rejected r) { }                 // r.source().line(), r.column(), r.reason(), r.value()
 *     });
 * }
 * }</pre>
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
