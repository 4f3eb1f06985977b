package dev.adjointgreeks.product;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The products the scenario files can name, by word. The built-ins are found through
 * {@link ServiceLoader} ({@code META-INF/services/dev.adjointgreeks.product.ProductDescriptor}),
 * so nothing here or in the readers lists them; a test or an extension adds its own with
 * {@link #register}.
 */
public final class ProductTypes {

    private static final List<ProductDescriptor> BUILT_IN;
    private static final Map<String, ProductDescriptor> TYPES = new LinkedHashMap<>();

    static {
        List<ProductDescriptor> b = new ArrayList<>();
        for (ProductDescriptor d : ServiceLoader.load(ProductDescriptor.class, ProductDescriptor.class.getClassLoader())) {
            b.add(d);
            TYPES.put(d.word(), d);
        }
        BUILT_IN = List.copyOf(b);
    }

    private ProductTypes() {
    }

    /** Adds (or replaces) the product named {@code d.word()}. */
    public static synchronized void register(ProductDescriptor d) {
        TYPES.put(d.word(), d);
    }

    /** Removes a registered product (for tests that register their own). */
    public static synchronized void unregister(String word) {
        TYPES.remove(word);
    }

    /** The product named {@code word}, or null. */
    public static synchronized ProductDescriptor forWord(String word) {
        return word == null ? null : TYPES.get(word);
    }

    /** The registered products, in registration order. */
    public static synchronized List<ProductDescriptor> all() {
        return new ArrayList<>(TYPES.values());
    }

    /** The built-in products, in the order of the service file (what the README documents). */
    public static List<ProductDescriptor> builtIn() {
        return BUILT_IN;
    }
}
