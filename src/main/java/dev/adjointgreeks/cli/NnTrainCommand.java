package dev.adjointgreeks.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.adjointgreeks.nn.Activation;
import dev.adjointgreeks.nn.DataTable;
import dev.adjointgreeks.nn.Mlp;
import dev.adjointgreeks.nn.ModelFiles;
import dev.adjointgreeks.nn.Normalization;
import dev.adjointgreeks.nn.TrainedModel;
import dev.adjointgreeks.nn.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code greeks nn train}: fits a multilayer perceptron to a CSV file. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit a multilayer perceptron to a CSV file: loss = sum of squared errors / (2n) "
                + "(+ weight decay), gradients by the tape with the samples as lanes (one reverse sweep per 128 samples).")
final class NnTrainCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "Training data with a header row.")
    Path data;

    @Option(names = "--inputs", required = true, split = ",", paramLabel = "a,b,c", description = "Input columns.")
    List<String> inputs;

    @Option(names = "--target", required = true, paramLabel = "y", description = "Target column.")
    String target;

    @Option(names = "--model", required = true, paramLabel = "OUT.json", description = "Where to save the model (atomically).")
    Path model;

    @Option(names = "--layers", split = ",", paramLabel = "20,20,20,20", defaultValue = "20,20,20,20",
            description = "Hidden layer widths; 0 for none (default: ${DEFAULT-VALUE}).")
    List<Integer> layers;

    @Option(names = "--activation", split = ",", paramLabel = "F", defaultValue = "softplus",
            description = "One activation for every hidden layer, or one per hidden layer: identity, tanh, sigmoid, "
                    + "softplus, relu (default: ${DEFAULT-VALUE}). The output layer is identity.")
    List<String> activation;

    @Option(names = "--optimizer", paramLabel = "adam|sgd|gd", defaultValue = "adam", description = "(default: ${DEFAULT-VALUE})")
    String optimizer;

    @Option(names = "--learning-rate", paramLabel = "R", defaultValue = "0.01", description = "(default: ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--rate-decay", paramLabel = "D", defaultValue = "0.995",
            description = "Multiply the learning rate by this after each epoch (default: ${DEFAULT-VALUE}).")
    double rateDecay;

    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "64", description = "(default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "200", description = "(default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "Held out for early stopping (default: ${DEFAULT-VALUE}).")
    double validationFraction;

    @Option(names = "--patience", paramLabel = "N", defaultValue = "30",
            description = "Stop after this many epochs without a better validation loss; 0 never (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--weight-decay", paramLabel = "W", defaultValue = "0", description = "L2 penalty (W/2) sum w^2 (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--normalize", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Scale inputs and target to mean 0, std 1 (stored in the model; default: on).")
    boolean normalize;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Initial weights, split and shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--quiet", description = "No per-epoch lines.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OutputPaths.check(model, "--model");   // before training, not after it
        String[] names = inputs.stream().map(String::trim).toArray(String[]::new);
        if (names.length == 0 || java.util.Arrays.stream(names).anyMatch(String::isEmpty)) {
            throw new UsageException("--inputs: name each input column, e.g. --inputs spot,vol (value '"
                    + String.join(",", inputs) + "')");
        }
        DataTable table;
        try {
            table = DataTable.read(data, names, target);
        } catch (DataTable.BadDataException e) {
            throw new UsageException(e.getMessage());
        }
        List<Integer> hidden = layers.size() == 1 && layers.get(0) == 0 ? List.of() : layers;
        for (int h : hidden) {
            if (h < 1) {
                throw new UsageException("--layers: widths must be >= 1 (or a single 0 for no hidden layer)");
            }
        }
        int[] sizes = new int[hidden.size() + 2];
        sizes[0] = names.length;
        for (int i = 0; i < hidden.size(); i++) {
            sizes[i + 1] = hidden.get(i);
        }
        sizes[sizes.length - 1] = 1;
        Activation[] acts = new Activation[sizes.length - 1];
        if (activation.size() != 1 && activation.size() != hidden.size()) {
            throw new UsageException("--activation: give one activation or one per hidden layer (" + hidden.size() + ")");
        }
        Trainer.Config config;
        try {
            for (int i = 0; i < hidden.size(); i++) {
                acts[i] = Activation.parse(activation.get(activation.size() == 1 ? 0 : i));
            }
            acts[acts.length - 1] = Activation.IDENTITY;
            config = new Trainer.Config(Trainer.Optimizer.parse(optimizer), learningRate, rateDecay, batchSize,
                    epochs, validationFraction, weightDecay, patience, seed, Trainer.Gradient.LANES, 0.9);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        double[][] x = table.inputs();
        double[] yRaw = table.target();
        Normalization norm;
        try {
            norm = normalize ? Normalization.fit(x, yRaw) : Normalization.identity(names.length);
        } catch (IllegalArgumentException e) {
            throw new UsageException(data + ": cannot normalise: " + e.getMessage());
        }
        double[][] xs = new double[x.length][names.length];
        double[][] ys = new double[x.length][1];
        for (int r = 0; r < x.length; r++) {
            for (int i = 0; i < names.length; i++) {
                xs[r][i] = (x[r][i] - norm.inputMean()[i]) / norm.inputStd()[i];
            }
            ys[r][0] = (yRaw[r] - norm.outputMean()) / norm.outputStd();
        }
        boolean relu = java.util.Arrays.asList(acts).contains(Activation.RELU);
        Mlp start = Mlp.initialised(sizes, acts, relu ? Mlp.Init.HE : Mlp.Init.XAVIER, seed);
        Trainer.Result result;
        try {
            result = Trainer.train(start, xs, ys, config, quiet ? null : e -> {
                err.println(e.line());
                err.flush();
            });
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException(e.getMessage());
        }
        TrainedModel trained = new TrainedModel(names, target, norm, result.network());
        ModelFiles.save(trained, model);
        out.printf(Locale.ROOT, "trained %d epochs: train RMSE %.6g, validation RMSE %s (original units); model saved to %s%n",
                result.epochs(), rmse(trained, x, yRaw, result.trainRows()),
                result.validationRows().length == 0 ? "-" : String.format(Locale.ROOT, "%.6g",
                        rmse(trained, x, yRaw, result.validationRows())), model);
        out.flush();
        return 0;
    }

    private static double rmse(TrainedModel m, double[][] x, double[] y, int[] rows) {
        double s = 0;
        for (int r : rows) {
            double e = m.predict(x[r]) - y[r];
            s += e * e;
        }
        return Math.sqrt(s / rows.length);
    }
}
