package dev.adjointgreeks.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;

import dev.adjointgreeks.engine.GreeksEngine;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.RunSettings;
import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.io.AtomicFiles;
import dev.adjointgreeks.mc.RandomStreams;
import dev.adjointgreeks.scenario.CsvScenarioReader;
import dev.adjointgreeks.scenario.JsonScenarioReader;
import dev.adjointgreeks.scenario.OutputColumns;
import dev.adjointgreeks.scenario.PortfolioTotals;
import dev.adjointgreeks.scenario.ResultWriter;
import dev.adjointgreeks.scenario.ScenarioRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code greeks price}: batch Greeks for scenario files. Rows stream in, are priced in parallel
 * across trades and come out in input order; bad rows are reported and skipped.
 */
@Command(name = "price", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Price every trade of the scenario files and write its price and Greeks with standard errors.",
            "Greeks are raw partial derivatives per 1.0 of each input (vega per 1.00 of vol, rho per 1.00 of rate); "
                    + "theta is -dV/dT per year."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every row priced", "1:internal error", "2:usage error, unknown column, or an empty, "
                + "unreadable or malformed file", "3:the run finished but rows were rejected (or --fail-fast stopped it)"})
public final class PriceCommand implements Callable<Integer> {

    /** Default paths per trade: scenarios/demo.csv prices in well under 30 seconds on 2 cores. */
    public static final long DEFAULT_PATHS = 20_000;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario files, .csv (single-asset trades) or .json.")
    List<Path> files;

    @Option(names = "--out", paramLabel = "F", description = "Write here (atomically) instead of stdout.")
    Path out;

    @Option(names = "--format", paramLabel = "csv|jsonl", defaultValue = "csv",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--method", paramLabel = "M", defaultValue = "adjoint",
            description = "adjoint, bump, analytic or compare (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--paths", paramLabel = "N", description = "Monte Carlo paths per trade (default: " + DEFAULT_PATHS
            + "; a row's 'paths' column or a JSON file's settings take precedence over the default, not over this option).")
    Long paths;

    @Option(names = "--seed", paramLabel = "S", description = "Run seed; each trade's seed derives from (seed, id) (default: 1).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--antithetic", description = "Antithetic variates; standard errors from pair means.")
    Boolean antithetic;

    @Option(names = "--sobol", description = "Randomised Sobol points with a Brownian bridge; standard errors from "
            + dev.adjointgreeks.mc.MonteCarlo.SOBOL_REPLICATES + " randomisations.")
    Boolean sobol;

    @Option(names = "--greeks", paramLabel = "LIST", split = ",",
            description = "Only these Greeks (e.g. delta,gamma,vega; delta also selects delta_1, delta_2, ...). "
                    + "Second-order Greeks are computed only when asked for, or by default.")
    List<String> greeks;

    @Option(names = "--totals", description = "After the trades, quantity-weighted totals per underlying and overall.")
    boolean totals;

    @Option(names = "--fail-fast", description = "Stop at the first bad row (exit 3, no output file).")
    boolean failFast;

    @Option(names = "--progress", description = "Progress on stderr even without a terminal.")
    boolean progress;

    @Option(names = "--quiet", description = "No progress and no summary on stderr (rejections are still reported).")
    boolean quiet;

    @Option(names = "--ignore-unknown-columns", description = "Skip columns (JSON keys) the reader does not know.")
    boolean ignoreUnknownColumns;

    @Spec
    CommandSpec spec;

