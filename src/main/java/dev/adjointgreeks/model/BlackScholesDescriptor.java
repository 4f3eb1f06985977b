package dev.adjointgreeks.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.adjointgreeks.spec.FieldException;
import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.spec.Input;

/**
 * The Black-Scholes model, word {@code bs}: {@link BlackScholesModel} for one asset,
 * {@link MultiAssetModel} (correlated geometric Brownian motions) for several; either under a
 * {@code discount_curve}, and a {@code dividend_curve} (one asset) or {@code dividend_curves} (one per asset):
 * {@link BlackScholesCurveModel} for one asset; on a volatility surface (Europeans only) {@link BlackScholesSurfaceModel}.
 */
public final class BlackScholesDescriptor implements ModelDescriptor {

    public static final String WORD = "bs";

    private static final List<Input> SINGLE = List.of(MarketInputs.SPOT, MarketInputs.POSITIVE_STRIKE, MarketInputs.VOL,
            MarketInputs.RATE, MarketInputs.DIVIDEND, MarketInputs.DISCOUNT_CURVE, MarketInputs.DISCOUNT_PILLARS,
            MarketInputs.DIVIDEND_CURVE, MarketInputs.DIVIDEND_PILLARS, MarketInputs.VOL_SURFACE,
            MarketInputs.VOL_SURFACE_EXPIRIES, MarketInputs.VOL_SURFACE_STRIKES, MarketInputs.VOL_SURFACE_AXIS);
    private static final List<Input> MULTI = List.of(MarketInputs.SPOTS, MarketInputs.POSITIVE_STRIKE, MarketInputs.VOLS,
            MarketInputs.DIVIDENDS, MarketInputs.RATE, MarketInputs.CORRELATION, MarketInputs.DISCOUNT_CURVE_OF_ASSETS,
            MarketInputs.DISCOUNT_PILLARS, MarketInputs.DIVIDEND_CURVES, MarketInputs.DIVIDEND_CURVES_PILLARS);

    @Override
    public String word() {
        return WORD;
    }

    @Override
    public Set<Underlying> underlyings() {
        return EnumSet.of(Underlying.SINGLE_ASSET, Underlying.MULTI_ASSET);
    }

    @Override
    public List<Input> inputs(Underlying u) {
        return u == Underlying.MULTI_ASSET ? MULTI : SINGLE;
    }

    @Override
    public PathModel create(Fields f, Underlying u) {
        if (u == Underlying.MULTI_ASSET) {
            double[] spots = f.numbers("spots");
            CurveInput[] dividendCurves = MarketInputs.dividendCurves(f, spots.length);
            if (dividendCurves == null && !f.has(MarketInputs.DISCOUNT_CURVE_OF_ASSETS.field())) {
                // no curve: today's model, bit for bit
                return new MultiAssetModel(spots, f.numbers("vols"), MarketInputs.dividends(f, spots.length),
                        f.number("rate"), MarketInputs.correlation(f, spots.length));
            }
            return new MultiAssetModel(spots, f.numbers("vols"), MarketInputs.dividends(f, spots.length),
                    MarketInputs.discount(f), dividendCurves, MarketInputs.correlation(f, spots.length));
        }
        if (SurfaceInput.has(f)) {
            // a surface: the European's vol at its strike and maturity; other products would ignore the skew
            String refusal = BlackScholesSurfaceModel.refusal(f.word("product", null));
            if (refusal != null) {
                throw new FieldException("model", refusal, f.text("model"));
            }
            return new BlackScholesSurfaceModel(f.number("spot"), SurfaceInput.of(f),
                    MarketInputs.curveOrFlat(f, MarketInputs.DISCOUNT_CURVE, MarketBlocks.RATE, "rate"),
                    MarketInputs.curveOrFlat(f, MarketInputs.DIVIDEND_CURVE, MarketBlocks.DIVIDEND, "dividend"));
        }
        if (f.has(MarketInputs.DISCOUNT_CURVE.field()) || f.has(MarketInputs.DIVIDEND_CURVE.field())) {
            // curves from the market file; a flat rate or dividend beside a curve is a one-pillar curve
            return new BlackScholesCurveModel(f.number("spot"), f.number("vol"),
                    MarketInputs.curveOrFlat(f, MarketInputs.DISCOUNT_CURVE, MarketBlocks.RATE, "rate"),
                    MarketInputs.curveOrFlat(f, MarketInputs.DIVIDEND_CURVE, MarketBlocks.DIVIDEND, "dividend"));
        }
        // no curve: today's model, bit for bit
        return new BlackScholesModel(f.number("spot"), f.number("vol"), f.number("rate"), f.number("dividend"));
    }
}
