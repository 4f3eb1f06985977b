package dev.adjointgreeks.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.TradeResult;

/**
 * Quantity-weighted sums of price and Greeks per underlying and overall. Trades have independent
 * random streams, so standard errors add in quadrature. A total's {@code time_ms} is the sum of its
 * trades' pricing times.
 */
public final class PortfolioTotals {

    private final List<String> valueColumns;
    private final Map<String, double[]> sums = new LinkedHashMap<>();
    private final Map<String, double[]> variances = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, Double> times = new LinkedHashMap<>();
    private static final String ALL = "";

    public PortfolioTotals(List<String> valueColumns) {
        this.valueColumns = valueColumns;
    }

    public void add(TradeResult r) {
        accumulate(ALL, r);
        if (r.underlying() != null && !r.underlying().isEmpty()) {
            accumulate(r.underlying(), r);
        }
    }

    private void accumulate(String key, TradeResult r) {
        double[] s = sums.computeIfAbsent(key, k -> new double[valueColumns.size()]);
        double[] v = variances.computeIfAbsent(key, k -> new double[valueColumns.size()]);
        counts.merge(key, 1, Integer::sum);
        times.merge(key, r.timeMs(), Double::sum);
        double q = r.quantity();
        for (int i = 0; i < valueColumns.size(); i++) {
            String c = valueColumns.get(i);
            if (c.endsWith("_stderr")) {
                continue;
            }
            Double x = r.values().get(c);
            if (x != null && !x.isNaN()) {
                s[i] += q * x;
                Double se = r.values().get(c + "_stderr");
                if (se != null && !se.isNaN()) {
                    v[i] += q * q * se * se;
                }
            }
        }
    }

    /** One row per underlying ({@code TOTAL:name}), then the overall {@code TOTAL}. */
    public List<TradeResult> rows(Method method) {
        List<TradeResult> out = new ArrayList<>();
        for (String key : sums.keySet()) {
            if (!key.equals(ALL)) {
                out.add(row("TOTAL:" + key, key, method));
            }
        }
        if (sums.containsKey(ALL)) {
            out.add(row("TOTAL", null, method));
        }
        return out;
    }

    private TradeResult row(String id, String key, Method method) {
        String k = key == null ? ALL : key;
        double[] s = sums.get(k);
        double[] v = variances.get(k);
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < valueColumns.size(); i++) {
            String c = valueColumns.get(i);
            if (c.endsWith("_stderr")) {
                values.put(c, Math.sqrt(v[valueColumns.indexOf(c.substring(0, c.length() - 7))]));
            } else {
                values.put(c, s[i]);
            }
        }
        return new TradeResult(id, "total", "total", method.word(), 0, 0, values, times.get(k), 1.0, key);
    }
}
