package dev.adjointgreeks.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.adjointgreeks.surrogate.SpecException;
import dev.adjointgreeks.surrogate.Surrogate;
import dev.adjointgreeks.surrogate.SurrogateReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code greeks surrogate report}: test errors and a chart of a trained surrogate. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Test errors of a surrogate against the exact price on its held-out test set: price RMSE "
                + "and max error (absolute and in %% of the reference level), RMSE of every Greek; and a PNG of "
                + "price and first Greek across the input, with the training samples."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:report written", "1:internal error", "2:usage error or a bad model file"})
final class SurrogateReportCommand implements Callable<Integer> {

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
        Surrogate s = SurrogateCommand.load(model);
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
            if (!Double.isNaN(r.secondRmse())) {
                o.putObject("second_order_rmse").put(r.secondColumn(), r.secondRmse());
            }
            o.put("second_order_weight", s.training().secondOrder());
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
