package dev.adjointgreeks.spec;

/**
 * A field of a trade that is missing or not acceptable, as a value: the column (JSON key) it
 * names, the reason, and the value as the row wrote it. Raised where the check is made (a reader,
 * a model, a product), so nobody reads a column back out of a message.
 *
 * <p>A model or product often sees only the parsed number, not the row's text. It raises
 * {@link #FieldException(String, String)}; the trade factory, which holds the row, fills in the
 * row's text with {@link #quoting}. A column with an element ({@code weights[2]},
 * {@code correlation[1][2]}) quotes the whole field ({@code weights}).
 */
public final class FieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String column;
    private final String reason;
    private final String value;
    private final boolean rowValue;

    /**
     * @param column the column, or null for the row as a whole
     * @param reason why, e.g. {@code must be >= 0}
     * @param value  the value as written, or null
     */
    public FieldException(String column, String reason, String value) {
        this(column, reason, value, false);
    }

    /** A refusal of {@code column} whose value is the row's own text of it, filled in by {@link #quoting}. */
    public FieldException(String column, String reason) {
        this(column, reason, null, true);
    }

    private FieldException(String column, String reason, String value, boolean rowValue) {
        super(message(column, reason, value));
        this.column = column;
        this.reason = reason;
        this.value = value;
        this.rowValue = rowValue;
    }

    private static String message(String column, String reason, String value) {
        String m = column == null ? reason : column + ": " + reason;
        return value == null ? m : m + " (value " + value + ")";
    }

    /** The column, or null for the row as a whole. */
    public String column() {
        return column;
    }

    /** Why the field is refused, without its column or value. */
    public String reason() {
        return reason;
    }

    /** The value as written, or null. */
    public String value() {
        return value;
    }

    /** This refusal with the row's text of its column as the value, where the check saw only a number. */
    public FieldException quoting(Fields row) {
        if (!rowValue || column == null) {
            return this;
        }
        int bracket = column.indexOf('[');
        String field = bracket < 0 ? column : column.substring(0, bracket);
        FieldException e = new FieldException(column, reason, row.text(field), false);
        e.setStackTrace(getStackTrace());
        return e;
    }
}
