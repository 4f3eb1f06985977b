package dev.adjointgreeks.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.adjointgreeks.model.MultiAssetModel;
import dev.adjointgreeks.product.Basket;
import dev.adjointgreeks.product.Exchange;
import dev.adjointgreeks.product.OptionType;

/** Correlated assets: Margrabe's closed form, the basket references, correlation sensitivities. */
class MultiAssetMonteCarloTest {

    static final MultiAssetModel TWO = new MultiAssetModel(new double[] {100, 95}, new double[] {0.2, 0.3},
            new double[] {0.01, 0.02}, 0.05, new double[][] {{1, 0.5}, {0.5, 1}});

    @Test
    void exchangeOptionAgainstMargrabe() {
        RunSettings s = RunSettings.defaults(200_000, 11);
        Trade t = new Trade("ex", new Exchange(1.0), TWO);
        TradeResult mc = GreeksEngine.price(t, Method.ADJOINT, s);
        TradeResult cf = GreeksEngine.price(t, Method.ANALYTIC, s);
        double hs1 = s.spotBump2() * 100;
        double hs2 = s.spotBump2() * 95;
        for (String g : new String[] {"price", "delta_1", "delta_2", "vega_1", "vega_2", "dividend_rho_1",
            "dividend_rho_2", "d_corr_1_2", "theta"}) {
            McAssert.within("exchange", cf.get(g), mc, g, 0);
        }
        // second order: the bias of the finite difference of the analytic deltas (the price is
        // homogeneous of degree one in the spots, so the bumps' bias is of order h^2)
        for (String g : new String[] {"gamma_1_1", "gamma_1_2", "gamma_2_2"}) {
            McAssert.within("exchange", cf.get(g), mc, g, 1e-3 * Math.abs(cf.get(g)) * (hs1 + hs2));
        }
        // r cancels path by path
        assertTrue(Math.abs(mc.get("rho")) < 1e-9);
    }

    @Test
    void basketsAgainstTheStoredReference() throws Exception {
        Map<String, Map<String, double[]>> ref = ReferenceTrades.load();
        RunSettings s = RunSettings.defaults(100_000, 99);
        for (Trade t : ReferenceTrades.trades()) {
            if (!t.id().startsWith("basket")) {
                continue;
            }
            TradeResult mc = GreeksEngine.price(t, Method.ADJOINT, s);
            ref.get(t.id()).forEach((g, vs) -> McAssert.within(t.id() + " " + g, vs[0], mc.get(g),
                    Math.hypot(mc.get(g + "_stderr"), vs[1]), 0));
        }
    }

    @Test
    void correlationSensitivitiesMatchBumping() {
        RunSettings s = RunSettings.defaults(40_000, 5).withSecondOrder(false);
        Trade t = new Trade("b3", new Basket(OptionType.CALL, 100, 1, new double[] {0.5, 0.3, 0.2}),
                ReferenceTrades.THREE_ASSETS);
        TradeResult c = GreeksEngine.price(t, Method.COMPARE, s);
        for (String g : new String[] {"d_corr_1_2", "d_corr_1_3", "d_corr_2_3", "delta_3", "vega_2", "rho"}) {
            McAssert.sameOnSamePaths("basket", c, g);
        }
    }

    @Test
    void badCorrelationMatricesAreRefusedNamingTheEntry() {
        IllegalArgumentException notPd = assertThrows(IllegalArgumentException.class,
                () -> new MultiAssetModel(new double[] {1, 1, 1}, new double[] {0.2, 0.2, 0.2}, new double[3], 0.0,
                        new double[][] {{1, 0.9, -0.9}, {0.9, 1, 0.9}, {-0.9, 0.9, 1}}));
        assertTrue(notPd.getMessage().contains("not positive definite") && notPd.getMessage().contains("asset 3"),
                notPd.getMessage());
        IllegalArgumentException asym = assertThrows(IllegalArgumentException.class,
                () -> new MultiAssetModel(new double[] {1, 1}, new double[] {0.2, 0.2}, new double[2], 0.0,
                        new double[][] {{1, 0.5}, {0.4, 1}}));
        assertTrue(asym.getMessage().contains("correlation[2][1]"), asym.getMessage());
        IllegalArgumentException weights = assertThrows(IllegalArgumentException.class,
                () -> new Trade("w", new Basket(OptionType.CALL, 100, 1, new double[] {1}), TWO).problem());
        assertTrue(weights.getMessage().contains("1 weights for 2 assets"), weights.getMessage());
    }
}
