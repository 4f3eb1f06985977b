package dev.adjointgreeks.spec;

/**
 * What an input means to a trade, whatever its name. Greek names, signs and second-order bumps
 * derive from the role alone: the {@link #SPOT} block's Greeks are {@code delta} (and the gammas),
 * the {@link #VOLATILITY} block's {@code vega}, the {@link #MATURITY}'s {@code theta} (reported as
 * {@code -dV/dT}); a role without a Greek name of its own gives {@code d_} and the block's name
 * ({@code d_strike}, {@code d_heston_kappa}, {@code d_cev_beta}).
 */
public enum Role {
    /** Today's price of an underlying. */
    SPOT("delta", "spot"),
    /** A Black-Scholes or normal volatility of an underlying: vanna and volga pair it with the spot. */
    VOLATILITY("vega", "volatility"),
    /** The continuously compounded risk-free rate. */
    RATE("rho", "rate"),
    /** A continuous dividend (or repo, or foreign rate) yield. */
    DIVIDEND("dividend_rho", "dividend"),
    /**
     * The continuously compounded zero rates of a discount curve, one input per pillar: the
     * bucketed rho ({@code d_discount_curve_<pillar>}); their sum is {@code rho}.
     */
    DISCOUNT_CURVE(null, "discount curve"),
    /**
     * The yields of a dividend (or borrow) curve, one input per pillar: the bucketed dividend rho
     * ({@code d_dividend_curve_<pillar>}); their sum is {@code dividend_rho}.
     */
    DIVIDEND_CURVE(null, "dividend curve"),
    /**
     * The quotes of an implied-volatility surface, one input per (expiry, strike), labelled
     * {@code <expiry>/<strike>} as written: the vega per quote ({@code d_vol_surface_1Y_90}, bucket
     * {@code 1Y/90}); their sum is {@code vega}.
     */
    VOL_SURFACE(null, "volatility surface"),
    /** The time to the trade's last date, in years. */
    MATURITY("theta", "maturity"),
    /** A contract's strike. */
    STRIKE(null, "strike"),
    /** A contract's barrier level. */
    BARRIER(null, "barrier"),
    /** A correlation between two underlyings. */
    CORRELATION(null, "correlation"),
    /** A forward rate of a curve. */
    FORWARD_RATE(null, "forward rate"),
    /** The volatility of a forward rate. */
    FORWARD_VOLATILITY(null, "forward-rate volatility"),
    /** A model's own parameter (Heston's mean reversion, a CEV exponent, a LIBOR accrual period). */
    MODEL_PARAMETER(null, "model parameter"),
    /** A contract term that is not differentiated: a payout, a rebate, weights, a number of fixings, a word. */
    CONTRACT(null, "contract term"),
    /** A field of the trade itself: its id, words, quantity and run settings. */
    TRADE(null, "trade");

    private final String greek;
    private final String description;

    Role(String greek, String description) {
        this.greek = greek;
        this.description = description;
    }

    /** The Greek family of a block of this role named {@code block}: {@code delta}, or {@code d_block}. */
    public String greekFamily(String block) {
        return greek != null ? greek : "d_" + block;
    }

    /** Whether the role names its Greeks itself ({@code delta}) rather than after the block ({@code d_strike}). */
    public boolean namesItsGreek() {
        return greek != null;
    }

    /** Whether the role's inputs are the pillars of a curve (bucketed Greeks, reported only on request). */
    public boolean curve() {
        return this == DISCOUNT_CURVE || this == DIVIDEND_CURVE;
    }

    /**
     * Whether the role's inputs are buckets (a curve's pillars, a surface's quotes): reported with
     * their parallel sum ({@link #parallel}) always, and one by one only on request.
     */
    public boolean bucketed() {
        return curve() || this == VOL_SURFACE;
    }

    /**
     * The flat role whose Greek is the parallel sum of a bucketed role's inputs ({@code rho},
     * {@code dividend_rho}, {@code vega}), or null.
     */
    public Role parallel() {
        switch (this) {
            case DISCOUNT_CURVE: return RATE;
            case DIVIDEND_CURVE: return DIVIDEND;
            case VOL_SURFACE: return VOLATILITY;
            default: return null;
        }
    }

    /** Reported value = sign x partial derivative: -1 for the maturity (theta = -dV/dT), else +1. */
    public double greekSign() {
        return this == MATURITY ? -1.0 : 1.0;
    }

    /** Whether a second-order bump of an input of this role is relative to its value (spots), not absolute. */
    public boolean relativeBump() {
        return this == SPOT;
    }

    /** A few words, for tables. */
    public String description() {
        return description;
    }
}
