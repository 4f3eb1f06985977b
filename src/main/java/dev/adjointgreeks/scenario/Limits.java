package dev.adjointgreeks.scenario;

/**
 * Upper bounds on the sizes a scenario may ask for, so that no row can exhaust memory or run for
 * days. Each bound admits every real use with room to spare (README, "Limits"); a row over a
 * bound is rejected with the bound in the message.
 */
public final class Limits {

    /** Paths per trade: 10^8, ~10^4 times the benchmark sizes (hours for one trade at the bound). */
    public static final long MAX_PATHS = 100_000_000L;

    private Limits() {
    }
}
