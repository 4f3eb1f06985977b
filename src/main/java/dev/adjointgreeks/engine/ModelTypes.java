package dev.adjointgreeks.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.adjointgreeks.model.BachelierModel;
import dev.adjointgreeks.model.BlackScholesModel;
import dev.adjointgreeks.model.HestonModel;
import dev.adjointgreeks.model.MarketData;
import dev.adjointgreeks.model.MultiAssetModel;
import dev.adjointgreeks.model.PathModel;

/**
 * The models the scenario files can name, by word. The built-ins are registered here; a test or
 * an extension adds its own with {@link #register}. Nothing else in the code lists models: the
 * trade factory, the analytic engine and the output's {@code model} column all ask this registry
 * or the model itself.
 */
public final class ModelTypes {

    private static final Map<String, ModelType> TYPES = new LinkedHashMap<>();

    static {
        register(new ModelType("bs",
                m -> new BlackScholesModel(m.number("spot"), m.number("vol"), m.number("rate"), m.number("dividend")),
                m -> {
                    double[] spots = m.numbers("spots");
                    return new MultiAssetModel(spots, m.numbers("vols"), dividends(m, spots.length), m.number("rate"),
                            correlation(m, spots.length));
                },
                ClosedFormTables.BLACK_SCHOLES));
        register(new ModelType("heston", ModelTypes::heston, null, ClosedFormTables.HESTON));
        register(new ModelType("bachelier",
                m -> new BachelierModel(m.number("spot"), m.number("vol"), m.number("rate"), m.number("dividend")),
                m -> {
                    double[] spots = m.numbers("spots");
                    return new BachelierModel(spots, m.numbers("vols"), dividends(m, spots.length), m.number("rate"),
                            correlation(m, spots.length));
                },
                ClosedFormTables.BACHELIER));
    }

    private ModelTypes() {
    }

    /** Adds (or replaces) the model named {@code type.word()}. */
    public static synchronized void register(ModelType type) {
        TYPES.put(type.word(), type);
    }

    /** Removes a registered model (for tests that register their own). */
    public static synchronized void unregister(String word) {
        TYPES.remove(word);
    }

    /** The model named {@code word}, or null. */
    public static synchronized ModelType forWord(String word) {
        return TYPES.get(word);
    }

    /** The registered words, in registration order. */
    public static synchronized List<String> words() {
        return new ArrayList<>(TYPES.keySet());
    }

    /** The words of the models that offer multi-asset products. */
    public static synchronized List<String> multiAssetWords() {
        List<String> w = new ArrayList<>();
        for (ModelType t : TYPES.values()) {
            if (t.multiAsset() != null) {
                w.add(t.word());
            }
        }
        return w;
    }

    /** The closed forms of {@code model}'s type. */
    public static Analytic analytic(PathModel model) {
        synchronized (ModelTypes.class) {
            for (ModelType t : TYPES.values()) {
                if (t.describes(model)) {
                    return t.analytic();
                }
            }
        }
        return Analytic.NONE;
    }

    /** "bs, heston or bachelier". */
    public static String list(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private static PathModel heston(MarketData m) {
        if (m.has("vol")) {
            throw new IllegalArgumentException("vol must be empty for the Heston model (its variance is heston_v0)");
        }
        return new HestonModel(m.number("spot"), m.number("heston_v0"), m.number("heston_kappa"),
                m.number("heston_theta"), m.number("heston_xi"), m.number("heston_rho"), m.number("rate"),
                m.number("dividend"));
    }

    private static double[] dividends(MarketData m, int n) {
        return m.has("dividends") ? m.numbers("dividends") : new double[n];
    }

    private static double[][] correlation(MarketData m, int n) {
        if (m.has("correlation")) {
            return m.matrix("correlation");
        }
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            c[i][i] = 1.0;
        }
        return c;
    }
}
