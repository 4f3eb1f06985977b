package dev.adjointgreeks.scenario;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.adjointgreeks.engine.ModelTypes;
import dev.adjointgreeks.model.MarketInputs;
import dev.adjointgreeks.model.ModelDescriptor;
import dev.adjointgreeks.product.ProductTypes;
import dev.adjointgreeks.spec.Descriptor;
import dev.adjointgreeks.spec.Input;
import dev.adjointgreeks.spec.Range;

/**
 * What the scenario formats accept, derived from the registered descriptors and the trade's own
 * fields: the CSV columns, the JSON keys, the shock factors, and the README's table of input ranges. A model or
 * product registered at run time adds its fields here without an edit.
 */
public final class Descriptors {

    /** A JSON trade's reference to a shared market object. */
    public static final String MARKET_KEY = "market";

    private Descriptors() {
    }

    /** Every registered descriptor: models, then products. */
    private static List<Descriptor> registered() {
        List<Descriptor> all = new ArrayList<>(ModelTypes.descriptors());
        all.addAll(ProductTypes.all());
        return all;
    }

    /** The columns a CSV header may name: the trade's, and every registered model's and product's scalars. */
    public static Set<String> csvColumns() {
        Set<String> out = new LinkedHashSet<>();
        for (Input i : TradeFactory.TRADE_INPUTS) {
            out.add(i.field());
        }
        for (Descriptor d : registered()) {
            out.addAll(d.csvColumns());
        }
        return out;
    }

    /** The keys a JSON trade (with its market) may carry. */
    public static Set<String> jsonKeys() {
        Set<String> out = csvColumns();
        for (Descriptor d : registered()) {
            out.addAll(d.jsonKeys());
        }
        out.add(MARKET_KEY);
        out.addAll(MarketTags.KEYS);
        for (Input i : MarketInputs.SURFACE) {
            out.add(i.field());   // market data: a model that takes no surface refuses the trade (TradeFactory)
        }
        return out;
    }

    /** The factors a shocks file may move, sorted: every registered model's. */
    public static Set<String> shockFactors() {
        Set<String> out = new TreeSet<>();
        for (ModelDescriptor d : ModelTypes.descriptors()) {
            out.addAll(d.shockFactors());
        }
        return out;
    }

    /**
     * The README's "Input ranges" table, from the built-in descriptors: one row per range and
     * reason, listing the fields and the models or products that declare it.
     */
    public static String markdownInputTable() {
        Map<String, List<Set<String>>> rows = new LinkedHashMap<>();   // "range\u0000why" -> [fields, owners]
        List<Descriptor> builtIn = new ArrayList<>(ModelTypes.builtIn());
        builtIn.addAll(ProductTypes.builtIn());
        for (Descriptor d : builtIn) {
            for (Input i : d.inputs()) {
                add(rows, i, d.word());
            }
        }
        for (Input i : TradeFactory.TRADE_INPUTS) {
            add(rows, i, "all");
        }
        StringBuilder sb = new StringBuilder();
        sb.append("| input | model or product | range | why there |\n");
        sb.append("|---|---|---|---|\n");
        for (Map.Entry<String, List<Set<String>>> e : rows.entrySet()) {
            String[] key = e.getKey().split("\u0000", -1);
            List<String> fields = new ArrayList<>();
            for (String f : e.getValue().get(0)) {
                fields.add("`" + f + "`");
            }
            sb.append("| ").append(String.join(", ", fields)).append(" | ")
                    .append(String.join(", ", e.getValue().get(1))).append(" | ").append(key[0]).append(" | ")
                    .append(key[1]).append(" |\n");
        }
        return sb.toString();
    }

    /** A range for people: {@code [1e-6, 1e12]}, {@code (0, 1]}, {@code [0.00273973, 1]}. */
    static String shown(Range r) {
        return (r.lowOpen() ? "(" : "[") + shown(r.low()) + ", " + shown(r.high()) + (r.highOpen() ? ")" : "]");
    }

    private static String shown(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e6) {
            return Long.toString((long) d);
        }
        return new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros().toString().toLowerCase(Locale.ROOT)
                .replace("+", "");
    }

    private static void add(Map<String, List<Set<String>>> rows, Input i, String owner) {
        if (i.range() == null) {
            return;
        }
        String key = shown(i.range()) + "\u0000" + (i.why() == null ? "" : i.why());
        List<Set<String>> row = rows.computeIfAbsent(key, k -> List.of(new LinkedHashSet<>(), new LinkedHashSet<>()));
        row.get(0).add(i.shown());
        row.get(1).add(owner);
    }
}
