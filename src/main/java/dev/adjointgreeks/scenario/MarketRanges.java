package dev.adjointgreeks.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plausible ranges of the market and contract inputs, per model: where a model's numerics stop
 * making sense, an input is refused with the range in the message instead of producing a number
 * nobody should trust. Each bound and its reason is in the README ("Input ranges"). The batch rule
 * still rejects any result that is not finite; these ranges say up front what is supported.
 */
public final class MarketRanges {

    /**
     * One input's range; {@code lowOpen}/{@code highOpen} exclude the end.
     */
    public record Range(String column, double low, boolean lowOpen, double high, boolean highOpen) {

        boolean contains(double v) {
            return (lowOpen ? v > low : v >= low) && (highOpen ? v < high : v <= high);
        }

        String text() {
            return (lowOpen ? "(" : "[") + fmt(low) + ", " + fmt(high) + (highOpen ? ")" : "]");
        }

        private static String fmt(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e6 ? Long.toString((long) d) : Double.toString(d);
        }
    }

    public static Range closed(String c, double lo, double hi) {
        return new Range(c, lo, false, hi, false);
    }

    /** Inputs of every model and product. */
    public static final List<Range> COMMON = List.of(
            closed("maturity", 1e-4, 100),
            closed("rate", -1, 1),
            closed("dividend", -1, 1),
            closed("barrier", 1e-6, 1e12),
            closed("rebate", 0, 1e12),
            closed("payout", -1e12, 1e12),
            closed("quantity", -1e12, 1e12),
            closed("weights", -1e6, 1e6),
            closed("correlation", -1, 1));

    /** Lognormal models: a strike above 0 (log-moneyness). */
    private static final Range POSITIVE_STRIKE = new Range("strike", 0, true, 1e12, false);

    /** Inputs by model word: the built-in models; {@link #register} adds others. */
    private static final Map<String, List<Range>> BY_MODEL = new ConcurrentHashMap<>(Map.of(
            "bs", List.of(closed("spot", 1e-6, 1e12), POSITIVE_STRIKE, closed("vol", 0, 5),
                    closed("spots", 1e-6, 1e12), closed("vols", 0, 5), closed("dividends", -1, 1)),
            "heston", List.of(closed("spot", 1e-6, 1e12), POSITIVE_STRIKE, closed("heston_v0", 0, 4), closed("heston_theta", 0, 4),
                    closed("heston_kappa", 0, 100), closed("heston_xi", 0, 10),
                    new Range("heston_rho", -1, true, 1, true)),
            "bachelier", List.of(closed("spot", -1e12, 1e12), closed("strike", -1e12, 1e12), closed("vol", 0, 1e12),
                    closed("spots", -1e12, 1e12), closed("vols", 0, 1e12), closed("dividends", -1, 1))));

    /** Models whose trades list their assets in JSON lists. */
    private static final List<String> LISTS = List.of("spots", "vols", "dividends", "weights");

    private MarketRanges() {
    }

    /**
     * Declares the plausible ranges of a model's inputs (a model registered at run time, such as
     * the LIBOR market model), replacing any the model had; document them in the README's table.
     */
    public static void register(String modelWord, List<Range> ranges) {
        BY_MODEL.put(modelWord.toLowerCase(Locale.ROOT), List.copyOf(ranges));
    }

    /** The ranges of a model's own inputs (the common ones apply too), or an empty list. */
    public static List<Range> of(String modelWord) {
        return BY_MODEL.getOrDefault(modelWord.toLowerCase(Locale.ROOT), List.of());
    }

    /** Refuses an input outside its model's range, naming the column, the range and the value. */
    public static void check(Fields f) {
        String model = f.word("model", "bs");
        List<Range> own = BY_MODEL.get(model);
        String product = f.word("product", "");
        boolean multi = product.equals("basket") || product.equals("exchange");
        if (own != null) {
            check(f, own, model, multi);
        }
        check(f, COMMON, model, multi);
    }

    private static void check(Fields f, List<Range> ranges, String model, boolean multi) {
        for (Range r : ranges) {
            String c = r.column();
            if (c.equals("correlation")) {
                if (multi && f.has(c)) {
                    double[][] m = f.matrix(c);
                    if (m.length > Limits.MAX_ASSETS) {
                        throw new FieldException(c, "has more than " + Limits.MAX_ASSETS + " rows", null);
                    }
                    for (int i = 0; i < m.length; i++) {
                        for (int j = 0; j < m[i].length; j++) {
                            test(r, c + "[" + (i + 1) + "][" + (j + 1) + "]", m[i][j], model, Double.toString(m[i][j]));
                        }
                    }
                }
            } else if (LISTS.contains(c) || isList(f, c)) {
                if ((multi || !LISTS.contains(c)) && f.has(c)) {
                    double[] v = f.numbers(c);
                    if (v.length > Limits.MAX_ASSETS) {
                        throw new FieldException(c, "has more than " + Limits.MAX_ASSETS + " assets", null);
                    }
                    for (int i = 0; i < v.length; i++) {
                        test(r, c + "[" + (i + 1) + "]", v[i], model, Double.toString(v[i]));
                    }
                }
            } else if (f.has(c)) {
                test(r, c, f.number(c), model, f.text(c));
            }
        }
    }

    /** A JSON list (a registered model's vector input, e.g. forward rates). */
    private static boolean isList(Fields f, String c) {
        String t = f.text(c);
        return t != null && t.startsWith("[") && !t.startsWith("[[");
    }

    private static void test(Range r, String column, double v, String model, String raw) {
        if (!r.contains(v)) {
            throw new FieldException(column, "must be in " + r.text() + " under the " + model.toLowerCase(Locale.ROOT)
                    + " model (README, Input ranges)", raw);
        }
    }
}
