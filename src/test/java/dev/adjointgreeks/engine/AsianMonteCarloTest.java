package dev.adjointgreeks.engine;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.adjointgreeks.closedform.BlackScholesFormula;
import dev.adjointgreeks.closedform.CallPut;
import dev.adjointgreeks.model.BlackScholesModel;
import dev.adjointgreeks.product.Asian;
import dev.adjointgreeks.product.Averaging;
import dev.adjointgreeks.product.OptionType;

/** Asian options: geometric against its closed form, arithmetic against the stored reference. */
class AsianMonteCarloTest {

    static final BlackScholesModel MODEL = new BlackScholesModel(100, 0.2, 0.05, 0.01);

    @Test
    void geometricAgainstClosedForm() {
        RunSettings s = RunSettings.defaults(100_000, 41).withSecondOrder(false);
        for (OptionType type : OptionType.values()) {
            Trade t = new Trade("g-" + type.word(), new Asian(type, 100, 1, 12, Averaging.GEOMETRIC), MODEL);
            TradeResult mc = GreeksEngine.price(t, Method.ADJOINT, s);
            TradeResult cf = GreeksEngine.price(t, Method.ANALYTIC, s);
            for (String g : new String[] {"price", "delta", "vega", "rho", "dividend_rho", "theta", "d_strike"}) {
                McAssert.within("geometric " + type.word(), cf.get(g), mc, g, 0);
            }
        }
    }

    @Test
    void oneFixingIsTheEuropean() {
        RunSettings s = RunSettings.defaults(100_000, 42).withSecondOrder(false);
        Trade t = new Trade("a1", new Asian(OptionType.PUT, 95, 1, 1, Averaging.ARITHMETIC), MODEL);
        TradeResult mc = GreeksEngine.price(t, Method.ADJOINT, s);
        var g = BlackScholesFormula.greeks(CallPut.PUT, 100, 95, 1, 0.05, 0.01, 0.2);
        McAssert.within("one fixing", g.price(), mc, "price", 0);
        McAssert.within("one fixing", g.delta(), mc, "delta", 0);
        McAssert.within("one fixing", g.vega(), mc, "vega", 0);
    }

    @Test
    void arithmeticAgainstTheStoredReferenceWithAndWithoutControlVariate() throws Exception {
        Map<String, Map<String, double[]>> ref = ReferenceTrades.load();
        RunSettings s = RunSettings.defaults(100_000, 43);
        for (Trade t : ReferenceTrades.trades()) {
            if (!t.id().startsWith("asian")) {
                continue;
            }
            TradeResult mc = GreeksEngine.price(t, Method.ADJOINT, s);
            ref.get(t.id()).forEach((g, vs) -> McAssert.within(t.id() + " " + g, vs[0], mc.get(g),
                    Math.hypot(mc.get(g + "_stderr"), vs[1]), 0));
            // without the control variate: unbiased too, just noisier
            Asian a = (Asian) t.product();
            Trade plain = new Trade(t.id(), new Asian(a.type(), a.strike(), a.maturity(), a.fixings(), a.averaging(),
                    false), t.model());
            TradeResult noCv = GreeksEngine.price(plain, Method.ADJOINT, s.withSecondOrder(false));
            for (String g : new String[] {"price", "delta", "vega", "rho", "theta"}) {
                double[] r = ref.get(t.id()).get(g);
                McAssert.within(t.id() + " without control variate " + g, r[0], noCv.get(g),
                        Math.hypot(noCv.get(g + "_stderr"), r[1]), 0);
            }
        }
    }
}
