package dev.adjointgreeks.cli;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.adjointgreeks.ad.Tape;
import dev.adjointgreeks.io.AtomicFiles;
import dev.adjointgreeks.io.CsvText;
import dev.adjointgreeks.nn.DataTable;
import dev.adjointgreeks.nn.ModelFiles;
import dev.adjointgreeks.nn.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code greeks nn predict}: predictions (and input gradients) of a saved network. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict with a saved model; with --gradients also d prediction / d input by one reverse sweep.")
final class NnPredictCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "M.json")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv")
    Path data;

    @Option(names = "--out", paramLabel = "F", description = "Write here (atomically) instead of stdout.")
    Path out;

    @Option(names = "--gradients", description = "Add d_<input> columns, in original units.")
    boolean gradients;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (out != null) {
            OutputPaths.check(out, "--out");
        }
        TrainedModel m;
        DataTable table;
        try {
            m = ModelFiles.load(model);
            table = DataTable.read(data, m.inputNames(), null);
        } catch (ModelFiles.BadModelException | DataTable.BadDataException e) {
            throw new UsageException(e.getMessage());
        }
        StringBuilder sb = new StringBuilder();
        for (String n : m.inputNames()) {
            sb.append(CsvText.field(n)).append(',');
        }
        sb.append(CsvText.field(m.target() + "_pred"));
        if (gradients) {
            for (String n : m.inputNames()) {
                sb.append(',').append(CsvText.field("d_" + n));
            }
        }
        sb.append('\n');
        Tape tape = new Tape();
        for (double[] x : table.inputs()) {
            for (double v : x) {
                sb.append(v).append(',');
            }
            if (gradients) {
                double[] pg = m.predictWithGradient(x, tape);
                sb.append(pg[0]);
                for (int i = 1; i < pg.length; i++) {
                    sb.append(',').append(pg[i]);
                }
            } else {
                sb.append(m.predict(x));
            }
            sb.append('\n');
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (out != null) {
            AtomicFiles.write(out, o -> o.write(bytes));
        } else {
            OutputStream o = System.out;
            o.write(bytes);
            o.flush();
        }
        return 0;
    }
}
