package dev.adjointgreeks.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.adjointgreeks.batch.BatchInputException;
import dev.adjointgreeks.batch.BatchOptions;
import dev.adjointgreeks.batch.BatchPricer;
import dev.adjointgreeks.batch.BatchSink;
import dev.adjointgreeks.batch.BatchSummary;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.io.AtomicFiles;
import dev.adjointgreeks.scenario.ResultWriter;
import dev.adjointgreeks.scenario.ScenarioRow;
import dev.adjointgreeks.surrogate.SpecException;
import dev.adjointgreeks.surrogate.SpecFiles;
import dev.adjointgreeks.surrogate.Surrogate;
import dev.adjointgreeks.surrogate.SurrogateFiles;
import dev.adjointgreeks.surrogate.SurrogateExecutor;
import dev.adjointgreeks.surrogate.SurrogateReport;
import dev.adjointgreeks.surrogate.SurrogateSpec;
import dev.adjointgreeks.surrogate.SurrogateTrainer;
import dev.adjointgreeks.surrogate.Surrogates;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code greeks surrogate}: pricing networks trained on simulated payoffs and their pathwise differentials. */
@Command(name = "surrogate", mixinStandardHelpOptions = true,
        description = "Surrogate pricing networks trained on simulated payoffs and their adjoint (pathwise) "
                + "differentials (differential machine learning, Huge and Savine 2020).",
        subcommands = {SurrogateCommand.Train.class, SurrogateCommand.Price.class, SurrogateCommand.Report.class})
