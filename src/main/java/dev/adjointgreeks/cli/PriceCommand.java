package dev.adjointgreeks.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.adjointgreeks.batch.BatchInputException;
import dev.adjointgreeks.batch.BatchOptions;
import dev.adjointgreeks.batch.BatchPricer;
import dev.adjointgreeks.batch.BatchSink;
import dev.adjointgreeks.batch.BatchSummary;
import dev.adjointgreeks.batch.ExecutorOptions;
import dev.adjointgreeks.batch.ExecutorUnavailableException;
import dev.adjointgreeks.batch.TradeExecutor;
import dev.adjointgreeks.batch.TradeExecutors;
import dev.adjointgreeks.batch.TradeTask;
import dev.adjointgreeks.engine.GreekCatalogue;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.io.AtomicFiles;
import dev.adjointgreeks.report.PnlChart;
import dev.adjointgreeks.scenario.shock.PortfolioPnl;
import dev.adjointgreeks.scenario.shock.ShockPlan;
import dev.adjointgreeks.scenario.shock.ShockSet;
import dev.adjointgreeks.scenario.OutputColumns;
import dev.adjointgreeks.scenario.ResultWriter;
import dev.adjointgreeks.scenario.ScenarioRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code greeks price}: batch Greeks for scenario files. A thin shell over {@link BatchPricer}:
 * parses options, checks the output path, starts the executor, writes rows and rejections.
 */
@Command(name = "price", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Price every trade of the scenario files and write its price and Greeks with standard errors.",
            "Greeks are raw partial derivatives per 1.0 of each input (vega per 1.00 of vol, rho per 1.00 of rate); "
                    + "theta is -dV/dT per year."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every row priced", "1:internal error", "2:usage error, or a file the run cannot start on "
                + "(unreadable, empty, malformed, unknown column or setting), or a bad output path; nothing is priced",
            "3:the run finished but rows were rejected (or --fail-fast stopped it)",
            "4:the executor gave up on a chunk after its retries (Spark: spark.task.maxFailures); its trades are "
                + "named, no output file"})
public final class PriceCommand implements Callable<Integer> {

    /** Default paths per trade: scenarios/demo.csv prices in well under 30 seconds on 2 cores. */
    public static final long DEFAULT_PATHS = BatchOptions.DEFAULT_PATHS;

    /** More threads than this is a typo, not a machine. */
    static final int MAX_THREADS = 4096;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario files, .csv (single-asset trades) or .json.")
    List<Path> files;

    @Mixin
    OutputOptions output;

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

