package dev.adjointgreeks.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import dev.adjointgreeks.surrogate.SpecException;
import dev.adjointgreeks.surrogate.SpecFiles;
import dev.adjointgreeks.surrogate.Surrogate;
import dev.adjointgreeks.surrogate.SurrogateFiles;
import dev.adjointgreeks.surrogate.SurrogateSpec;
import dev.adjointgreeks.surrogate.SurrogateTrainer;
import dev.adjointgreeks.surrogate.Surrogates;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code greeks surrogate train}: draws samples from the pricer and trains a network on them. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw training samples from the pricer (one antithetic pair of paths per sample: discounted "
                + "payoff and its pathwise derivatives by the adjoint sweep) and train a network on them.",
            "Defaults follow Huge and Savine: 4 x 20 softplus, Adam, one-cycle learning rate, 100 epochs, "
                + "minibatches of max(256, m/16)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:trained and saved", "1:internal error", "2:usage error or a bad spec (nothing is written)"})
final class SurrogateTrainCommand implements Callable<Integer> {

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

    @Option(names = "--second-order-labels", description = "Also regress the network's second derivative in the first "
            + "varying input (gamma) on pathwise second derivatives (tangent-over-adjoint). Needs a payoff smooth path by "
            + "path (a conditioned European, digital, Asian or basket), which the labels then take as priced rather than "
            + "as simulated; about three times the training time; gradient by lanes or tape.")
    boolean secondOrderLabels;

    @Option(names = "--second-order-weight", paramLabel = "W", description = "Weight of the second-order term in the "
            + "loss (default: 0.2/(1+n) for n varying inputs; larger suits nearly noise-free labels).")
    Double secondOrderWeight;

    @Option(names = "--epochs", paramLabel = "E", defaultValue = "100", description = "(default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--gradient", paramLabel = "lanes|tape|twin", defaultValue = "lanes",
            description = "How the differential loss is differentiated: lanes (the hand-written backpropagation "
                    + "recorded on the block scalar, a chunk of samples as lanes, and swept once more), tape (the "
                    + "same on the per-path tape, slower) or twin (that second pass written by hand); equal to "
                    + "rounding (default: ${DEFAULT-VALUE}).")
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
        if (secondOrderWeight != null && !(secondOrderLabels && secondOrderWeight > 0
                && Double.isFinite(secondOrderWeight))) {
            throw new UsageException("--second-order-weight: must be > 0, with --second-order-labels (value "
                    + secondOrderWeight + ")");
        }
        if (secondOrderLabels && method == SurrogateTrainer.GradientMethod.TWIN) {
            throw new UsageException("--second-order-labels: needs --gradient lanes or tape (the twin pass has no "
                    + "second-order term)");
        }
        SurrogateTrainer.Settings settings = new SurrogateTrainer.Settings(epochs, !standard, method, seed, t,
                !secondOrderLabels ? 0.0
                        : secondOrderWeight != null ? secondOrderWeight : SurrogateTrainer.secondOrderWeight(s.inputs()));
        long cpu0 = SurrogateCommand.processCpuNanos();
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
            double cpu = (SurrogateCommand.processCpuNanos() - cpu0) / 1e9;
            err.printf(Locale.ROOT, "greeks: surrogate %s, %s training on %d samples: data %.2f s, training %.2f s, "
                    + "%.2f s wall in all, %.2f s of CPU (gradient by %s, threads %d); saved %s%n", s.name(), tr.description(),
                    samples, tr.dataSeconds(), tr.trainSeconds(), (System.nanoTime() - wall0) / 1e9,
                    cpu, tr.gradient(), t, out);
            err.flush();
        }
        return GreeksCommand.EXIT_OK;
    }
}
