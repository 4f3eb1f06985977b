package dev.adjointgreeks.scenario.shock;

import java.util.Locale;

/** How a shock's shift moves an input. */
public enum ShiftType {
    /** A fraction of the input: {@code x (1 + shift)}; spot down 10% is {@code -0.10}. */
    RELATIVE,
    /** In the input's own units: {@code x + shift}; one vol point is {@code 0.01}, 50 bp is {@code 0.005}. */
    ABSOLUTE;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The shocked value of {@code base}. */
    public double apply(double base, double shift) {
        return this == RELATIVE ? base * (1.0 + shift) : base + shift;
    }

    /** {@code null} for a word that names no type. */
    public static ShiftType parse(String word) {
        for (ShiftType t : values()) {
            if (t.word().equals(word)) {
                return t;
            }
        }
        return null;
    }
}
