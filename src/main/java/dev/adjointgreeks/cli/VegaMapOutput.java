package dev.adjointgreeks.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.adjointgreeks.batch.TradeTask;
import dev.adjointgreeks.engine.GreeksEngine;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.report.VegaMap;
import dev.adjointgreeks.sensitivity.WideColumns;

/**
 * {@code --vega-map TRADE_ID FILE.png}: the heat map of one trade's vega per quote of its
 * volatility surface. The batch runs as asked (its output keeps the columns it was asked for); the
 * named trade is then priced once more on the same settings and paths with the quotes selected
 * ({@code d_vol_surface}), and their values drawn by {@link VegaMap}. A trade id that no priced
 * trade has, or a trade without a surface, is a usage error (exit 2) raised before the output file
 * is put in place.
 */
final class VegaMapOutput {

    private static final String FAMILY = "d_" + WideColumns.VOL_SURFACE;

    private final String id;
    private final Path png;
    private TradeTask task;

    private VegaMapOutput(String id, Path png) {
        this.id = id;
        this.png = png;
    }

    /** The option's two values, checked: an id and a writable PNG path; null when the option is absent. */
    static VegaMapOutput of(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() != 2 || values.get(0).isBlank()) {
            throw new UsageException("--vega-map needs a trade id and a PNG file: --vega-map TRADE_ID FILE.png");
        }
        Path png = Path.of(values.get(1));
        OutputPaths.check(png, "--vega-map");
        return new VegaMapOutput(values.get(0).trim(), png);
    }

    /** Notes the named trade's task when the batch prices it (its base row). */
    void priced(TradeTask t) {
        if (task == null && t != null && id.equals(t.id())) {
            task = t;
        }
    }

    /** Checks that the trade was priced and has quotes; writes the map. A compare run maps the adjoint's values. */
    void write(Method method) throws IOException {
        if (task == null) {
            throw new UsageException("--vega-map: no trade '" + id + "' was priced (no such id, or the trade was rejected)");
        }
        Method m = method == Method.COMPARE ? Method.ADJOINT : method;
        TradeResult r = GreeksEngine.price(task.trade(), m, task.settings().withGreeks(Set.of(FAMILY)));
        List<String> expiries = new ArrayList<>();
        List<String> strikes = new ArrayList<>();
        List<double[]> cells = new ArrayList<>();   // {expiry index, strike index, value}
        for (Map.Entry<String, Double> e : r.values().entrySet()) {
            String c = e.getKey();
            if (!c.startsWith(FAMILY + "_") || c.endsWith("_stderr")) {
                continue;
            }
            String[] quote = WideColumns.of(c).bucket().split("/", 2);
            if (!expiries.contains(quote[0])) {
                expiries.add(quote[0]);
            }
            if (!strikes.contains(quote[1])) {
                strikes.add(quote[1]);
            }
            cells.add(new double[] {expiries.indexOf(quote[0]), strikes.indexOf(quote[1]), e.getValue()});
        }
        if (cells.isEmpty()) {
            throw new UsageException("--vega-map: trade '" + id + "' has no volatility surface");
        }
        double[][] vegas = new double[expiries.size()][strikes.size()];
        for (double[] c : cells) {
            vegas[(int) c[0]][(int) c[1]] = c[2];
        }
        VegaMap.write(png, "vega per quote: " + id + " (" + r.product() + ", " + r.model() + ", " + m.word() + ")",
                expiries, strikes, vegas);
    }
}
