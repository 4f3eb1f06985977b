package dev.adjointgreeks.product;

import java.util.Locale;

/** How an Asian option averages its fixings. */
public enum Averaging {
    ARITHMETIC, GEOMETRIC;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Averaging parse(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "arithmetic": return ARITHMETIC;
            case "geometric": return GEOMETRIC;
            default: throw new IllegalArgumentException("unknown averaging (expected arithmetic or geometric)");
        }
    }
}
