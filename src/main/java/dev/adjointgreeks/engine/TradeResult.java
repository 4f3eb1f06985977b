package dev.adjointgreeks.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers of one priced trade: {@code price}, {@code price_stderr}, then each Greek {@code g}
 * with {@code g_stderr} (compare: per method, and z-scores), in a fixed order.
 */
public record TradeResult(String id, String product, String model, String method, long paths, long seed,
        Map<String, Double> values, double timeMs, double quantity, String underlying) implements java.io.Serializable {

    public TradeResult {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public double get(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no value '" + name + "' in " + values.keySet());
        }
        return v;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }
}
