package dev.adjointgreeks.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.RunSettings;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.mc.RandomStreams;
import dev.adjointgreeks.scenario.CsvScenarioReader;
import dev.adjointgreeks.scenario.FileSettings;
import dev.adjointgreeks.scenario.JsonScenarioReader;
import dev.adjointgreeks.scenario.Limits;
import dev.adjointgreeks.scenario.OutputColumns;
import dev.adjointgreeks.scenario.PortfolioTotals;
import dev.adjointgreeks.scenario.ScenarioRow;
import dev.adjointgreeks.scenario.shock.Shock;
import dev.adjointgreeks.scenario.shock.ShockSet;

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
        List<BatchInput> inputs = new ArrayList<>();
        try {
            for (Path f : files) {
                inputs.add(openFile(f, options.ignoreUnknownColumns()));
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

    private static BatchInput openFile(Path f, boolean ignoreUnknown) throws BatchInputException {
        String name = f.getFileName() == null ? f.toString() : f.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".csv")) {
                CsvScenarioReader r = new CsvScenarioReader(f, ignoreUnknown);
                return BatchInput.streaming(f.toString(), r, r);
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

    /** CSV input: the single-asset Greeks; rows in memory: the union over their trades. */
    private static List<String> header(List<BatchInput> inputs, BatchOptions o) {
        List<String> union = new ArrayList<>();
        boolean second = o.secondOrder();
        for (BatchInput in : inputs) {
            if (in.known() == null) {
                union.addAll(OutputColumns.SINGLE_ASSET);
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
        return new Run(executor, sink).run();
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

    /** A chunk on its way: submitted or still filling. */
    private static final class InFlight {
        final List<TradeTask> tasks = new ArrayList<>();
        final long number;
        Future<List<TaskOutcome>> future;
        List<TaskOutcome> outcomes;

        InFlight(long number) {
            this.number = number;
        }
    }

    /** A row in the output window: a rejection, or a place in a chunk. */
    private record Slot(ScenarioRow.Source source, String id, ScenarioRow.Rejected rejected, InFlight chunk, int pos) {
    }

    /** One run's state. */
    private final class Run {
        private final TradeExecutor executor;
        private final BatchSink sink;
        private final ArrayDeque<Slot> window = new ArrayDeque<>();
        private final IdSet ids = new IdSet();
        private final PortfolioTotals totals;
        /** Scenario runs: totals per scenario (base first), and the underlyings the shocks file names that were seen. */
        private final Map<String, PortfolioTotals> scenarioTotals = new LinkedHashMap<>();
        private final Set<String> named = new HashSet<>();
        private final Set<String> matched = new HashSet<>();
        private final int chunkSize;
        private final int maxChunks;
        private final int maxWindow;
        private final long started = System.nanoTime();
        private InFlight filling;
        private long chunks;
        private int submitted;
        private long index;
        private long priced;
        private long rejected;
        private long paths;

        Run(TradeExecutor executor, BatchSink sink) {
            this.executor = executor;
            this.sink = sink;
            this.totals = options.totals() && options.shocks() == null ? new PortfolioTotals(valueColumns) : null;
            if (options.shocks() != null) {
                ShockSet set = options.shocks().shocks();
                if (options.totals()) {
                    scenarioTotals.put(TradeResult.BASE, new PortfolioTotals(valueColumns));
                    for (String name : set.names()) {
                        scenarioTotals.put(name, new PortfolioTotals(valueColumns));
                    }
                }
                named.addAll(set.underlyings());
            }
            this.chunkSize = Math.max(1, executor.chunkSize());
            this.maxChunks = Math.max(1, executor.chunksInFlight());
            this.maxWindow = chunkSize * (maxChunks + 1) + 64;
        }

        BatchSummary run() throws IOException, InterruptedException {
            for (BatchInput in : inputs) {
                RunSettings settings = settingsFor(in.settings());
                Iterator<ScenarioRow> rows = in.rows();
                while (true) {
                    ScenarioRow row;
                    try {
                        if (!rows.hasNext()) {
                            break;
                        }
                        row = rows.next();
                    } catch (UncheckedIOException e) {
                        // the reader could not go on (an I/O error partway): the rest of this file is one rejection
                        row = new ScenarioRow.Rejected(new ScenarioRow.Source(in.name(), 0), null, "row",
                                "the rest of the file could not be read: " + e.getCause().getMessage(), null);
                        add(row, settings);
                        break;
                    }
                    if (!add(row, settings)) {
                        return summary(true);
                    }
                }
            }
            submitFilling();
            while (!window.isEmpty()) {
                if (!emitHead()) {
                    return summary(true);
                }
            }
            if (totals != null) {
                for (TradeResult t : totals.rows(options.method())) {
                    sink.total(t);
                }
            }
            for (Map.Entry<String, PortfolioTotals> e : scenarioTotals.entrySet()) {
                for (TradeResult t : e.getValue().rows(options.method())) {
                    sink.total(scenarioTotal(t, e.getKey()));
                }
            }
            if (options.shocks() != null) {
                for (Shock sh : options.shocks().shocks().unmatched(matched)) {
                    sink.warning(sh.where() + ": underlying: matches no trade of the run (value '" + sh.underlying()
                            + "')");
                }
            }
            return summary(false);
        }

        /** Queues one row; false when fail-fast must stop. */
        private boolean add(ScenarioRow row, RunSettings settings) throws IOException, InterruptedException {
            long i = index++;
            if (row instanceof ScenarioRow.Rejected r) {
                window.add(new Slot(r.source(), r.id(), r, null, -1));
            } else {
                ScenarioRow.Parsed p = (ScenarioRow.Parsed) row;
                String id = p.trade().id();
                ScenarioRow.Rejected tooLarge = tooMuchWork(p, settings);
                if (!ids.add(id)) {
                    window.add(new Slot(p.source(), id, new ScenarioRow.Rejected(p.source(), id, "id",
                            "duplicate id in this run", id), null, -1));
                } else if (tooLarge != null) {
                    window.add(new Slot(p.source(), id, tooLarge, null, -1));
                } else {
                    if (filling == null) {
                        filling = new InFlight(chunks++);
                    }
                    filling.tasks.add(new TradeTask(i, p.source(), id, p.fields(), settings, options.shocks()));
                    String u = p.trade().underlying();
                    if (u != null && named.contains(u)) {
                        matched.add(u);
                    }
                    window.add(new Slot(p.source(), id, null, filling, filling.tasks.size() - 1));
                    if (filling.tasks.size() >= chunkSize) {
                        submitFilling();
                    }
                }
            }
            while (!window.isEmpty() && (submitted >= maxChunks || window.size() > maxWindow || ready(window.peek()))) {
                if (!emitHead()) {
                    return false;
                }
            }
            return true;
        }

        /** A Monte Carlo trade whose paths times normals per path pass {@link Limits#MAX_NORMALS}, or null. */
        private ScenarioRow.Rejected tooMuchWork(ScenarioRow.Parsed p, RunSettings settings) {
            if (options.method() == Method.ANALYTIC) {
                return null;
            }
            long paths = p.trade().pathsFor(settings.paths());
            long perPath = p.trade().problem().dimension();
            if (perPath > 0 && paths > Limits.MAX_NORMALS / perPath) {
                return new ScenarioRow.Rejected(p.source(), p.trade().id(), "paths", paths + " paths of " + perPath
                        + " normals each pass the limit of " + Limits.MAX_NORMALS + " normals per trade (lower paths or steps)",
                        Long.toString(paths));
            }
            return null;
        }

        private boolean ready(Slot s) {
            return s.rejected() != null || s.chunk().outcomes != null
                    || (s.chunk().future != null && s.chunk().future.isDone());
        }

        private void submitFilling() {
            if (filling != null && !filling.tasks.isEmpty()) {
                filling.future = executor.submit(new Chunk(filling.number, options.method(), filling.tasks));
                submitted++;
            }
            filling = null;
        }

        /** Writes the head of the window, waiting for it if needed; false when fail-fast must stop. */
        private boolean emitHead() throws IOException, InterruptedException {
            Slot s = window.poll();
            ScenarioRow.Rejected rejection = s.rejected();
            if (rejection == null) {
                InFlight c = s.chunk();
                if (c == filling) {
                    submitFilling();
                }
                if (c.outcomes == null) {
                    c.outcomes = collect(c);
                    submitted--;
                }
                TaskOutcome o = s.pos() < c.outcomes.size() ? c.outcomes.get(s.pos()) : null;
                long expected = c.tasks.get(s.pos()).index();
                if (o == null || o.index() != expected) {
                    rejection = new ScenarioRow.Rejected(s.source(), s.id(), "row",
                            "the executor returned no result for this trade", null);
                } else if (o instanceof TaskOutcome.Failed f) {
                    rejection = f.rejection();
                } else {
                    TaskOutcome.Priced p = (TaskOutcome.Priced) o;
                    TradeResult r = p.result();
                    rejection = BatchRule.violation(r, s.source());
                    if (rejection == null) {
                        r = BatchRule.emptyUndefined(r);
                        sink.priced(r);
                        priced++;
                        paths += r.paths();
                        if (totals != null) {
                            totals.add(r);
                        }
                        addScenarioTotal(r);
                    }
                    if (!p.scenarios().isEmpty()) {
                        if (rejection != null && !reject(rejection)) {
                            return false;
                        }
                        rejection = null;
                        if (!emitScenarios(p, s)) {
                            return false;
                        }
                    }
                }
                if (s.pos() == c.tasks.size() - 1) {
                    c.tasks.clear();   // the chunk is written: let it go
                    c.outcomes = List.of();
                }
            }
            if (rejection != null && !reject(rejection)) {
                return false;
            }
            sink.progress(summary(false));
            return true;
        }

        /** Reports a rejection; false when fail-fast must stop. */
        private boolean reject(ScenarioRow.Rejected rejection) throws IOException {
            rejected++;
            sink.rejected(rejection);
            return !options.failFast();
        }

        /** A trade's scenario rows after its base row, each checked by the batch rule on its own. */
        private boolean emitScenarios(TaskOutcome.Priced p, Slot s) throws IOException {
            for (TaskOutcome o : p.scenarios()) {
                if (o instanceof TaskOutcome.Failed f) {
                    if (!reject(f.rejection())) {
                        return false;
                    }
                    continue;
                }
                TradeResult r = ((TaskOutcome.Priced) o).result();
                ScenarioRow.Rejected bad = BatchRule.violation(r, s.source());
                if (bad != null) {
                    if (!reject(new ScenarioRow.Rejected(bad.source(), bad.id(), bad.column(),
                            "scenario '" + r.scenario() + "': " + bad.reason(), bad.value()))) {
                        return false;
                    }
                    continue;
                }
                r = BatchRule.emptyUndefined(r);
                sink.priced(r);
                addScenarioTotal(r);
            }
            return true;
        }

        private void addScenarioTotal(TradeResult r) {
            PortfolioTotals t = r.scenario() == null ? null : scenarioTotals.get(r.scenario());
            if (t != null) {
                t.add(r);
            }
        }

        /**
         * A total row of one scenario. A scenario row has no Greeks without --scenario-greeks, so
         * neither has its total: those cells stay empty rather than sum to 0.
         */
        private TradeResult scenarioTotal(TradeResult t, String scenario) {
            TradeResult r = t.inScenario(scenario);
            if (scenario.equals(TradeResult.BASE) || options.shocks().scenarioGreeks()) {
                return r;
            }
            Map<String, Double> v = new LinkedHashMap<>();
            for (String c : options.shocks().pnlColumns()) {
                v.put(c, r.get(c));
            }
            v.put("price", r.get("price"));
            v.put("price_stderr", r.get("price_stderr"));
            return r.withValues(v);
        }

        /** The chunk's outcomes; a chunk whose executor gave up on it stops the run, naming its trades. */
        private List<TaskOutcome> collect(InFlight c) throws InterruptedException {
            try {
                return c.future.get();
            } catch (ExecutionException e) {
                throw ExecutorFailedException.of(c.number, c.tasks, e.getCause() == null ? e : e.getCause());
            }
        }

        private BatchSummary summary(boolean stopped) {
            return new BatchSummary(priced, rejected, paths, stopped, (System.nanoTime() - started) / 1e9);
        }
    }

    /** Ids seen in this run, as 64-bit hashes in an open-addressing table: memory ~16 bytes per trade. */
    static final class IdSet {
        private long[] table = new long[1024];
        private int size;

        boolean add(String id) {
            long h = RandomStreams.tradeSeed(0x5EED, id) | 1L;   // never 0, which marks an empty slot
            if (2 * (size + 1) > table.length) {
                long[] old = table;
                table = new long[2 * old.length];
                size = 0;
                for (long x : old) {
                    if (x != 0) {
                        insert(x);
                    }
                }
            }
            return insert(h);
        }

        private boolean insert(long h) {
            int mask = table.length - 1;
            int i = (int) (h ^ (h >>> 32)) & mask;
            while (table[i] != 0) {
                if (table[i] == h) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            table[i] = h;
            size++;
            return true;
        }
    }
}
