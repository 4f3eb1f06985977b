package dev.adjointgreeks.scenario;

/** A field of a scenario row that is missing or not acceptable. */
public final class FieldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String column;
    private final String value;

    public FieldException(String column, String reason, String value) {
        super(reason);
        this.column = column;
        this.value = value;
    }

    public String column() {
        return column;
    }

    public String value() {
        return value;
    }
}
