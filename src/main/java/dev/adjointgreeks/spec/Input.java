package dev.adjointgreeks.spec;

import java.util.Locale;

/**
 * One field a model or product reads from a scenario row: the CSV column or JSON key, its shape,
 * its {@link Role}, its plausible {@link Range} and why the range is there, and the input block it
 * feeds (whose elements are differentiated) if any.
 *
 * <p>A shape's size comes from the data, never from the descriptor: a {@link Shape#LIST} holds one
 * value per asset, per curve pillar or per forward rate; a {@link Shape#MATRIX} one row per asset
 * (a correlation), per expiry (a volatility surface's expiries x strikes) or per swaption.
 *
 * @param field       the CSV column and JSON key, e.g. {@code spot}, {@code spots}, {@code heston_rho}
 * @param shape       a number, a list of numbers or a matrix; only scalars are CSV columns
 * @param role        what the field means; decides the Greek names of its block
 * @param block       the input block it feeds ({@code spot} for both {@code spot} and {@code spots}),
 *                    or null when the field is not differentiated (a word, a count, a payout)
 * @param range       where the numerics make sense, or null: not checked
 * @param why         why the range is there (the README's "Input ranges" table)
 * @param shockFactor whether a shocks file may move it (factor word: the block's name)
 */
public record Input(String field, Shape shape, Role role, String block, Range range, String why, boolean shockFactor) {

    /** How the values of a field are laid out; the sizes come from the row. */
    public enum Shape {
        /** One number or word: a CSV column or a JSON scalar. */
        SCALAR,
        /** A JSON list whose length the data decides (assets, pillars, forward rates). */
        LIST,
        /** A JSON list of lists whose dimensions the data decides (a correlation, expiries x strikes). */
        MATRIX
    }

    public Input {
        if (field == null || !field.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a field is lower-case letters, digits and '_' (value " + field + ")");
        }
        if (shape == null || role == null) {
            throw new IllegalArgumentException("field " + field + " needs a shape and a role");
        }
        if (shockFactor && block == null) {
            throw new IllegalArgumentException("field " + field + " is a shock factor but feeds no input block");
        }
    }

    /** A scalar field that feeds the block of the same name (a differentiated number). */
    public static Input number(String field, Role role) {
        return new Input(field, Shape.SCALAR, role, field, null, null, false);
    }

    /** A list that feeds block {@code block} ({@code spots} feeds {@code spot}). */
    public static Input list(String field, String block, Role role) {
        return new Input(field, Shape.LIST, role, block, null, null, false);
    }

    /** A matrix that feeds block {@code block}, or none (null). */
    public static Input matrix(String field, String block, Role role) {
        return new Input(field, Shape.MATRIX, role, block, null, null, false);
    }

    /** A field that is read but not differentiated: a word, a count, a payout, a list of weights. */
    public static Input term(String field, Shape shape, Role role) {
        return new Input(field, shape, role, null, null, null, false);
    }

    /** This field with a plausible range and its reason. */
    public Input range(Range r, String reason) {
        return new Input(field, shape, role, block, r, reason, shockFactor);
    }

    /** This field as a shock factor (a shocks file names it by its block). */
    public Input shocked() {
        return new Input(field, shape, role, block, range, why, true);
    }

    /** Whether the field is a CSV column (scalars only; lists and matrices are JSON). */
    public boolean csv() {
        return shape == Shape.SCALAR;
    }

    /** How the field appears in messages and tables: {@code spot}, {@code spots[i]}, {@code correlation[i][j]}. */
    public String shown() {
        switch (shape) {
            case LIST: return field + "[i]";
            case MATRIX: return field + "[i][j]";
            default: return field;
        }
    }

    /**
     * Refuses a value of this field outside its range, naming the element, the range and the value:
     * {@code vol: must be in [0, 5] under the bs model (README, Input ranges)}. A list or matrix
     * longer than {@code maxItems} is refused first.
     */
    public void check(Fields f, String model, int maxItems) {
        if (range == null || !f.has(field)) {
            return;
        }
        switch (shape) {
            case MATRIX: {
                double[][] m = f.matrix(field);
                if (m.length > maxItems) {
                    throw new FieldException(field, "has more than " + maxItems + " rows", null);
                }
                for (int i = 0; i < m.length; i++) {
                    for (int j = 0; j < m[i].length; j++) {
                        test(field + "[" + (i + 1) + "][" + (j + 1) + "]", m[i][j], model, Double.toString(m[i][j]));
                    }
                }
                return;
            }
            case LIST: {
                double[] v = f.numbers(field);
                if (v.length > maxItems) {
                    throw new FieldException(field, "has more than " + maxItems + " assets", null);
                }
                for (int i = 0; i < v.length; i++) {
                    test(field + "[" + (i + 1) + "]", v[i], model, Double.toString(v[i]));
                }
                return;
            }
            default:
                test(field, f.number(field), model, f.text(field));
        }
    }

    private void test(String column, double v, String model, String raw) {
        if (!range.contains(v)) {
            throw new FieldException(column, "must be in " + range.text() + " under the " + model.toLowerCase(Locale.ROOT)
                    + " model (README, Input ranges)", raw);
        }
    }
}
