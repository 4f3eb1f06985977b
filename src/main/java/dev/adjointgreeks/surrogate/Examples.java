package dev.adjointgreeks.surrogate;

import java.util.List;

import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.model.BlackScholesModel;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.OptionType;

/** The built-in examples of {@code greeks surrogate train --example NAME}. */
public final class Examples {

    private Examples() {
    }

    public static List<String> names() {
        return List.of("bs-call");
    }

    public static SurrogateSpec byName(String name) {
        switch (name) {
            case "bs-call":
                return bsCall();
            default:
                throw new IllegalArgumentException("unknown example '" + name + "' (expected " + String.join(", ", names()) + ")");
        }
    }

    /**
     * Huge and Savine's Black-Scholes example scaled to spot 100: a European call, strike 110, vol
     * 0.2, rate 0, dividend 0, maturity 1. The spot varies over [30, 260]; training spots are drawn
     * as {@code 100 exp(-0.045 + 0.3 z)} (one year at vol 0.3, wider than the pricing vol, to cover
     * the wings). Tested on 100 spots from 35 to 165.
     */
    public static SurrogateSpec bsCall() {
        Trade trade = new Trade("bs-call", new European(OptionType.CALL, 110, 1), new BlackScholesModel(100, 0.2, 0, 0));
        return new SurrogateSpec("bs-call", trade, List.of(InputRange.lognormal("spot", 30, 260, 100, -0.045, 0.3)),
                SurrogateSpec.Labels.PATHWISE, true, SurrogateSpec.defaultHidden(),
                new SurrogateSpec.TestSet(100, 35, 165, 0));
    }
}
