package dev.adjointgreeks.model;

/**
 * A scenario's market and model fields, by column name, as a model's factory reads them. The
 * readers' errors (a missing or malformed value) name the column; a factory's own refusals are
 * {@link IllegalArgumentException}s whose message starts with the column name.
 */
public interface MarketData {

    boolean has(String column);

    /** A required number. */
    double number(String column);

    double number(String column, double fallback);

    /** A list (JSON only). */
    double[] numbers(String column);

    /** A matrix (JSON only). */
    double[][] matrix(String column);
}
