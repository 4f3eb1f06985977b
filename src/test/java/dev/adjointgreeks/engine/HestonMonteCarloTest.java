package dev.adjointgreeks.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.adjointgreeks.model.HestonModel;
import dev.adjointgreeks.product.Asian;
import dev.adjointgreeks.product.Averaging;
import dev.adjointgreeks.product.Digital;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.OptionType;

/**
 * Heston: prices against Fourier inversion within 4 standard errors plus the discretisation bias
 * measured by halving the step; Greeks against the many-path reference at the same step; paths
 * whose variance reaches zero.
 */
class HestonMonteCarloTest {

    @Test
    void pricesAgainstFourierPlusMeasuredDiscretisationBias() {
        RunSettings s = RunSettings.defaults(100_000, 3).withSecondOrder(false);
        HestonModel m = ReferenceTrades.HESTON;
        for (var product : new dev.adjointgreeks.product.Product[] {new European(OptionType.CALL, 100, 1),
            new European(OptionType.PUT, 90, 1), new Digital(OptionType.CALL, 105, 1, 1.0)}) {
            double exact = GreeksEngine.price(new Trade("f", product, m), Method.ANALYTIC, s).get("price");
            TradeResult coarse = GreeksEngine.price(new Trade("h", product, m, 0, 25, null, 1, null), Method.ADJOINT, s);
            TradeResult fine = GreeksEngine.price(new Trade("h", product, m, 0, 50, null, 1, null), Method.ADJOINT, s);
            double bias = Math.abs(coarse.get("price") - fine.get("price"));
            McAssert.within("heston " + product.kind(), exact, fine, "price", bias);
        }
    }

    @Test
    void greeksAgainstTheStoredReferenceAndTheFourierGreeks() throws Exception {
        Map<String, Map<String, double[]>> ref = ReferenceTrades.load();
        RunSettings s = RunSettings.defaults(100_000, 17);
        for (Trade t : ReferenceTrades.trades()) {
            if (!t.id().startsWith("heston")) {
                continue;
            }
            TradeResult mc = GreeksEngine.price(t, Method.ADJOINT, s);
            ref.get(t.id()).forEach((g, vs) -> McAssert.within(t.id() + " " + g, vs[0], mc.get(g),
                    Math.hypot(mc.get(g + "_stderr"), vs[1]), 0));
            // and the reference itself against the Fourier Greeks, allowing the step's bias as
            // measured on the price
            TradeResult cf = GreeksEngine.price(t, Method.ANALYTIC, s);
            for (String g : new String[] {"delta", "d_heston_v0", "d_heston_theta", "rho", "d_strike"}) {
                double[] r = ref.get(t.id()).get(g);
                double scale = Math.abs(cf.get(g)) * 0.02;   // 50 Euler steps: a few per cent at most
                McAssert.within(t.id() + " reference " + g, cf.get(g), r[0], r[1], scale);
            }
        }
    }

    @Test
    void varianceHittingZeroGivesFiniteSensitivities() {
        // Feller badly violated: most paths hit zero variance
        HestonModel m = new HestonModel(100, 0.01, 0.5, 0.01, 1.0, -0.5, 0.02, 0.0);
        TradeResult r = GreeksEngine.price(new Trade("zero-var", new European(OptionType.CALL, 100, 1), m, 0, 50,
                null, 1, null), Method.ADJOINT, RunSettings.defaults(20_000, 1));
        r.values().forEach((k, v) -> assertTrue(Double.isFinite(v), k + " = " + v));
        TradeResult v0Zero = GreeksEngine.price(new Trade("v0", new European(OptionType.CALL, 100, 1),
                new HestonModel(100, 0.0, 1.5, 0.04, 0.3, -0.7, 0.0, 0.0), 0, 20, null, 1, null), Method.ADJOINT,
                RunSettings.defaults(5_000, 1));
        v0Zero.values().forEach((k, v) -> assertTrue(Double.isFinite(v), "v0 = 0: " + k + " = " + v));
    }

    @Test
    void unsupportedProductsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trade("a", new Asian(OptionType.CALL, 100, 1, 12, Averaging.ARITHMETIC), ReferenceTrades.HESTON)
                        .problem());
        assertTrue(e.getMessage().contains("asian") && e.getMessage().contains("heston"), e.getMessage());
    }
}
