package dev.adjointgreeks.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.spec.Input;
import dev.adjointgreeks.spec.Range;

/** The Bachelier (normal) model, word {@code bachelier}: {@link BachelierModel} for one asset or several. */
public final class BachelierDescriptor implements ModelDescriptor {

    public static final String WORD = "bachelier";

    private static final String NEGATIVE_PRICES = "the normal model admits negative prices (rates, spreads, power)";
    private static final String NORMAL_VOL = "a normal vol is in price units: 20 is ordinary for a price of 100 (and"
            + " absurd as a Black-Scholes vol)";

    private static final Input SPOT = MarketInputs.SPOT.range(Range.closed(-1e12, 1e12), NEGATIVE_PRICES);
    private static final Input SPOTS = MarketInputs.SPOTS.range(Range.closed(-1e12, 1e12), NEGATIVE_PRICES);
    private static final Input STRIKE = MarketInputs.POSITIVE_STRIKE.range(Range.closed(-1e12, 1e12),
            "negative strikes on negative forwards");
    private static final Input VOL = MarketInputs.VOL.range(Range.closed(0, 1e12), NORMAL_VOL);
    private static final Input VOLS = MarketInputs.VOLS.range(Range.closed(0, 1e12), NORMAL_VOL);

    private static final List<Input> SINGLE = List.of(SPOT, STRIKE, VOL, MarketInputs.RATE, MarketInputs.DIVIDEND,
            MarketInputs.DISCOUNT_CURVE, MarketInputs.DISCOUNT_PILLARS, MarketInputs.DIVIDEND_CURVE,
            MarketInputs.DIVIDEND_PILLARS);
    private static final List<Input> MULTI = List.of(SPOTS, STRIKE, VOLS, MarketInputs.DIVIDENDS, MarketInputs.RATE,
            MarketInputs.CORRELATION, MarketInputs.DISCOUNT_CURVE_OF_ASSETS, MarketInputs.DISCOUNT_PILLARS,
            MarketInputs.DIVIDEND_CURVES, MarketInputs.DIVIDEND_CURVES_PILLARS);

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
                return new BachelierModel(spots, f.numbers("vols"), MarketInputs.dividends(f, spots.length),
                        f.number("rate"), MarketInputs.correlation(f, spots.length));
            }
            // curves as the multi-asset Black-Scholes model reads them; a flat rate beside them is a one-pillar curve
            return new BachelierModel(spots, f.numbers("vols"), MarketInputs.dividends(f, spots.length),
                    MarketInputs.discount(f), dividendCurves, MarketInputs.correlation(f, spots.length));
        }
        // a row without curves gets today's flat inputs; a flat value beside a curve is a one-pillar curve
        return new BachelierModel(f.number("spot"), f.number("vol"), MarketInputs.discount(f), MarketInputs.dividend(f));
    }
}
