package dev.adjointgreeks.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import dev.adjointgreeks.model.ModelDescriptor;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.Underlying;

/**
 * The models the scenario files can name, by word. The built-ins are found through
 * {@link ServiceLoader} ({@code META-INF/services/dev.adjointgreeks.model.ModelDescriptor}), with
 * the closed forms the engine has for them; a test or an extension adds its own with one
 * {@link #register} call. Nothing else in the code lists models: the trade factory, the range
 * checks, the shock factors, the analytic engine and the output's {@code model} column all ask
 * this registry, the descriptors or the model itself.
 */
public final class ModelTypes {

    private static final List<ModelDescriptor> BUILT_IN;
    private static final Map<String, ModelType> TYPES = new LinkedHashMap<>();

    static {
        List<ModelDescriptor> b = new ArrayList<>();
        for (ModelDescriptor d : ServiceLoader.load(ModelDescriptor.class, ModelDescriptor.class.getClassLoader())) {
            b.add(d);
            TYPES.put(d.word(), new ModelType(d, ClosedFormTables.forModel(d.word())));
        }
        BUILT_IN = List.copyOf(b);
    }

    private ModelTypes() {
    }

    /** Adds (or replaces) a model without closed forms. */
    public static void register(ModelDescriptor descriptor) {
        register(descriptor, Analytic.NONE);
    }

    /** Adds (or replaces) a model and its closed forms. */
    public static void register(ModelDescriptor descriptor, Analytic analytic) {
        register(new ModelType(descriptor, analytic));
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
        return word == null ? null : TYPES.get(word);
    }

    /** The registered words, in registration order. */
    public static synchronized List<String> words() {
        return new ArrayList<>(TYPES.keySet());
    }

    /** The registered descriptors, in registration order. */
    public static synchronized List<ModelDescriptor> descriptors() {
        List<ModelDescriptor> out = new ArrayList<>();
        for (ModelType t : TYPES.values()) {
            out.add(t.descriptor());
        }
        return out;
    }

    /** The built-in descriptors, in the order of the service file (what the README documents). */
    public static List<ModelDescriptor> builtIn() {
        return BUILT_IN;
    }

    /** The words of the models that price products on {@code u}, in registration order. */
    public static synchronized List<String> wordsFor(Underlying u) {
        List<String> w = new ArrayList<>();
        for (ModelType t : TYPES.values()) {
            if (t.descriptor().underlyings().contains(u)) {
                w.add(t.word());
            }
        }
        return w;
    }

    /** The registered type of {@code model}, or null. */
    public static synchronized ModelType of(PathModel model) {
        for (ModelType t : TYPES.values()) {
            if (t.describes(model)) {
                return t;
            }
        }
        return null;
    }

    /** The closed forms of {@code model}'s type. */
    public static Analytic analytic(PathModel model) {
        ModelType t = of(model);
        return t == null ? Analytic.NONE : t.analytic();
    }

    /** "bs, heston or bachelier". */
    public static String list(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }
}