final class SurrogateCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required: train, price or report");
    }

    static Surrogate load(Path model) {
        try {
            return SurrogateFiles.load(model);
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Draw training samples from the pricer (one antithetic pair of paths per sample: discounted "
                    + "payoff and its pathwise derivatives by the adjoint sweep) and train a network on them.",
                "Defaults follow Huge and Savine: 4 x 20 softplus, Adam, one-cycle learning rate, 100 epochs, "
                    + "minibatches of max(256, m/16)."},
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:trained and saved", "1:internal error", "2:usage error or a bad spec (nothing is written)"})
    static final class Train implements Callable<Integer> {

        static final class Source {
            @Option(names = "--example", paramLabel = "NAME", description = "A built-in example: bs-call or bachelier-basket-7.")
            String example;

            @Option(names = "--spec", paramLabel = "FILE.json", description = "A spec file (see scenarios/surrogate/).")
            Path spec;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        @Option(names = "--samples", required = true, paramLabel = "N", description = "Training samples.")
        int samples;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
                description = "Fixes the samples, the initial weights and the batch order (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", required = true, paramLabel = "MODEL.json",
                description = "Where to save the model (atomically; a failed run leaves an existing file alone).")
        Path out;

        @Option(names = "--standard", description = "Values only: the derivative term of the loss dropped (for comparison).")
        boolean standard;

        @Option(names = "--epochs", paramLabel = "E", defaultValue = "100", description = "(default: ${DEFAULT-VALUE})")
        int epochs;

        @Option(names = "--gradient", paramLabel = "tape|twin", defaultValue = "tape",
                description = "How the differential loss is differentiated: tape (the hand-written backpropagation "
                        + "recorded on the tape and swept once more) or twin (that second pass written by hand; "
                        + "equal to rounding, faster) (default: ${DEFAULT-VALUE}).")
        String gradient;

        @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: the number of cores).")
        Integer threads;

        @Option(names = "--progress", description = "Per-epoch lines on stderr even without a terminal.")
        boolean progress;

        @Option(names = "--quiet", description = "No per-epoch lines and no summary.")
        boolean quiet;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            if (samples < 1) {
                throw new UsageException("--samples: must be >= 1 (value " + samples + ")");
            }
            if (epochs < 1) {
                throw new UsageException("--epochs: must be >= 1 (value " + epochs + ")");
            }
            int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            if (t < 1) {
                throw new UsageException("--threads: must be >= 1");
            }
            SurrogateTrainer.GradientMethod method;
            try {
                method = SurrogateTrainer.GradientMethod.parse(gradient);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--gradient: " + e.getMessage());
            }
            OutputPaths.check(out, "--out");   // before any work: a bad path must not cost a training run
            JsonNode doc;
            SurrogateSpec s;
            try {
                if (source.example != null) {
                    doc = SpecFiles.exampleDocument(source.example);
                    s = SpecFiles.parse(source.example + ".json", doc);
                } else {
                    doc = SpecFiles.document(source.spec);
                    s = SpecFiles.parse(source.spec.toString(), doc);
                }
            } catch (SpecException e) {
                throw new UsageException(e.getMessage());
            }
            boolean show = !quiet && (progress || System.console() != null);
            SurrogateTrainer.Settings settings = new SurrogateTrainer.Settings(epochs, !standard, method, seed, t);
            long cpu0 = processCpuNanos();
            long wall0 = System.nanoTime();
            Surrogate model;
            try {
                model = Surrogates.train(doc, s, samples, settings, show ? e -> {
                    err.println("greeks: " + e.line());
                    err.flush();
                } : null);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new UsageException(e.getMessage());   // nothing written: the model file is untouched
            }
            SurrogateFiles.save(model, out);
            if (!quiet) {
                Surrogate.Training tr = model.training();
                double cpu = (processCpuNanos() - cpu0) / 1e9;
                err.printf(Locale.ROOT, "greeks: surrogate %s, %s training on %d samples: data %.2f s, training %.2f s, "
                        + "%.2f s wall in all, %.2f s of CPU (gradient by %s, threads %d); saved %s%n", s.name(), tr.mode(),
                        samples, tr.dataSeconds(), tr.trainSeconds(), (System.nanoTime() - wall0) / 1e9,
                        cpu, tr.gradient(), t, out);
                err.flush();
            }
            return GreeksCommand.EXIT_OK;
        }
    }

    /** CPU time of the whole process (all threads), or -1 where the platform does not say. */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    @Command(name = "price", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Price the trades of scenario files with a surrogate: price and the Greeks of its varying "
                    + "inputs by one reverse sweep through the network, in the columns of 'greeks price' "
                    + "(method surrogate; the _stderr cells are empty: a network has no sampling error)."},
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:every row priced", "1:internal error",
                "2:usage error, a bad model file, or an empty, unreadable or malformed file",
                "3:the run finished but rows were rejected"})
    static final class Price implements Callable<Integer> {

        @Option(names = "--model", required = true, paramLabel = "MODEL.json", description = "A surrogate model file.")
        Path model;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario files, .csv or .json, as for 'greeks price'.")
        List<Path> files;

        @Option(names = "--out", paramLabel = "F", description = "Write here (atomically) instead of stdout.")
        Path out;

        @Option(names = "--format", paramLabel = "csv|jsonl", defaultValue = "csv",
                description = "Output format (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--allow-extrapolation",
                description = "Price rows outside the trained domain too, with a warning per row.")
        boolean allowExtrapolation;

        @Option(names = "--ignore-unknown-columns", description = "Skip columns (JSON keys) the reader does not know.")
        boolean ignoreUnknownColumns;

        @Option(names = "--quiet", description = "No summary on stderr (rejections and warnings are still reported).")
        boolean quiet;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            boolean jsonl = switch (format.toLowerCase(Locale.ROOT)) {
                case "csv" -> false;
                case "jsonl" -> true;
                default -> throw new UsageException("--format must be csv or jsonl, not '" + format + "'");
            };
            if (out != null) {
                OutputPaths.check(out, "--out");
            }
            Surrogate s = load(model);
            SurrogateExecutor executor = new SurrogateExecutor(s, allowExtrapolation, w -> {
                err.println(w);
                err.flush();
            });
            BatchOptions options = BatchOptions.of(Method.ADJOINT)
                    .withGreeks(new LinkedHashSet<>(executor.greekNames()))
                    .withIgnoreUnknownColumns(ignoreUnknownColumns);
            try (BatchPricer batch = BatchPricer.open(files, options)) {
                List<String> columns = batch.valueColumns();
                try (AtomicFiles.Pending pending = out != null ? AtomicFiles.open(out) : null) {
                    OutputStream stream = pending != null ? pending.stream() : new NonClosing(System.out);
                    BatchSummary summary;
                    try (ResultWriter writer = jsonl ? ResultWriter.jsonLines(stream, columns)
                            : ResultWriter.csv(stream, columns)) {
                        summary = batch.run(executor, new BatchSink() {
                            @Override
                            public void priced(TradeResult r) throws IOException {
                                writer.write(r);
                            }

                            @Override
                            public void rejected(ScenarioRow.Rejected r) {
                                err.println(r.message());
                                err.flush();
                            }
                        });
                    }
                    if (pending != null) {
                        pending.commit();
                    }
                    if (!quiet) {
                        err.printf(Locale.ROOT, "greeks: %d trades priced by surrogate %s, %d rejected, %.3f s wall%n",
                                summary.priced(), s.spec().name(), summary.rejected(), summary.seconds());
                    }
                    err.flush();
                    return summary.rejected() > 0 ? GreeksCommand.EXIT_REJECTED : GreeksCommand.EXIT_OK;
                }
            } catch (BatchInputException e) {
                throw new UsageException(e.getMessage());
            }
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Test errors of a surrogate against the exact price on its held-out test set: price RMSE "
                    + "and max error (absolute and in % of the reference level), RMSE of every Greek; and a PNG of "
                    + "price and first Greek across the input, with the training samples."},
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:report written", "1:internal error", "2:usage error or a bad model file"})
    static final class Report implements Callable<Integer> {

        @Option(names = "--model", required = true, paramLabel = "MODEL.json", description = "A surrogate model file.")
        Path model;

        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "(default: ${DEFAULT-VALUE})")
        String format;

        @Option(names = "--png", paramLabel = "FILE.png",
                description = "Where to write the chart (default: the model file with .png for .json).")
        Path png;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            boolean json = switch (format.toLowerCase(Locale.ROOT)) {
                case "text" -> false;
                case "json" -> true;
                default -> throw new UsageException("--format must be text or json, not '" + format + "'");
            };
            Path chart = png != null ? png : defaultPng(model);
            OutputPaths.check(chart, "--png");
            Surrogate s = load(model);
            SurrogateReport r;
            try {
                r = SurrogateReport.of(s);
            } catch (SpecException e) {
                throw new UsageException(model + ": " + e.getMessage());
            }
            r.writePng(s, chart);
            if (json) {
                ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                ObjectNode o = mapper.createObjectNode();
                o.put("name", s.spec().name());
                o.put("mode", s.training().mode());
                o.put("samples", s.training().samples());
                o.put("seed", s.training().seed());
                o.put("epochs", s.training().epochs());
                o.put("gradient", s.training().gradient());
                o.put("train_seconds", s.training().trainSeconds());
                o.put("data_seconds", s.training().dataSeconds());
                o.put("test_points", r.points());
                o.put("reference_level", r.referenceLevel());
                o.put("price_rmse", r.priceRmse());
                o.put("price_rmse_percent", r.priceRmsePercent());
                o.put("price_max_error", r.priceMaxError());
                o.put("price_max_error_percent", r.priceMaxErrorPercent());
                ObjectNode g = o.putObject("greek_rmse");
                r.greekRmse().forEach(g::put);
                o.put("png", chart.toString());
                out.println(mapper.writeValueAsString(o));
            } else {
                for (String line : r.lines(s)) {
                    out.println(line);
                }
                out.println("chart            " + chart);
            }
            out.flush();
            return GreeksCommand.EXIT_OK;
        }

        static Path defaultPng(Path model) {
            String n = model.getFileName().toString();
            String base = n.toLowerCase(Locale.ROOT).endsWith(".json") ? n.substring(0, n.length() - 5) : n;
            return model.resolveSibling(base + ".png");
        }
    }

    /** Standard output that a writer may close without closing System.out. */
    private static final class NonClosing extends OutputStream {
        private final OutputStream out;

        NonClosing(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