    /** Per-file inputs: the rows and the file's own settings (JSON). */
    private record Input(Iterator<ScenarioRow> rows, JsonNode settings, AutoCloseable closer, boolean json) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Method m = parseMethod();
        boolean jsonl = switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> false;
            case "jsonl" -> true;
            default -> throw new UsageException("--format must be csv or jsonl, not '" + format + "'");
        };
        if (paths != null && paths < 2) {
            throw new UsageException("--paths must be >= 2");
        }
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (workers < 1) {
            throw new UsageException("--threads must be >= 1");
        }
        if (progress && quiet) {
            throw new UsageException("--progress and --quiet exclude each other");
        }
        if (totals && m == Method.COMPARE) {
            throw new UsageException("--totals needs a single method, not compare");
        }
        Set<String> filter = null;
        if (greeks != null) {
            filter = new LinkedHashSet<>();
            for (String g : greeks) {
                String name = g.trim().toLowerCase(Locale.ROOT);
                if (!OutputColumns.known(name)) {
                    throw new UsageException("--greeks: unknown Greek '" + g + "' (known: "
                            + String.join(", ", OutputColumns.SINGLE_ASSET) + ", delta_i, vega_i, gamma_i_j, "
                            + "dividend_rho_i, d_corr_i_j)");
                }
                filter.add(name);
            }
        }
        boolean secondOrder = dev.adjointgreeks.engine.GreekCatalogue.wantsSecondOrder(filter);

        // Open every file first: a bad file stops the run before anything is written.
        List<Input> inputs = new ArrayList<>();
        try {
            for (Path f : files) {
                inputs.add(open(f));
            }
            RunSettings base = RunSettings.defaults(paths != null ? paths : DEFAULT_PATHS, seed != null ? seed : 1L)
                    .withThreads(1)
                    .withVariance(Boolean.TRUE.equals(antithetic), Boolean.TRUE.equals(sobol))
                    .withSecondOrder(secondOrder)
                    .withGreeks(filter);
            List<String> valueColumns = header(inputs, m, filter, secondOrder);
            return run(inputs, base, m, valueColumns, workers, jsonl, err);
        } catch (CsvScenarioReader.BadFileException e) {
            throw new UsageException(e.getMessage());
        } finally {
            for (Input in : inputs) {
                if (in.closer() != null) {
                    in.closer().close();
                }
            }
        }
    }

    private Method parseMethod() {
        try {
            return Method.parse(method);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--method must be adjoint, bump, analytic or compare, not '" + method + "'");
        }
    }

    private Input open(Path f) throws IOException {
        String name = f.getFileName() == null ? f.toString() : f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            CsvScenarioReader r = new CsvScenarioReader(f, ignoreUnknownColumns);
            return new Input(r, null, r, false);
        }
        if (name.endsWith(".json")) {
            JsonScenarioReader.Contents c = JsonScenarioReader.read(f, ignoreUnknownColumns);
            return new Input(c.rows().iterator(), c.settings(), null, true);
        }
        throw new UsageException(f + ": unknown file type (expected .csv or .json)");
    }

    /** CSV input: the fixed single-asset header; JSON input: the union over its trades. */
    private static List<String> header(List<Input> inputs, Method m, Set<String> filter, boolean secondOrder) {
        List<String> greeksUnion = new ArrayList<>();
        for (Input in : inputs) {
            if (!in.json()) {
                greeksUnion.addAll(OutputColumns.SINGLE_ASSET);
            }
        }
        List<Input> replaced = new ArrayList<>();
        for (Input in : inputs) {
            if (in.json()) {
                List<ScenarioRow> rows = new ArrayList<>();
                in.rows().forEachRemaining(rows::add);
                for (ScenarioRow r : rows) {
                    if (r instanceof ScenarioRow.Parsed p) {
                        greeksUnion.addAll(OutputColumns.greeksOf(p.trade(), secondOrder));
                    }
                }
                replaced.add(new Input(rows.iterator(), in.settings(), null, true));
            } else {
                replaced.add(in);
            }
        }
        inputs.clear();
        inputs.addAll(replaced);
        List<String> chosen = OutputColumns.select(OutputColumns.canonical(greeksUnion), filter);
        return OutputColumns.valueColumns(chosen, m);
    }

    private int run(List<Input> inputs, RunSettings base, Method m, List<String> valueColumns, int workers,
            boolean jsonl, PrintWriter err) throws Exception {
        boolean showProgress = !quiet && (progress || System.console() != null);
        long started = System.nanoTime();
        AtomicFiles.Pending pending = out != null ? AtomicFiles.open(out) : null;
        OutputStream stream = pending != null ? pending.stream() : new NonClosingStdout();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "pricer");
            t.setDaemon(true);
            return t;
        });
        Counts counts = new Counts();
        IdSet ids = new IdSet();
        PortfolioTotals portfolio = totals ? new PortfolioTotals(valueColumns) : null;
        ArrayDeque<Pending> window = new ArrayDeque<>();
        int maxInFlight = 4 * workers + 8;
        long lastProgress = System.nanoTime();
        try {
            try (ResultWriter writer = jsonl ? ResultWriter.jsonLines(stream, valueColumns)
                    : ResultWriter.csv(stream, valueColumns)) {
                for (Input in : inputs) {
                    RunSettings settings = applyFileSettings(base, in.settings());
                    Iterator<ScenarioRow> rows = in.rows();
                    while (true) {
                        ScenarioRow row;
                        try {
                            if (!rows.hasNext()) {
                                break;
                            }
                            row = rows.next();
                        } catch (UncheckedIOException e) {
                            throw new UsageException(e.getCause().getMessage());
                        }
                        Pending p;
                        if (row instanceof ScenarioRow.Rejected r) {
                            p = new Pending(row.source(), null, r.message());
                        } else {
                            Trade trade = ((ScenarioRow.Parsed) row).trade();
                            if (!ids.add(trade.id())) {
                                p = new Pending(row.source(), null, row.source() + ": id: duplicate id in this run (value '"
                                        + trade.id() + "')");
                            } else {
                                Trade t = fileSeeded(trade, in.settings(), settings);
                                p = new Pending(row.source(), pool.submit(() -> GreeksEngine.price(t, m, settings)), null);
                            }
                        }
                        window.add(p);
                        while (window.size() > maxInFlight || (!window.isEmpty() && window.peek().isDone())) {
                            if (!emit(window.poll(), writer, counts, portfolio, err)) {
                                return GreeksCommand.EXIT_REJECTED;
                            }
                        }
                        if (showProgress && System.nanoTime() - lastProgress > 1_000_000_000L) {
                            lastProgress = System.nanoTime();
                            err.printf("greeks: %d priced, %d rejected, %.1f s%n", counts.priced, counts.rejected,
                                    (lastProgress - started) / 1e9);
                            err.flush();
                        }
                    }
                }
                while (!window.isEmpty()) {
                    if (!emit(window.poll(), writer, counts, portfolio, err)) {
                        return GreeksCommand.EXIT_REJECTED;
                    }
                }
                if (portfolio != null) {
                    for (TradeResult t : portfolio.rows(m)) {
                        writer.write(t);
                    }
                }
            }   // the writer flushes here, before the file is renamed into place
            if (pending != null) {
                pending.commit();
            }
        } finally {
            pool.shutdownNow();
            if (pending != null) {
                pending.close();   // removes the temporary file unless it was committed
            }
        }
        double wall = (System.nanoTime() - started) / 1e9;
        if (!quiet) {
            err.printf(Locale.ROOT, "greeks: %d trades priced, %d rejected, %.2f s wall, %.0f paths/s (method %s)%n",
                    counts.priced, counts.rejected, wall, counts.paths / Math.max(wall, 1e-9), m.word());
        }
        err.flush();
        return counts.rejected > 0 ? GreeksCommand.EXIT_REJECTED : GreeksCommand.EXIT_OK;
    }

    /** What the run has written so far. */
    private static final class Counts {
        int priced;
        int rejected;
        long paths;
    }

    /**
     * Writes the row at the head of the window, or reports its rejection; returns false when
     * --fail-fast must stop the run.
     */
    private boolean emit(Pending head, ResultWriter writer, Counts counts, PortfolioTotals portfolio, PrintWriter err)
            throws IOException, InterruptedException {
        TradeResult r = head.get();
        if (r == null) {
            counts.rejected++;
            err.println(head.message());
            err.flush();
            return !failFast;
        }
        writer.write(r);
        counts.priced++;
        counts.paths += r.paths();
        if (portfolio != null) {
            portfolio.add(r);
        }
        return true;
    }

    /** A JSON file's settings fill in what the command line did not say. */
    private RunSettings applyFileSettings(RunSettings base, JsonNode s) {
        if (s == null || s.isEmpty()) {
            return base;
        }
        RunSettings r = base;
        if (paths == null && s.hasNonNull("paths")) {
            long p = s.get("paths").asLong();
            if (p < 2) {
                throw new UsageException("settings.paths must be >= 2 (value " + s.get("paths") + ")");
            }
            r = r.withPaths(p);
        }
        boolean anti = antithetic != null ? antithetic : s.path("antithetic").asBoolean(r.antithetic());
        boolean sob = sobol != null ? sobol : s.path("sobol").asBoolean(r.sobol());
        return r.withVariance(anti, sob);
    }

    /** A JSON file's seed replaces the run seed for its trades, unless --seed was given. */
    private Trade fileSeeded(Trade t, JsonNode s, RunSettings settings) {
        if (seed != null || s == null || !s.hasNonNull("seed") || t.seed() != null) {
            return t;
        }
        long fileSeed = s.get("seed").asLong();
        return new Trade(t.id(), t.product(), t.model(), t.paths(), t.steps(), RandomStreams.tradeSeed(fileSeed, t.id()),
                t.quantity(), t.underlying());
    }

    /** A row on its way: a pricing task, or a rejection message. */
    private static final class Pending {
        final ScenarioRow.Source source;
        final Future<TradeResult> future;
        String message;

        Pending(ScenarioRow.Source source, Future<TradeResult> future, String message) {
            this.source = source;
            this.future = future;
            this.message = message;
        }

        boolean isDone() {
            return future == null || future.isDone();
        }

        /** The result, or null with {@link #message} set. */
        TradeResult get() throws InterruptedException {
            if (future == null) {
                return null;
            }
            try {
                return future.get();
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof IllegalArgumentException || c instanceof UnsupportedOperationException) {
                    message = source + ": method: " + c.getMessage();
                    return null;
                }
                if (c instanceof RuntimeException) {
                    throw (RuntimeException) c;
                }
                throw new IllegalStateException(c);
            }
        }

        String message() {
            return message;
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

    /** stdout without closing it when the writer closes. */
    private static final class NonClosingStdout extends OutputStream {
        @Override
        public void write(int b) {
            System.out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            System.out.write(b, off, len);
        }

        @Override
        public void flush() {
            System.out.flush();
        }
    }
}
