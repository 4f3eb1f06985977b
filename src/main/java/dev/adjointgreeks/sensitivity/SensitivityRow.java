package dev.adjointgreeks.sensitivity;

import java.util.List;

/**
 * One row of the long layout: a trade's (or a total's) value of one sensitivity. {@code factor} is
 * {@code price}, a Greek of the catalogue ({@code delta}, {@code vega}, ...), {@code discount_curve}
 * or {@code dividend_curve}; {@code bucket} is a curve pillar exactly as written in the market file,
 * or empty. {@code value} is the raw partial derivative in the input's units (the price for
 * {@code price}); {@code stderr} its Monte Carlo standard error, NaN where there is none
 * ({@code analytic}), written as an empty cell.
 */
public record SensitivityRow(String id, String market, String factor, String bucket, double value, double stderr) {

    /** The long layout's columns, in this order. */
    public static final List<String> COLUMNS = List.of("id", "market", "factor", "bucket", "value", "stderr");

    public SensitivityRow {
        if (id == null || market == null || factor == null || bucket == null) {
            throw new IllegalArgumentException("id, market, factor and bucket must not be null (empty if none)");
        }
        if (factor.isEmpty()) {
            throw new IllegalArgumentException("a sensitivity row needs a factor (id " + id + ")");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a sensitivity value must be finite (" + id + " " + factor + " "
                    + bucket + ": " + value + ")");
        }
        if (!Double.isNaN(stderr) && !(stderr >= 0 && Double.isFinite(stderr))) {
            throw new IllegalArgumentException("a standard error must be finite and >= 0, or NaN for none (" + id
                    + " " + factor + " " + bucket + ": " + stderr + ")");
        }
    }

    /**
     * One row per bucket of a curve factor: {@code labels} are the pillars as written, {@code values}
     * and {@code stderrs} (null where the method has none) the pillars' raw partial derivatives in
     * the same order.
     */
    public static List<SensitivityRow> buckets(String id, String market, String factor, List<String> labels,
            double[] values, double[] stderrs) {
        if (values.length != labels.size() || (stderrs != null && stderrs.length != labels.size())) {
            throw new IllegalArgumentException(factor + ": " + labels.size() + " buckets but " + values.length
                    + " values" + (stderrs == null ? "" : " and " + stderrs.length + " standard errors"));
        }
        List<SensitivityRow> rows = new java.util.ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            rows.add(new SensitivityRow(id, market, factor, labels.get(i), values[i],
                    stderrs == null ? Double.NaN : stderrs[i]));
        }
        return rows;
    }

    /** The key that totals sum over: (market, factor, bucket). */
    public Key key() {
        return new Key(market, factor, bucket);
    }

    /** A sensitivity of a market, whichever trade it belongs to. */
    public record Key(String market, String factor, String bucket) {
    }
}
