package dev.adjointgreeks.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import dev.adjointgreeks.model.BlackScholesModel;
import dev.adjointgreeks.model.HestonModel;
import dev.adjointgreeks.product.Asian;
import dev.adjointgreeks.product.Averaging;
import dev.adjointgreeks.product.Barrier;
import dev.adjointgreeks.product.BarrierKind;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.OptionType;

/** Bad parameters are refused with a message that names the parameter. */
class ValidationTest {

    private static void refused(String name, Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(name), "message names " + name + ": " + x.getMessage());
    }

    @Test
    void badParametersAreNamed() {
        refused("vol", () -> new BlackScholesModel(100, -0.2, 0.05, 0));
        refused("vol", () -> new BlackScholesModel(100, Double.NaN, 0.05, 0));
        refused("spot", () -> new BlackScholesModel(-1, 0.2, 0.05, 0));
        refused("spot", () -> new BlackScholesModel(Double.NaN, 0.2, 0.05, 0));
        refused("maturity", () -> new European(OptionType.CALL, 100, 0));
        refused("maturity", () -> new European(OptionType.CALL, 100, -1));
        refused("maturity", () -> new European(OptionType.CALL, 100, Double.NaN));
        refused("strike", () -> new European(OptionType.CALL, Double.NaN, 1));
        refused("barrier", () -> new Barrier(OptionType.CALL, 100, 1, -5, BarrierKind.DOWN_OUT, 0));
        refused("barrier_kind", () -> new Barrier(OptionType.CALL, 100, 1, 90, null, 0));
        refused("rebate", () -> new Barrier(OptionType.CALL, 100, 1, 90, BarrierKind.DOWN_OUT, -1));
        refused("heston_rho", () -> new HestonModel(100, 0.04, 1, 0.04, 0.3, -1.5, 0, 0));
        refused("heston_v0", () -> new HestonModel(100, -0.04, 1, 0.04, 0.3, -0.5, 0, 0));
        refused("fixings", () -> new Asian(OptionType.CALL, 100, 1, 0, Averaging.ARITHMETIC));
        refused("steps", () -> new Trade("s", new Asian(OptionType.CALL, 100, 1, 12, Averaging.ARITHMETIC),
                new BlackScholesModel(100, 0.2, 0, 0), 0, 13, null, 1, null).problem());
        refused("barrier", () -> new Trade("h", new Barrier(OptionType.CALL, 100, 1, 90, BarrierKind.DOWN_OUT, 0),
                ReferenceTrades.HESTON).problem());
        refused("paths", () -> GreeksEngine.price(new Trade("p", new European(OptionType.CALL, 100, 1),
                new BlackScholesModel(100, 0.2, 0, 0)), Method.ADJOINT, RunSettings.defaults(1, 1)));
        assertThrows(UnsupportedOperationException.class, () -> GreeksEngine.price(new Trade("a",
                new Asian(OptionType.CALL, 100, 1, 12, Averaging.ARITHMETIC), new BlackScholesModel(100, 0.2, 0, 0)),
                Method.ANALYTIC, RunSettings.defaults(2, 1)));
    }
}
