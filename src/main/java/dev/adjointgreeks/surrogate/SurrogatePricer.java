package dev.adjointgreeks.surrogate;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.mc.PricingProblem;

/**
 * Prices trades with a surrogate: checks that a trade is the one the surrogate learned (same
 * product, model, option terms and fixed inputs) and that its varying inputs lie in the trained
 * domain, then reads price and Greeks off the network. One per thread.
 */
public final class SurrogatePricer {

    /** Why a trade cannot be priced by this surrogate: the field and the reason. */
    public record Mismatch(String column, String reason, String value) {
    }

    /** A priced trade: price, Greeks by output name, and the inputs found outside the domain. */
    public record Priced(double price, Map<String, Double> greeks, List<String> outside) {
    }

    private final Surrogate surrogate;
    private final PricingProblem trained;
    private final Map<String, String> terms;
    private final int[] varying;
    private final Surrogate.Evaluator evaluator;
    private final double[] x;
    private final double[] out;
    private final double[] signs;

    public SurrogatePricer(Surrogate s) {
        surrogate = s;
        trained = s.problem();
        terms = terms(s.spec().trade());
        varying = new int[s.spec().inputs()];
        for (int j = 0; j < varying.length; j++) {
            varying[j] = trained.indexOf(s.spec().vary().get(j).name());
        }
        evaluator = s.evaluator();
        x = new double[varying.length];
        out = new double[varying.length + 1];
        signs = GreekColumns.signs(s.spec());
    }

    /** Output names of the Greeks this surrogate gives, in order. */
    public List<String> greekNames() {
        return List.of(GreekColumns.of(surrogate.spec()));
    }

    /** Null if the surrogate can price {@code trade}, else the first difference found. */
    public Mismatch mismatch(Trade trade) {
        PricingProblem p;
        try {
            p = trade.problem();
        } catch (IllegalArgumentException e) {
            return new Mismatch("product", e.getMessage(), null);
        }
        if (!p.product().kind().equals(trained.product().kind())) {
            return new Mismatch("product", "the surrogate was trained on product '" + trained.product().kind() + "'",
                    p.product().kind());
        }
        String model = surrogate.spec().trade().modelName();
        if (!trade.modelName().equals(model)) {
            return new Mismatch("model", "the surrogate was trained on model '" + model + "'", trade.modelName());
        }
        if (!Arrays.equals(p.inputNames(), trained.inputNames())) {
            return new Mismatch("product", "the trade's inputs (" + String.join(", ", p.inputNames())
                    + ") are not the trained ones (" + String.join(", ", trained.inputNames()) + ")", null);
        }
        Map<String, String> t = terms(trade);
        for (Map.Entry<String, String> e : terms.entrySet()) {
            if (!e.getValue().equals(t.get(e.getKey()))) {
                return new Mismatch(e.getKey(), "the surrogate was trained with " + e.getKey() + " " + e.getValue(),
                        t.get(e.getKey()));
            }
        }
        if (p.steps() != trained.steps()) {
            return new Mismatch("steps", "the surrogate was trained with " + trained.steps() + " steps",
                    Integer.toString(p.steps()));
        }
        double[] v = p.inputValues();
        double[] w = trained.inputValues();
        String[] names = p.inputNames();
        for (int i = 0; i < v.length; i++) {
            if (isVarying(i)) {
                continue;
            }
            if (Math.abs(v[i] - w[i]) > 1e-12 * Math.max(1.0, Math.abs(w[i]))) {
                return new Mismatch(names[i], "fixed at " + w[i] + " in the trained surrogate", Double.toString(v[i]));
            }
        }
        return null;
    }

    private boolean isVarying(int i) {
        for (int k : varying) {
            if (k == i) {
                return true;
            }
        }
        return false;
    }

    /** Price and Greeks of a trade that passed {@link #mismatch}. */
    public Priced price(Trade trade) {
        double[] v = trade.problem().inputValues();
        List<String> outside = new java.util.ArrayList<>();
        for (int j = 0; j < varying.length; j++) {
            x[j] = v[varying[j]];
            InputRange r = surrogate.spec().vary().get(j);
            if (!r.contains(x[j])) {
                outside.add(r.name() + " " + x[j] + " outside [" + r.lower() + ", " + r.upper() + "]");
            }
        }
        evaluator.priceAndGreeks(x, out);
        Map<String, Double> greeks = new LinkedHashMap<>();
        List<String> names = greekNames();
        for (int j = 0; j < varying.length; j++) {
            greeks.put(names.get(j), signs[j] * out[1 + j]);
        }
        return new Priced(out[0], greeks, outside);
    }

    /**
     * The terms of a trade that are not inputs of its pricing function (option type, barrier kind,
     * fixings, basket weights...): every record component of the product and the model whose name is
     * not an input name, as text.
     */
    static Map<String, String> terms(Trade trade) {
        Map<String, String> m = new LinkedHashMap<>();
        PricingProblem p = trade.problem();
        List<String> inputs = Arrays.asList(p.inputNames());
        for (Object o : new Object[] {trade.product(), trade.model()}) {
            if (!o.getClass().isRecord()) {
                continue;
            }
            for (RecordComponent c : o.getClass().getRecordComponents()) {
                String name = c.getName();
                if (inputs.contains(name) || coveredByIndexedInputs(name, inputs)) {
                    continue;
                }
                try {
                    Object v = c.getAccessor().invoke(o);
                    m.put(name, text(v));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return m;
    }

    /** {@code spots} is covered by {@code spot_1, spot_2, ...}; {@code correlation} by {@code corr_i_j}. */
    private static boolean coveredByIndexedInputs(String component, List<String> inputs) {
        String stem = component.endsWith("s") ? component.substring(0, component.length() - 1) : component;
        if (component.equals("correlation")) {
            stem = "corr";
        }
        for (String in : inputs) {
            if (in.startsWith(stem + "_")) {
                return true;
            }
        }
        return false;
    }

    private static String text(Object v) {
        if (v instanceof double[] d) {
            return Arrays.toString(d);
        }
        if (v instanceof double[][] d) {
            return Arrays.deepToString(d);
        }
        if (v instanceof int[] d) {
            return Arrays.toString(d);
        }
        return String.valueOf(v);
    }
}
