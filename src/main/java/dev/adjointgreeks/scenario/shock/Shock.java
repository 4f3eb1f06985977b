package dev.adjointgreeks.scenario.shock;

/**
 * One row of a shocks file: in scenario {@code scenario}, move {@code factor} of the trades whose
 * {@code underlying} matches ({@code *} for all) and whose market is {@code market} (empty: any
 * market) by {@code shift}. For a curve factor ({@code discount_curve}, {@code dividend_curve}),
 * {@code bucket} names the one pillar moved, as written in the market file; empty moves every pillar.
 *
 * @param line the row's line in the shocks file, for messages that point back at it
 */
public record Shock(String scenario, String underlying, String factor, double shift, ShiftType type, String file,
        long line, String bucket, String market) implements java.io.Serializable {

    public static final String ALL = "*";

    public Shock {
        bucket = bucket == null ? "" : bucket;
        market = market == null ? "" : market;
    }

    /** A shock of every market, with no bucket (a shocks file without those columns). */
    public Shock(String scenario, String underlying, String factor, double shift, ShiftType type, String file,
            long line) {
        this(scenario, underlying, factor, shift, type, file, line, "", "");
    }

    public boolean matchesAll() {
        return ALL.equals(underlying);
    }

    /** Whether it moves a trade of market {@code name} (null: the trade names none). */
    public boolean matchesMarket(String name) {
        return market.isEmpty() || market.equals(name == null ? null : name.trim());
    }

    public double apply(double base) {
        return type.apply(base, shift);
    }

    /** {@code s.csv:6}, where the shock was written. */
    public String where() {
        return file + ":" + line;
    }
}
