package dev.adjointgreeks.model;

import static dev.adjointgreeks.model.MarketBlocks.SPOT;

import java.util.EnumSet;
import java.util.Set;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.Decimal64;

import dev.adjointgreeks.curve.ZeroCurve;
import dev.adjointgreeks.spec.FieldException;
import dev.adjointgreeks.surface.StrikeKind;
import dev.adjointgreeks.surface.VolSurface;

/**
 * Black-Scholes on an implied-volatility surface, for Europeans: the trade's vol is the surface's
 * at its strike and maturity, {@code sigma = sqrt(w(k, T) / T)} with {@code k = ln(K / F(T))},
 * read through the interpolation on the field, so each quote is an input and its adjoint the vega
 * per quote; {@code vega} is their sum. The paths are {@link BlackScholesCurveModel}'s at that vol,
 * under the trade's rate and dividend (flat or curves); the forward {@code F(t) = S exp(int_0^t (r -
 * q))} places every node and the query in log-moneyness.
 *
 * <p>Absolute strikes are sticky-strike: moving the spot moves every node and the query by the same
 * log-forward, so the vol at a fixed strike stays (delta is Black-Scholes' at the interpolated vol).
 * Moneyness strikes are sticky-moneyness: the nodes sit at {@code moneyness * S}, so the spot's
 * delta also flows through the skew.
 *
 * <p>Any other product would price with one vol where its payoff sees many strikes and dates: it
 * would ignore the skew, so the descriptor refuses it ({@link #refusal}); {@code localvol} prices it.
 */
public final class BlackScholesSurfaceModel implements PathModel {

    /** The one product it prices (the product package's European word; model sits below product). */
    public static final String EUROPEAN = "european";

    private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.LOG_SPOTS, Capability.LOGNORMAL_STEPS,
            Capability.EXACT_STEPS, Capability.NORMAL_LAST_STEP);

    private final double spot;
    private final SurfaceInput surface;
    private final CurveInput discount;
    private final CurveInput dividend;
    private final InputLayout inputs;

    /**
     * @throws FieldException ({@code vol_surface}) when the surface has an arbitrage at this trade's
     *         forwards: every trade on the market is refused, each once
     */
    public BlackScholesSurfaceModel(double spot, SurfaceInput surface, CurveInput discount, CurveInput dividend) {
        Validation.positive("spot", spot);
        this.spot = spot;
        this.surface = surface;
        this.discount = discount;
        this.dividend = dividend;
        this.inputs = InputLayout.of(SPOT, surface.block(), discount.block(), dividend.block());
        // the arbitrage checks at this trade's forwards, on plain numbers, before anything is priced
        Inputs<Decimal64> values = inputs.view(decimals(), 0);
        ZeroCurve<Decimal64> r = discount.curve(values);
        ZeroCurve<Decimal64> q = dividend.curve(values);
        surface.check(spot, t -> spot * Math.exp(r.integral(t).getReal() - q.integral(t).getReal()));
    }

    /** Why {@code product} cannot be priced on a surface under Black-Scholes, or null for a European. */
    public static String refusal(String product) {
        if (EUROPEAN.equals(product)) {
            return null;
        }
        return "bs on a volatility surface prices Europeans only: the " + product + " under one vol would ignore the"
                + " skew; use localvol";
    }

    private Decimal64[] decimals() {
        double[] v = parameterValues();
        Decimal64[] out = new Decimal64[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = new Decimal64(v[i]);
        }
        return out;
    }

    public SurfaceInput surface() {
        return surface;
    }

    public CurveInput discount() {
        return discount;
    }

    public CurveInput dividend() {
        return dividend;
    }

    /** How the surface's strikes are quoted: sticky strike or sticky moneyness. */
    public StrikeKind strikeKind() {
        return surface.axes().kind();
    }

    @Override
    public String name() {
        return BlackScholesDescriptor.WORD;
    }

    @Override
    public InputLayout inputs() {
        return inputs;
    }

    @Override
    public double[] parameterValues() {
        return InputLayout.values(new double[] {spot}, surface.values(), discount.values(), dividend.values());
    }

    @Override
    public int assets() {
        return 1;
    }

    @Override
    public int normalsPerStep() {
        return 1;
    }

    @Override
    public String[] stateNames() {
        return new String[] {"log_spot"};
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    /**
     * The interpolated implied vol at {@code strike} and {@code maturity}, on the field: every quote,
     * the spot, the curves, the strike and the maturity flow into it.
     */
    public <T extends RealFieldElement<T>> T impliedVol(Inputs<T> p, T strike, T maturity) {
        T s = p.get(SPOT);
        ZeroCurve<T> r = discount.curve(p);
        ZeroCurve<T> q = dividend.curve(p);
        VolSurface<T> v = surface.surface(p, s, t -> s.multiply(r.integral(t).subtract(q.integral(t)).exp()));
        T forward = s.multiply(r.integral(maturity).subtract(q.integral(maturity)).exp());
        return v.totalVariance(strike.divide(forward).log(), maturity).divide(maturity).sqrt();
    }

    @Override
    public <T extends RealFieldElement<T>> PathGenerator<T> generator(Inputs<T> p, T maturity, int steps) {
        throw new IllegalStateException("bs on a volatility surface needs the product's strike");
    }

    @Override
    public <T extends RealFieldElement<T>> PathGenerator<T> generator(Inputs<T> p, T strike, T maturity, int steps) {
        if (strike == null) {
            throw new IllegalStateException("bs on a volatility surface needs the product's strike");
        }
        return new BlackScholesCurveModel.Generator<>(p.get(SPOT), impliedVol(p, strike, maturity), discount.curve(p),
                dividend.curve(p), maturity, steps);
    }
}
