package dev.adjointgreeks.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.adjointgreeks.ad.BlockProgram;
import dev.adjointgreeks.bench.BenchmarkCase;
import dev.adjointgreeks.bench.CurveCase;
import dev.adjointgreeks.bench.CurvesQuickBench;
import dev.adjointgreeks.bench.LiborQuickBench;
import dev.adjointgreeks.bench.LocalVolQuickBench;
import dev.adjointgreeks.bench.QuickBench;
import dev.adjointgreeks.bench.SecondOrderBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code greeks bench}: a one-minute comparison of adjoint, bump-and-revalue and forward mode. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time the benchmark cases (European 200,000 paths; Asian 52 fixings 20,000; basket N=10 20,000; "
                + "basket N=50 2,000; Heston 100 steps 10,000; curves: the Asian on a 12-pillar discount and an 8-pillar dividend curve 20,000; localvol: the Asian on a 10 x 10 surface, 104 steps, 50,000 (on request); the LIBOR swaption book 1,000; second-order: European 100,000, Asian 20,000 and basket-10 2,000 with every first- and second-order Greek) by every method, medians "
                + "of --repeats runs, and print each method's time as a ratio to the hand-written primal price measured "
                + "in the same run.",
            "For publishable numbers use the JMH benchmarks in benchmarks/ (see the README)."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--scale", paramLabel = "X", defaultValue = "1",
            description = "Multiply every path count (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3", description = "Timed runs per method (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table", description = "Output (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--case", paramLabel = "NAME", split = ",",
            description = "Only these cases: european, asian, basket-10, basket-50, heston, curves, localvol, libor, second-order (default: all but localvol).")
    List<String> only;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(scale > 0) || repeats < 1) {
            throw new UsageException("--scale must be > 0 and --repeats >= 1");
        }
        boolean json = switch (format.toLowerCase(Locale.ROOT)) {
            case "table" -> false;
            case "json" -> true;
            default -> throw new UsageException("--format must be table or json");
        };
        PrintWriter out = spec.commandLine().getOut();
        List<BenchmarkCase> cases = new java.util.ArrayList<>(QuickBench.defaultCases(scale));
        if (only != null) {
            for (String name : only) {
                if (!name.equals("libor") && !name.equals("localvol") && !name.equals(SecondOrderBench.NAME) && cases.stream().noneMatch(c -> c.name().equals(name))) {
                    throw new UsageException("--case: unknown case '" + name
                            + "' (expected european, asian, basket-10, basket-50, heston, curves, localvol, libor or second-order)");
                }
            }
            cases.removeIf(c -> !only.contains(c.name()));
        }
        boolean libor = only == null || only.contains("libor");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        doc.put("cores", Runtime.getRuntime().availableProcessors());
        doc.put("repeats", repeats);
        doc.put("replay", BlockProgram.enabled());   // the adjoint engine: replayed, or recorded every block
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        if (!json && !cases.isEmpty()) {
            out.printf("%-10s %9s %5s %12s %10s %10s %10s %10s%n", "case", "paths", "greeks", "primal ms", "generic/p",
                    "adjoint/p", "bump/adj", "forward/adj");
        }
        for (BenchmarkCase c : cases) {
            QuickBench.CaseResult r = QuickBench.measure(c, repeats);
            if (json) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("case", r.name());
                row.put("paths", r.paths());
                row.put("sensitivities", r.sensitivities());
                Map<String, Object> methods = new LinkedHashMap<>();
                for (String m : QuickBench.METHODS) {
                    Map<String, Object> mm = new LinkedHashMap<>();
                    mm.put("median_seconds", r.medianSeconds().get(m));
                    mm.put("sensitivities", QuickBench.priceOnly(m) ? 0 : r.sensitivities());
                    mm.put("ratio_to_primal", r.ratio(m));
                    if (r.inProcessSeconds().containsKey(m)) {   // forked: the in-process time beside it
                        mm.put("in_process_median_seconds", r.inProcessSeconds().get(m));
                    }
                    methods.put(m, mm);
                }
                row.put("methods", methods);
                // the adjoint's memory is per block: the same at four times the paths
                long[] bytes = c.adjointBytes(c.paths());
                long[] bytes4 = c.adjointBytes(4 * c.paths());
                Map<String, Object> memory = new LinkedHashMap<>();
                memory.put("tape_bytes", bytes[0]);
                memory.put("replay_working_set_bytes", bytes[1]);
                memory.put("tape_bytes_at_4x_paths", bytes4[0]);
                memory.put("replay_working_set_bytes_at_4x_paths", bytes4[1]);
                row.put("adjoint_memory_per_block", memory);
                rows.add(row);
            } else {
                out.printf(Locale.ROOT, "%-10s %9d %5d %12.2f %10.2f %10.2f %10.2f %10.2f%n", r.name(), r.paths(),
                        r.sensitivities(), 1e3 * r.medianSeconds().get("primal"), r.ratio("generic"), r.ratio("adjoint"),
                        r.ratio("bump") / r.ratio("adjoint"), r.ratio("forward") / r.ratio("adjoint"));
                out.flush();
            }
        }
        if (cases.stream().anyMatch(c -> c.name().equals(CurveCase.NAME))) {
            CurvesQuickBench.Result r = CurvesQuickBench.measure(
                    cases.stream().filter(c -> c.name().equals(CurveCase.NAME)).findFirst().orElseThrow().paths(), repeats);
            if (json) {
                doc.put("curves", curvesJson(r));
            } else {
                printCurves(out, r);
            }
        }
        if (only != null && only.contains("localvol")) {
            LocalVolBench.report(out, doc, json, LocalVolQuickBench.measure(
                    Math.max(2, Math.round(LocalVolQuickBench.PATHS * scale)), repeats));
        }
        if (only == null || only.contains(SecondOrderBench.NAME)) {
            List<SecondOrderBench.Row> r = SecondOrderBench.measureForked(scale, repeats);
            if (json) {
                doc.put(SecondOrderBench.NAME, r);
            } else {
                printSecondOrder(out, r);
            }
        }
        if (libor) {
            // The LIBOR swaption book: its own methods (a hand-written adjoint instead of the generic pricer).
            QuickBench.CaseResult r = LiborQuickBench.measure(Math.max(2, Math.round(1000 * scale)), repeats);
            if (json) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("case", r.name());
                row.put("paths", r.paths());
                row.put("sensitivities", r.sensitivities());
                Map<String, Object> methods = new LinkedHashMap<>();
                for (String m : LiborQuickBench.METHODS) {
                    Map<String, Object> mm = new LinkedHashMap<>();
                    mm.put("median_seconds", r.medianSeconds().get(m));
                    mm.put("sensitivities", m.equals("primal") ? 0 : r.sensitivities());
                    mm.put("ratio_to_primal", r.ratio(m));
                    if (r.inProcessSeconds().containsKey(m)) {   // forked: the in-process time beside it
                        mm.put("in_process_median_seconds", r.inProcessSeconds().get(m));
                    }
                    methods.put(m, mm);
                }
                row.put("methods", methods);
                rows.add(row);
            } else {
                out.printf("%n%-10s %9s %5s %12s %10s %10s %10s %10s %10s%n", "case", "paths", "greeks", "primal ms",
                        "adjoint/p", "handwr/p", "adj/handwr", "bump/adj", "forward/adj");
                out.printf(Locale.ROOT, "%-10s %9d %5d %12.2f %10.2f %10.2f %10.2f %10.2f %10.2f%n", r.name(), r.paths(),
                        r.sensitivities(), 1e3 * r.medianSeconds().get("primal"), r.ratio("adjoint"),
                        r.ratio("handwritten"), r.ratio("adjoint") / r.ratio("handwritten"),
                        r.ratio("bump") / r.ratio("adjoint"), r.ratio("forward") / r.ratio("adjoint"));
                out.println("  (libor: bump and forward timed on 1/10 and 1/100 of the paths, scaled)");
            }
        }
        if (json) {
            doc.put("cases", rows);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        }
        out.flush();
        return 0;
    }

    /**
     * The second-order case: cost of every first- and second-order Greek by the shipped method
     * ({@code all}) and by differences of adjoints ({@code diff}) over the first-order adjoint, and gamma's error.
     */
    private static void printSecondOrder(PrintWriter out, List<SecondOrderBench.Row> rows) {
        out.printf("%n%-14s %8s %6s %10s %10s %10s %9s %10s %12s %10s %10s %10s %10s%n", "second-order", "paths",
                "2nd", "first ms", "all ms", "diff ms", "all/first", "diff/first", "kinked a/f", "all by",
                "gamma se", "diff se", "kinked se");
        for (SecondOrderBench.Row r : rows) {
            out.printf(Locale.ROOT, "%-14s %8d %6d %10.1f %10.1f %10.1f %9.2f %10.2f %12.2f %10s %10.3g %10.3g %10.3g%n",
                    r.trade(), r.paths(), r.secondOrderGreeks(), 1e3 * r.first(), 1e3 * r.all(),
                    1e3 * r.differences(), r.allOverFirst(), r.differencesOverFirst(), r.kinkedAllOverFirst(),
                    r.secondOrderMethod().equals(SecondOrderBench.TANGENT) ? "tangent" : "diff",
                    r.gammaStderr(), r.differencesGammaStderr(), r.kinkedGammaStderr());
        }
        out.println("  (targets: all/first <= 2.5 one asset, <= 6 basket-10. all: the shipped method, tangent-over-"
                + "adjoint on a smooth payoff, else differences; diff: differences of adjoint gradients at h and h/2"
                + " on the same payoff, the same run as all where all is diff; kinked: today's payoff, by differences)");
    }

    /** The curves case's targets: adjoint on curves over flat, bump of every pillar over adjoint, tape bytes per block. */
    private static void printCurves(PrintWriter out, CurvesQuickBench.Result r) {
        Map<String, Double> m = r.medianSeconds();
        out.printf(Locale.ROOT, "%ncurves (%d paths): adjoint on the curves (22 sensitivities) %.1f ms / adjoint flat "
                + "(4) %.1f ms = %.2f (target <= 1.3); bump of 20 pillars (41 pricings) %.1f ms / adjoint = %.1f "
                + "(target >= 15)%n", r.paths(), 1e3 * m.get(CurvesQuickBench.CURVES), 1e3 * m.get(CurvesQuickBench.FLAT),
                r.curveOverFlat(), 1e3 * m.get(CurvesQuickBench.BUMP), r.bumpOverAdjoint());
        out.printf(Locale.ROOT, "  tape high-water per block: curves %d bytes (%d lanes), flat %d bytes (%d lanes)%n",
                r.curveTapeBytes(), r.curveLanes(), r.flatTapeBytes(), r.flatLanes());
    }

    private static Map<String, Object> curvesJson(CurvesQuickBench.Result r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("paths", r.paths());
        o.put("median_seconds", r.medianSeconds());
        o.put("adjoint_curves_over_flat", r.curveOverFlat());
        o.put("bump_buckets_over_adjoint", r.bumpOverAdjoint());
        o.put("tape_bytes_per_block_curves", r.curveTapeBytes());
        o.put("lanes_curves", r.curveLanes());
        o.put("tape_bytes_per_block_flat", r.flatTapeBytes());
        o.put("lanes_flat", r.flatLanes());
        return o;
    }
}
