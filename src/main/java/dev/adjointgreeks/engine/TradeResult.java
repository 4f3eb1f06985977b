package dev.adjointgreeks.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers of one priced trade: {@code price}, {@code price_stderr}, then each Greek {@code g}
 * with {@code g_stderr} (compare: per method, and z-scores), in a fixed order.
 *
 * @param scenario the market scenario of the row ({@code base} or a shocks file's scenario name), or
 *                 null outside a {@code --shocks} run
 */
public record TradeResult(String id, String product, String model, String method, long paths, long seed,
        Map<String, Double> values, double timeMs, double quantity, String underlying, String scenario)
        implements java.io.Serializable {

    /** The name of the unshocked market in a scenario run. */
    public static final String BASE = "base";

    public TradeResult {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A row outside any scenario run. */
    public TradeResult(String id, String product, String model, String method, long paths, long seed,
            Map<String, Double> values, double timeMs, double quantity, String underlying) {
        this(id, product, model, method, paths, seed, values, timeMs, quantity, underlying, null);
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

    /** The same row with other values (same key columns, scenario and time). */
    public TradeResult withValues(Map<String, Double> v) {
        return new TradeResult(id, product, model, method, paths, seed, v, timeMs, quantity, underlying, scenario);
    }

    /** The same row in scenario {@code name}. */
    public TradeResult inScenario(String name) {
        return new TradeResult(id, product, model, method, paths, seed, values, timeMs, quantity, underlying, name);
    }
}
