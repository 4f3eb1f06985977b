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

    /** The key that totals sum over: (market, factor, bucket). */
    public Key key() {
        return new Key(market, factor, bucket);
    }

    /** A sensitivity of a market, whichever trade it belongs to. */
    public record Key(String market, String factor, String bucket) {
    }
}
