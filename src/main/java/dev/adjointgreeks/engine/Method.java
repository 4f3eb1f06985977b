package dev.adjointgreeks.engine;

import java.util.Locale;

/** How Greeks are computed. */
public enum Method {
    /** Monte Carlo, one adjoint sweep per path for every first-order Greek. */
    ADJOINT,
    /** Monte Carlo bump-and-revalue with common random numbers. */
    BUMP,
    /** Closed form where one exists. */
    ANALYTIC,
    /** Adjoint, bump and analytic side by side on the same random numbers. */
    COMPARE;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Method parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