    @Option(names = "--executor", paramLabel = "NAME", defaultValue = "local",
            description = "Where trades are priced: local (this machine's threads) or an executor found on the class "
                    + "path, e.g. spark (default: ${DEFAULT-VALUE}).")
    String executor;

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "Cluster master for --executor spark (default: what spark-submit set, else local[*]).")
    String sparkMaster;

    @Option(names = "--partitions", paramLabel = "N", description = "Partitions per chunk for a cluster executor.")
    Integer partitions;

    @Option(names = "--antithetic", description = "Antithetic variates; standard errors from pair means.")
    Boolean antithetic;

    @Option(names = "--sobol", description = "Randomised Sobol points with a Brownian bridge; standard errors from "
            + dev.adjointgreeks.mc.MonteCarlo.SOBOL_REPLICATES + " randomisations.")
    Boolean sobol;

    @Option(names = "--greeks", paramLabel = "LIST", split = ",",
            description = "Only these Greeks (e.g. delta,gamma,vega; delta also selects delta_1, delta_2, ...; price "
                    + "alone: the price only). Second-order Greeks are computed only when asked for, or by default.")
    List<String> greeks;

    @Option(names = "--totals", description = "After the trades, quantity-weighted totals per underlying and overall "
            + "(long layout: per market, factor and bucket, id TOTAL).")
    boolean totals;

    @Option(names = "--layout", paramLabel = "wide|long", defaultValue = "wide",
            description = "wide: one row per trade (default); long: one row per trade and sensitivity, columns id, "
                    + "market, factor, bucket, value, stderr.")
    String layout;

    @Option(names = "--crif", paramLabel = "FILE", description = "Also write ISDA CRIF sensitivities here (atomically): "
            + "Risk_Equity per trade and underlying (S dV/dS x 0.01), Risk_IRCurve from discount-curve buckets.")
    Path crif;

    @Option(names = "--market", paramLabel = "MARKETS.json", description = "Markets for the CSV files' 'market' column: a "
            + "JSON file holding a scenario file's \"markets\" section (spots, vols, rates or curves, currency and SIMM "
            + "tags). A row takes its market's fields; its own non-empty cells override them (its rate replaces the "
            + "market's discount curve). JSON files keep their own markets.")
    Path market;

    @Option(names = "--fail-fast", description = "Stop at the first bad row (exit 3, no output file).")
    boolean failFast;

    @Option(names = "--progress", description = "Progress on stderr even without a terminal.")
    boolean progress;

    @Option(names = "--quiet", description = "No progress and no summary on stderr (rejections are still reported).")
    boolean quiet;

    @Option(names = "--shocks", paramLabel = "SHOCKS.csv",
            description = "Market scenarios (columns scenario, underlying, factor, shift, type): every trade is priced "
                    + "at its base and in each scenario on the same paths; rows gain a first column 'scenario' and pnl, "
                    + "pnl_stderr.")
    Path shocks;

    @Option(names = "--explain", description = "With --shocks: second-order Greeks at the base explain each scenario's "
            + "P&L (pnl_explained, pnl_unexplained), with the engine's spot and vol cross terms (pnl_explained_cross).")
    boolean explain;

    @Option(names = "--scenario-greeks", description = "With --shocks: full Greeks on scenario rows too (default: price "
            + "and P&L only).")
    boolean scenarioGreeks;

    @Option(names = "--chart", paramLabel = "FILE.png", description = "With --shocks: portfolio P&L against the shift for "
            + "each single-factor family of scenarios, full revaluation beside the Greeks' explanation (implies --explain).")
    Path chart;

    @Option(names = "--vega-map", arity = "2", paramLabel = "ARG", description = "TRADE_ID FILE.png: a heat map "
            + "(expiry x strike) of that trade's vega per quote of its volatility surface.")
    List<String> vegaMap;

    @Mixin
    ReaderOptions reader;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        BatchOptions options = options();
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (workers < 1 || workers > MAX_THREADS) {
            throw new UsageException("--threads must be between 1 and " + MAX_THREADS);
        }
        if (partitions != null && partitions < 1) {
            throw new UsageException("--partitions must be >= 1");
        }
        if (progress && quiet) {
            throw new UsageException("--progress and --quiet exclude each other");
        }
        output.checkOut();
        if (crif != null) {
            OutputPaths.check(crif, "--crif");
            if (output.out != null && crif.toAbsolutePath().normalize().equals(output.out.toAbsolutePath().normalize())) {
                throw new UsageException("--crif and --out name the same file: " + crif);
            }
        }
        if (chart != null) {
            OutputPaths.check(chart, "--chart");
        }
        if (market != null && files.stream().noneMatch(f -> String.valueOf(f.getFileName()).toLowerCase(Locale.ROOT)
                .endsWith(".csv"))) {
            throw new UsageException("--market gives markets to CSV files; a JSON scenario file has its own \"markets\"");
        }
        VegaMapOutput map = VegaMapOutput.of(vegaMap);
        try (BatchPricer batch = BatchPricer.open(files, market, options)) {
            try (TradeExecutor ex = TradeExecutors.create(executor, new ExecutorOptions(workers, sparkMaster,
                    partitions == null ? 0 : partitions, java.util.Map.of()))) {
                return write(batch, ex, err, map);
            }
        } catch (BatchInputException | ExecutorUnavailableException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private BatchOptions options() {
        Method m;
        try {
            m = Method.parse(method);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--method must be adjoint, bump, analytic or compare, not '" + method + "'");
        }
        output.jsonl();   // a bad --format is a usage error before anything is read
        if (paths != null && (paths < 2 || paths > dev.adjointgreeks.scenario.Limits.MAX_PATHS)) {
            throw new UsageException("--paths must be between 2 and " + dev.adjointgreeks.scenario.Limits.MAX_PATHS);
        }
        if (totals && m == Method.COMPARE) {
            throw new UsageException("--totals needs a single method, not compare");
        }
        if ((longLayout() || crif != null) && (m == Method.COMPARE || shocks != null)) {
            throw new UsageException("--layout long and --crif need a single method, not compare, and no --shocks");
        }
        Set<String> filter = null;
        if (greeks != null) {
            filter = new LinkedHashSet<>();
            for (String g : greeks) {
                String name = g.trim().toLowerCase(Locale.ROOT);
                if (name.equals("price")) {
                    filter.add(name);   // price is always written: 'price' alone selects no Greek
                    continue;
                }
                if (!OutputColumns.known(name)) {
                    throw new UsageException("--greeks: unknown Greek '" + g + "' (known: "
                            + String.join(", ", OutputColumns.singleAsset()) + ", delta_i, vega_i, gamma_i_j, "
                            + "dividend_rho_i, d_corr_i_j, or price)");
                }
                filter.add(name);
            }
            if (crif != null && !filter.contains("delta")) {
                throw new UsageException("--crif needs delta among --greeks (its Risk_Equity amounts)");
            }
            if (crif != null) {
                filter.add("d_discount_curve");   // its Risk_IRCurve amounts, on trades that have a curve
            }
        } else if (longLayout() || crif != null) {
            filter = Set.of(GreekCatalogue.EVERYTHING);   // every Greek and every curve pillar
        }
        return new BatchOptions(m, paths, seed, antithetic, sobol, filter, totals, failFast, reader.ignoreUnknownColumns,
                DEFAULT_PATHS, shockPlan(m));
    }

    /** True for --layout long, false for wide; any other word is a usage error. */
    private boolean longLayout() {
        return switch (layout.toLowerCase(Locale.ROOT)) {
            case "wide" -> false;
            case "long" -> true;
            default -> throw new UsageException("--layout must be wide or long, not '" + layout + "'");
        };
    }

    /** The shocks file, read and validated whole before anything is priced (any problem: exit 2). */
    private ShockPlan shockPlan(Method m) {
        if (shocks == null) {
            if (explain || scenarioGreeks || chart != null) {
                throw new UsageException("--explain, --scenario-greeks and --chart need --shocks");
            }
            return null;
        }
        if (m == Method.COMPARE) {
            throw new UsageException("--shocks needs --method adjoint, bump or analytic, not compare");
        }
        try {
            return new ShockPlan(ShockSet.read(shocks), explain || chart != null, scenarioGreeks);
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Runs the batch into stdout or a temporary file renamed onto --out when the run completes. */
    private int write(BatchPricer batch, TradeExecutor ex, PrintWriter err, VegaMapOutput map)
            throws IOException, InterruptedException {
        boolean jsonl = output.jsonl();
        boolean showProgress = !quiet && (progress || System.console() != null);
        List<String> columns = batch.valueColumns();
        boolean longLayout = longLayout();
        try (AtomicFiles.Pending pending = output.out != null ? AtomicFiles.open(output.out) : null;
                AtomicFiles.Pending crifFile = crif != null ? AtomicFiles.open(crif) : null) {
            OutputStream stream = pending != null ? pending.stream() : OutputOptions.stdout();
            BatchSummary s;
            ShockPlan plan = batch.options().shocks();
            PortfolioPnl pnl = chart != null ? new PortfolioPnl() : null;
            try (ResultWriter writer = longLayout ? null : jsonl ? ResultWriter.jsonLines(stream, columns, plan != null)
                    : ResultWriter.csv(stream, columns, plan != null);
                    SensitivityOutput sens = longLayout || crifFile != null ? new SensitivityOutput(columns,
                            longLayout ? stream : null, jsonl, totals, crifFile != null ? crifFile.stream() : null) : null) {
                s = batch.run(ex, new Sink(writer, sens, err, showProgress, pnl, map));
                if (sens != null && !s.stopped()) {
                    sens.finish();
                }
            }   // the writers flush here, before the files are renamed into place
            if (s.stopped()) {
                return GreeksCommand.EXIT_REJECTED;   // --fail-fast: no output file
            }
            if (map != null) {
                map.write(batch.options().method());   // a bad trade id: exit 2 before the output is put in place
            }
            if (pending != null) {
                pending.commit();
            }
            if (crifFile != null) {
                crifFile.commit();
            }
            if (pnl != null) {
                List<PnlChart.Family> families = pnl.families(plan.shocks());
                if (families.isEmpty()) {
                    err.println("greeks: warning: --chart: the shocks file has no single-factor scenario to chart");
                } else {
                    PnlChart.write(chart, "portfolio P&L", families);
                }
            }
            if (!quiet) {
                err.printf(Locale.ROOT, "greeks: %d trades priced, %d rejected, %.2f s wall, %.0f paths/s (method %s)%n",
                        s.priced(), s.rejected(), s.seconds(), s.paths() / Math.max(s.seconds(), 1e-9),
                        batch.options().method().word());
            }
            err.flush();
            return s.rejected() > 0 ? GreeksCommand.EXIT_REJECTED : GreeksCommand.EXIT_OK;
        }
    }

    /** Rows to the writer, rejections and progress to stderr. */
    private static final class Sink implements BatchSink {
        private final ResultWriter writer;
        private final SensitivityOutput sens;
        private final PrintWriter err;
        private final boolean showProgress;
        private final PortfolioPnl pnl;
        private final VegaMapOutput map;
        private long lastProgress = System.nanoTime();

        Sink(ResultWriter writer, SensitivityOutput sens, PrintWriter err, boolean showProgress, PortfolioPnl pnl,
                VegaMapOutput map) {
            this.writer = writer;
            this.sens = sens;
            this.err = err;
            this.showProgress = showProgress;
            this.pnl = pnl;
            this.map = map;
        }

        @Override
        public void priced(TradeResult r, TradeTask task) throws IOException {
            if (writer != null) {
                writer.write(r);
            }
            if (sens != null) {
                sens.priced(r, task);
            }
            if (map != null) {
                map.priced(task);
            }
            if (pnl != null) {
                pnl.add(r);
            }
        }

        @Override
        public void priced(TradeResult r) throws IOException {
            writer.write(r);   // scenario rows: wide layout only
            if (pnl != null) {
                pnl.add(r);
            }
        }

        @Override
        public void total(TradeResult t) throws IOException {
            if (writer != null) {
                writer.write(t);   // the long layout writes its own TOTAL rows
            }
        }

        @Override
        public void warning(String message) {
            err.println("greeks: warning: " + message);
            err.flush();
        }

        @Override
        public void rejected(ScenarioRow.Rejected r) {
            err.println(r.message());
            err.flush();
        }

        @Override
        public void progress(BatchSummary s) {
            if (showProgress && System.nanoTime() - lastProgress > 1_000_000_000L) {
                lastProgress = System.nanoTime();
                err.printf(Locale.ROOT, "greeks: %d priced, %d rejected, %.1f s%n", s.priced(), s.rejected(), s.seconds());
                err.flush();
            }
        }
    }
}
