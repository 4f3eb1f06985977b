package dev.adjointgreeks.crif;

import dev.adjointgreeks.curve.Pillar;

/**
 * The twelve SIMM interest-rate tenors, each with its CRIF {@code Label1} (lower case) and its time
 * in years by this project's tenor convention ({@code 2W} = 14/365, {@code 1M} = 1/12, {@code 1Y} = 1),
 * so a curve pillar written {@code 3M} or {@code 0.25} lies exactly on {@link #M3}.
 */
public enum SimmTenor {
    W2("2W"), M1("1M"), M3("3M"), M6("6M"), Y1("1Y"), Y2("2Y"), Y3("3Y"), Y5("5Y"), Y10("10Y"), Y15("15Y"),
    Y20("20Y"), Y30("30Y");

    private final String label;
    private final double years;

    SimmTenor(String tenor) {
        this.label = tenor.toLowerCase(java.util.Locale.ROOT);
        this.years = Pillar.parse("simm_tenor", tenor).years();
    }

    /** The CRIF {@code Label1}: {@code 2w}, {@code 1m}, ..., {@code 30y}. */
    public String label() {
        return label;
    }

    public double years() {
        return years;
    }

    /** The tenor whose CRIF label is {@code label} ({@code 2w} ... {@code 30y}). */
    public static SimmTenor ofLabel(String label) {
        for (SimmTenor t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a SIMM tenor: " + label);
    }
}
