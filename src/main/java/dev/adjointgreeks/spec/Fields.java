package dev.adjointgreeks.spec;

import java.util.Locale;

/**
 * Typed access to one row's named fields (a CSV record or a JSON object), with errors that name
 * the column and quote the value.
 */
public interface Fields {

    /** The raw text of a field, or null when absent or empty. */
    String text(String column);

    default boolean has(String column) {
        return text(column) != null;
    }

    default String requiredText(String column) {
        String t = text(column);
        if (t == null) {
            throw new FieldException(column, "is required", null);
        }
        return t;
    }

    default String word(String column, String fallback) {
        String t = text(column);
        return t == null ? fallback : t.trim().toLowerCase(Locale.ROOT);
    }

    default double number(String column) {
        return parse(column, requiredText(column));
    }

    default double number(String column, double fallback) {
        String t = text(column);
        return t == null ? fallback : parse(column, t);
    }

    default long whole(String column, long fallback) {
        String t = text(column);
        if (t == null) {
            return fallback;
        }
        try {
            return Long.parseLong(t.trim());
        } catch (NumberFormatException e) {
            throw new FieldException(column, "is not a whole number", t);
        }
    }

    /** A positive whole number, or {@code fallback} (0: the run's default) when absent. */
    default int positiveInt(String column, int fallback) {
        if (!has(column)) {
            return fallback;
        }
        long v = whole(column, fallback);
        if (v <= 0) {
            throw new FieldException(column, "must be > 0", text(column));
        }
        if (v > Integer.MAX_VALUE) {
            throw new FieldException(column, "is too large", text(column));
        }
        return (int) v;
    }

    default double[] numbers(String column) {
        throw new FieldException(column, "lists are only accepted in JSON scenario files", text(column));
    }

    default double[][] matrix(String column) {
        throw new FieldException(column, "matrices are only accepted in JSON scenario files", text(column));
    }

    static double parse(String column, String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new FieldException(column, "is not a number", text);
        }
        if (Double.isNaN(v)) {
            throw new FieldException(column, "is NaN", text);
        }
        if (Double.isInfinite(v)) {
            throw new FieldException(column, "is not finite", text);
        }
        return v;
    }
}
