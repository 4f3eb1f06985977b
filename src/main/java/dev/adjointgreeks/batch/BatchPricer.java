package dev.adjointgreeks.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.adjointgreeks.engine.RunSettings;
import dev.adjointgreeks.scenario.CsvScenarioReader;
import dev.adjointgreeks.scenario.FileSettings;
import dev.adjointgreeks.scenario.JsonScenarioReader;
import dev.adjointgreeks.scenario.Markets;
import dev.adjointgreeks.scenario.OutputColumns;
import dev.adjointgreeks.scenario.ScenarioRow;

/**
 * The batch pipeline as a library class: prices every row of some scenario files (or of rows a
 * program parsed itself) on a {@link TradeExecutor}, and hands each row, in input order, to a
 * {@link BatchSink} as a result or a rejection, both values. No command line involved.
 *
 * <pre>
 * try (BatchPricer batch = BatchPricer.open(files, BatchOptions.of(Method.ADJOINT).withPaths(10_000L));
 *      TradeExecutor executor = new LocalExecutor(4)) {
 *     BatchSummary s = batch.run(executor, sink);
 * }
 * </pre>
 *
 * <p>The rule it keeps, whatever the executor: every row ends either as finite numbers or as
 * exactly one rejection naming file, line, column, reason and value ({@link BatchRule}). Whole-file
 * problems (unreadable, empty or malformed files, unknown columns or settings) are found by
 * {@link #open} before anything is priced and raise {@link BatchInputException}. A CSV file that
 * turns malformed partway rejects its remainder as one row and the next file is still priced.
 * Duplicate ids are rejected across the whole run, in ~16 bytes per trade.
 *
 * <p>A run ({@link BatchRun}) is made of parts with one job each: the {@link ReorderWindow} keeps
 * the output in input order, the {@link ChunkScheduler} groups and submits the tasks, the
 * {@link IdSet} finds duplicate ids, {@link WorkLimits} refuses rows over the work limit,
 * {@link RunTotals} sums the totals rows and {@link ShockMatching} reports shocks that match no trade.
 */
public final class BatchPricer implements AutoCloseable {

    private final List<BatchInput> inputs;
    private final BatchOptions options;
    private final List<String> valueColumns;

    private BatchPricer(List<BatchInput> inputs, BatchOptions options) {
        this.inputs = inputs;
        this.options = options;
        this.valueColumns = header(inputs, options);
    }

    /**
     * Opens and validates every file ({@code .csv} or {@code .json}): headers, JSON structure and
     * settings. Nothing is priced yet.
     */
    public static BatchPricer open(List<Path> files, BatchOptions options) throws BatchInputException {
        return open(files, null, options);
    }

    /**
     * As {@link #open(List, BatchOptions)}, with a markets file ({@link Markets#read}) whose markets
     * the CSV files' {@code market} column names; null for none. JSON files keep their own markets.
     */
    public static BatchPricer open(List<Path> files, Path marketsFile, BatchOptions options) throws BatchInputException {
        List<BatchInput> inputs = new ArrayList<>();
        try {
            Markets markets = null;
            if (marketsFile != null) {
                try {
                    markets = Markets.read(marketsFile, options.ignoreUnknownColumns());
                } catch (IOException e) {
                    throw new BatchInputException(e.getMessage(), e);
                }
            }
            for (Path f : files) {
                inputs.add(openFile(f, options.ignoreUnknownColumns(), markets));
            }
        } catch (BatchInputException | RuntimeException e) {
            closeAll(inputs);
            throw e;
        }
        return new BatchPricer(inputs, options);
    }

    /** A batch over rows a program has already read. */
    public static BatchPricer of(List<BatchInput> inputs, BatchOptions options) {
        return new BatchPricer(List.copyOf(inputs), options);
    }

    private static BatchInput openFile(Path f, boolean ignoreUnknown, Markets markets) throws BatchInputException {
        String name = f.getFileName() == null ? f.toString() : f.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".csv")) {
                CsvScenarioReader r = new CsvScenarioReader(f, ignoreUnknown, markets);
                return BatchInput.streaming(f.toString(), r, r, r.bucketColumns());
            }
            if (name.endsWith(".json")) {
                JsonScenarioReader.Contents c = JsonScenarioReader.read(f, ignoreUnknown);
                return BatchInput.of(f.toString(), c.rows(), c.settings());
            }
        } catch (IOException e) {
            throw new BatchInputException(e.getMessage(), e);
        }
        throw new BatchInputException(f + ": unknown file type (expected .csv or .json)");
    }

    /** The value columns of the output, between the key columns and {@code time_ms}. */
    public List<String> valueColumns() {
        return valueColumns;
    }

    public BatchOptions options() {
        return options;
    }

    List<BatchInput> inputs() {
        return inputs;
    }

    /** CSV input: the single-asset Greeks and its markets' buckets; rows in memory: the union over their trades. */
    private static List<String> header(List<BatchInput> inputs, BatchOptions o) {
        List<String> union = new ArrayList<>();
        boolean second = o.secondOrder();
        for (BatchInput in : inputs) {
            if (in.known() == null) {
                union.addAll(OutputColumns.singleAsset());
                union.addAll(in.buckets());
            } else {
                for (ScenarioRow r : in.known()) {
                    if (r instanceof ScenarioRow.Parsed p) {
                        union.addAll(OutputColumns.greeksOf(p.trade(), second));
                    }
                }
            }
        }
        List<String> chosen = OutputColumns.select(OutputColumns.canonical(union), o.greeks());
        List<String> cols = OutputColumns.valueColumns(chosen, o.method());
        if (o.shocks() != null) {
            cols = new ArrayList<>(cols);
            cols.addAll(cols.indexOf("price_stderr") + 1, o.shocks().pnlColumns());
        }
        return List.copyOf(cols);
    }

    /** The settings for one input: the caller's, else the input's own, else the defaults. */
    RunSettings settingsFor(FileSettings file) {
        FileSettings f = file == null ? FileSettings.NONE : file;
        long paths = first(options.paths(), f.paths(), options.defaultPaths());
        long seed = first(options.seed(), f.seed(), 1L);
        boolean anti = first(options.antithetic(), f.antithetic(), false);
        boolean sobol = first(options.sobol(), f.sobol(), false);
        return RunSettings.defaults(paths, seed).withThreads(1).withVariance(anti, sobol)
                .withSecondOrder(options.secondOrder()).withGreeks(explaining() ? null : options.greeks());
    }

    /** --explain needs every Greek of the base, whatever --greeks writes out. */
    private boolean explaining() {
        return options.shocks() != null && options.shocks().explain();
    }

    private static <T> T first(T a, T b, T c) {
        return a != null ? a : b != null ? b : c;
    }

    /**
     * Prices every row on {@code executor} and hands the outcomes to {@code sink} in input order,
     * then the totals if asked for. Stops at the first rejection under fail-fast.
     *
     * @throws ExecutorFailedException when the executor gives up on a chunk (the sink has had the rows before it)
     */
    public BatchSummary run(TradeExecutor executor, BatchSink sink) throws IOException, InterruptedException {
        return new BatchRun(this, executor, sink).run();
    }

    @Override
    public void close() {
        closeAll(inputs);
    }

    private static void closeAll(List<BatchInput> inputs) {
        for (BatchInput in : inputs) {
            if (in.closer() != null) {
                try {
                    in.closer().close();
                } catch (Exception e) {
                    // nothing was written through a reader; closing it cannot lose data
                }
            }
        }
    }
}
