package dev.adjointgreeks.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.adjointgreeks.model.BlackScholesModel;
import dev.adjointgreeks.model.HestonModel;
import dev.adjointgreeks.product.Barrier;
import dev.adjointgreeks.product.BarrierKind;
import dev.adjointgreeks.product.Basket;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.OptionType;

/** One catalogue of Greeks: names, signs and selection, shared by every engine. */
class GreekCatalogueTest {

    @Test
    void namesFollowTheInputBlocks() {
        Trade bs = new Trade("b", new Barrier(OptionType.CALL, 100, 1, 90, BarrierKind.DOWN_OUT, 0),
                new BlackScholesModel(100, 0.2, 0.05, 0));
        assertEquals(List.of("delta", "vega", "rho", "dividend_rho", "d_strike", "theta", "d_barrier", "gamma", "vanna",
                "volga"), GreekCatalogue.of(bs.problem(), true).columns());
        Trade heston = new Trade("h", new European(OptionType.CALL, 100, 1),
                new HestonModel(100, 0.04, 1.5, 0.04, 0.3, -0.7, 0.03, 0));
        assertEquals(List.of("delta", "d_heston_v0", "d_heston_kappa", "d_heston_theta", "d_heston_xi", "d_heston_rho",
                "rho", "dividend_rho", "d_strike", "theta", "gamma"), GreekCatalogue.of(heston.problem(), true).columns());
        List<String> basket = GreekCatalogue.of(new Trade("k", new Basket(OptionType.CALL, 100, 1,
                new double[] {0.5, 0.3, 0.2}), ReferenceTrades.THREE_ASSETS).problem(), true).columns();
        assertTrue(basket.containsAll(List.of("delta_3", "vega_1", "dividend_rho_2", "d_corr_1_3", "gamma_1_2",
                "gamma_3_3")), basket.toString());
        for (Greek g : GreekCatalogue.of(bs.problem(), false).all()) {
            assertEquals(g.column().equals("theta") ? -1.0 : 1.0, g.sign(), g.column());
        }
    }

    /** Deltas and vegas of a basket without its correlation sensitivities: fewer bumps, the same numbers. */
    @Test
    void aSelectionComputesOnlyItsGreeksWithTheSameNumbers() {
        Trade t = new Trade("k", new Basket(OptionType.CALL, 100, 1, new double[] {0.5, 0.3, 0.2}),
                ReferenceTrades.THREE_ASSETS);
        RunSettings all = RunSettings.defaults(2_000, 3).withSecondOrder(false);
        RunSettings some = all.withGreeks(Set.of("delta", "vega"));
        for (Method m : new Method[] {Method.ADJOINT, Method.BUMP}) {
            TradeResult full = GreeksEngine.price(t, m, all);
            TradeResult sel = GreeksEngine.price(t, m, some);
            assertFalse(sel.values().containsKey("d_corr_1_2"), m + ": no correlation sensitivity");
            assertFalse(sel.values().containsKey("rho"), m + ": no rho");
            for (String g : new String[] {"price", "delta_1", "delta_3", "vega_2", "vega_2_stderr"}) {
                assertEquals(full.get(g), sel.get(g), m + " " + g);
            }
        }
    }
}
