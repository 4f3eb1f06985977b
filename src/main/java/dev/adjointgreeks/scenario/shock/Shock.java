package dev.adjointgreeks.scenario.shock;

/**
 * One row of a shocks file: in scenario {@code scenario}, move {@code factor} of the trades whose
 * {@code underlying} matches ({@code *} for all) by {@code shift}.
 *
 * @param line the row's line in the shocks file, for messages that point back at it
 */
public record Shock(String scenario, String underlying, String factor, double shift, ShiftType type, String file,
        long line) implements java.io.Serializable {

    public static final String ALL = "*";

    public boolean matchesAll() {
        return ALL.equals(underlying);
    }

    public double apply(double base) {
        return type.apply(base, shift);
    }

    /** {@code s.csv:6}, where the shock was written. */
    public String where() {
        return file + ":" + line;
    }
}
