package dev.adjointgreeks.model;

import dev.adjointgreeks.curve.CurveError;
import dev.adjointgreeks.curve.CurveException;
import dev.adjointgreeks.curve.CurveQuotes;
import dev.adjointgreeks.spec.FieldException;
import dev.adjointgreeks.spec.Fields;
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

    /**
     * A discount curve's zero rates, one input per pillar (the JSON reader flattens the market's
     * {@code "discount_curve": {"tenors": [...], "zero_rates": [...]}} into this list and
     * {@link #DISCOUNT_PILLARS}). Its range, {@code [-1, 1]} as the flat rate's, is checked by the
     * model per pillar ({@code CurveQuotes.rangeError}), naming the pillar.
     */
    public static final Input DISCOUNT_CURVE = Input.list("discount_curve", "discount_curve", Role.DISCOUNT_CURVE);
    /** The discount curve's pillars as written, comma-separated (the buckets of its sensitivities). */
    public static final Input DISCOUNT_PILLARS = Input.term("discount_curve_pillars", Shape.LIST, Role.CONTRACT);
    /** A dividend (or borrow) curve's yields, one input per pillar; as {@link #DISCOUNT_CURVE}. */
    public static final Input DIVIDEND_CURVE = Input.list("dividend_curve", "dividend_curve", Role.DIVIDEND_CURVE);
    public static final Input DIVIDEND_PILLARS = Input.term("dividend_curve_pillars", Shape.LIST, Role.CONTRACT);

    /**
     * An implied-volatility surface's quotes, one input per (expiry, strike), row-major (the JSON
     * reader flattens the market's {@code "vol_surface": {"expiries": [...], "strikes": [...] or
     * "moneyness": [...], "vols": [[...], ...]}} into this list and the three fields below). Its
     * structure is checked by the reader (file-level); the range {@code (0, 5]}, as the flat vol's,
     * and the arbitrage checks by {@link SurfaceInput}, trade by trade.
     */
    public static final Input VOL_SURFACE = Input.list("vol_surface", "vol_surface", Role.VOL_SURFACE);
    /** The surface's expiries as written, comma-separated (JSON only, as the quotes). */
    public static final Input VOL_SURFACE_EXPIRIES = Input.term("vol_surface_expiries", Shape.LIST, Role.CONTRACT);
    /** The surface's strikes (or moneyness) as written, comma-separated. */
    public static final Input VOL_SURFACE_STRIKES = Input.term("vol_surface_strikes", Shape.LIST, Role.CONTRACT);
    /**
     * {@code strike} or {@code moneyness}: how the strikes are quoted. One word, but a surface is JSON
     * market data only, so it is declared with the surface's lists (no CSV column).
     */
    public static final Input VOL_SURFACE_AXIS = Input.term("vol_surface_axis", Shape.LIST, Role.CONTRACT);
    /** The four fields of a surface, for a descriptor's input list. */
    public static final java.util.List<Input> SURFACE = java.util.List.of(VOL_SURFACE, VOL_SURFACE_EXPIRIES,
            VOL_SURFACE_STRIKES, VOL_SURFACE_AXIS);

    /** The range of a curve's rates: today's flat {@code rate} and {@code dividend}'s. */
    static final double CURVE_LOW = -1.0;
    static final double CURVE_HIGH = 1.0;

    /**
     * The curve {@code field} of a row ({@code discount_curve}), with its pillars, as an input on
     * the tape; or the flat scalar {@code flat} when the row has no such curve. Faults name the
     * field: {@code discount_curve: rate at pillar 5Y must lie in [-1, 1] (value '3.0')}.
     */
    static CurveInput curveOrFlat(Fields f, Input curve, InputBlock flat, String flatField) {
        if (!f.has(curve.field())) {
            return CurveInput.flat(flat, f.number(flatField));
        }
        if (f.has(flatField)) {
            throw new FieldException(curve.field(), "ambiguous: the row has both " + flatField + " and "
                    + curve.field() + "; give one", f.text(flatField));
        }
        String pillars = f.text(curve.field() + "_pillars");
        if (pillars == null) {
            throw new FieldException(curve.field(), "has no pillars", null);
        }
        try {
            CurveQuotes q = CurveQuotes.parse(curve.field(), java.util.Arrays.asList(pillars.split(",", -1)),
                    f.numbers(curve.field()));
            java.util.Optional<CurveError> bad = q.rangeError(CURVE_LOW, CURVE_HIGH);
            if (bad.isPresent()) {
                throw new FieldException(curve.field(), bad.get().reason(), bad.get().value());
            }
            return CurveInput.curve(curve.block(), curve.role(), q);
        } catch (CurveException e) {
            throw new FieldException(curve.field(), e.error().reason(), e.error().value());
        }
    }

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
