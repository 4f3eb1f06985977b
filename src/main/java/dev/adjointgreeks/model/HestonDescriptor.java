package dev.adjointgreeks.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.adjointgreeks.spec.FieldException;
import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.spec.Input;
import dev.adjointgreeks.spec.Range;
import dev.adjointgreeks.spec.Role;

/** The Heston stochastic-volatility model, word {@code heston}: {@link HestonModel}, single asset. */
public final class HestonDescriptor implements ModelDescriptor {

    public static final String WORD = "heston";

    private static Input parameter(String field, Range r, String why) {
        return Input.number(field, Role.MODEL_PARAMETER).range(r, why).shocked();
    }

    private static final List<Input> INPUTS = List.of(MarketInputs.SPOT, MarketInputs.POSITIVE_STRIKE,
            parameter("heston_v0", Range.closed(0, 4), "a variance of 4 is a vol of 200%"),
            parameter("heston_kappa", Range.closed(0, 100), "mean reversion within days; beyond, Euler steps of a"
                    + " year/100 oscillate"),
            parameter("heston_theta", Range.closed(0, 4), "a variance of 4 is a vol of 200%"),
            parameter("heston_xi", Range.closed(0, 10), "vol of variance beyond 1,000% has no market"),
            parameter("heston_rho", Range.open(-1, 1), "at +-1 the two Brownian motions coincide: the factor"
                    + " sqrt(1 - rho^2) has an infinite derivative, so `d_heston_rho` is undefined (it came out empty);"
                    + " -0.999 and 0.999 price"),
            MarketInputs.RATE, MarketInputs.DIVIDEND, MarketInputs.DISCOUNT_CURVE, MarketInputs.DISCOUNT_PILLARS,
            MarketInputs.DIVIDEND_CURVE, MarketInputs.DIVIDEND_PILLARS);

    @Override
    public String word() {
        return WORD;
    }

    @Override
    public Set<Underlying> underlyings() {
        return EnumSet.of(Underlying.SINGLE_ASSET);
    }

    @Override
    public List<Input> inputs(Underlying u) {
        return INPUTS;
    }

    @Override
    public PathModel create(Fields f, Underlying u) {
        if (f.has("vol")) {
            throw new FieldException("vol", "must be empty for the Heston model (its variance is heston_v0)");
        }
        // a row without curves gets today's flat inputs; a flat value beside a curve is a one-pillar curve
        return new HestonModel(f.number("spot"), f.number("heston_v0"), f.number("heston_kappa"),
                f.number("heston_theta"), f.number("heston_xi"), f.number("heston_rho"), MarketInputs.discount(f),
                MarketInputs.dividend(f));
    }
}
