package dev.adjointgreeks.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

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
import dev.adjointgreeks.surrogate.Surrogate;
import dev.adjointgreeks.surrogate.SurrogateExecutor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code greeks surrogate price}: prices scenario files with a trained surrogate. */
@Command(name = "price", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Price the trades of scenario files with a surrogate: price and the Greeks of its varying "
                + "inputs by one reverse sweep through the network, in the columns of 'greeks price' "
                + "(method surrogate; the _stderr cells are empty: a network has no sampling error)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every row priced", "1:internal error",
            "2:usage error, a bad model file, or an empty, unreadable or malformed file",
            "3:the run finished but rows were rejected"})
final class SurrogatePriceCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "MODEL.json", description = "A surrogate model file.")
    Path model;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario files, .csv or .json, as for 'greeks price'.")
    List<Path> files;

    @Mixin
    OutputOptions output;

    @Option(names = "--allow-extrapolation",
            description = "Price rows outside the trained domain too, with a warning per row.")
    boolean allowExtrapolation;

    @Mixin
    ReaderOptions reader;

    @Option(names = "--quiet", description = "No summary on stderr (rejections and warnings are still reported).")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        boolean jsonl = output.jsonl();
        output.checkOut();
        Surrogate s = SurrogateCommand.load(model);
        SurrogateExecutor executor = new SurrogateExecutor(s, allowExtrapolation, w -> {
            err.println(w);
            err.flush();
        });
        BatchOptions options = BatchOptions.of(Method.ADJOINT)
                .withGreeks(new LinkedHashSet<>(executor.greekNames()))
                .withIgnoreUnknownColumns(reader.ignoreUnknownColumns);
        try (BatchPricer batch = BatchPricer.open(files, options)) {
            List<String> columns = batch.valueColumns();
            try (AtomicFiles.Pending pending = output.out != null ? AtomicFiles.open(output.out) : null) {
                OutputStream stream = pending != null ? pending.stream() : OutputOptions.stdout();
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
