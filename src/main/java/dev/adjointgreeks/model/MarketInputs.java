package dev.adjointgreeks.model;

import dev.adjointgreeks.spec.Input;
import dev.adjointgreeks.spec.Input.Shape;
import dev.adjointgreeks.spec.Range;
import dev.adjointgreeks.spec.Role;

/**
 * The scenario fields the equity models share, with their plausible ranges and the reasons for
 * them (the README's "Input ranges" table is generated from these). A model picks the ones it
 * reads in its descriptor and may declare its own ranges instead.
 */
public final class MarketInputs {

    private MarketInputs() {
    }

    private static final String POSITIVE_PRICE = "any listed underlying in any currency; at 1e-320 (subnormal) logs and"
            + " powers lose all precision, at 1e308 the first step overflows";
    private static final String RATE_WHY = "+-100% a year covers every currency outside hyperinflation; at 1,000 (a"
            + " fuzzed value) exp(-r T) underflows to 0 within a year and the Greeks came out empty";
    private static final String LOGNORMAL_VOL = "500% a year covers crypto and distressed names; beyond, the lognormal"
            + " mass sits where no path goes; 0 is allowed (every path the same)";

    /** A positive spot, for models of log-prices. */
    public static final Input SPOT = Input.number("spot", Role.SPOT).range(Range.closed(1e-6, 1e12), POSITIVE_PRICE)
            .shocked();
    public static final Input SPOTS = Input.list("spots", "spot", Role.SPOT).range(Range.closed(1e-6, 1e12), POSITIVE_PRICE)
            .shocked();
    /** A positive strike, for models of log-prices (a bound on the product's field). */
    public static final Input POSITIVE_STRIKE = Input.term("strike", Shape.SCALAR, Role.STRIKE)
            .range(Range.aboveTo(0, 1e12), "log-moneyness needs a positive strike");
    /** A lognormal volatility. */
    public static final Input VOL = Input.number("vol", Role.VOLATILITY).range(Range.closed(0, 5), LOGNORMAL_VOL).shocked();
    public static final Input VOLS = Input.list("vols", "vol", Role.VOLATILITY).range(Range.closed(0, 5), LOGNORMAL_VOL)
            .shocked();
    public static final Input RATE = Input.number("rate", Role.RATE).range(Range.closed(-1, 1), RATE_WHY).shocked();
    public static final Input DIVIDEND = Input.number("dividend", Role.DIVIDEND).range(Range.closed(-1, 1), RATE_WHY)
            .shocked();
    public static final Input DIVIDENDS = Input.list("dividends", "dividend", Role.DIVIDEND)
            .range(Range.closed(-1, 1), RATE_WHY).shocked();
    /** The correlation matrix of several assets (feeds the block {@code corr}: its pairs i &lt; j). */
    public static final Input CORRELATION = Input.matrix("correlation", "corr", Role.CORRELATION)
            .range(Range.closed(-1, 1), "and positive definite (checked by the model)");

    /** Today's dividends per asset, or none. */
    static double[] dividends(dev.adjointgreeks.spec.Fields f, int n) {
        return f.has("dividends") ? f.numbers("dividends") : new double[n];
    }

    /** The correlation matrix, or the identity. */
    static double[][] correlation(dev.adjointgreeks.spec.Fields f, int n) {
        if (f.has("correlation")) {
            return f.matrix("correlation");
        }
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            c[i][i] = 1.0;
        }
        return c;
    }
}
