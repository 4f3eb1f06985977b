package dev.adjointgreeks.product;

import java.util.Locale;

/** Call or put: the sign of the payoff's underlying minus strike. */
public enum OptionType {
    CALL(1.0), PUT(-1.0);

    private final double sign;

    OptionType(double sign) {
        this.sign = sign;
    }

    public double sign() {
        return sign;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OptionType parse(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "call": return CALL;
            case "put": return PUT;
            default: throw new IllegalArgumentException("unknown option type (expected call or put)");
        }
    }
}
