package dev.adjointgreeks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Tape;
import dev.adjointgreeks.closedform.BlackScholesFormula;
import dev.adjointgreeks.closedform.CallPut;
import dev.adjointgreeks.engine.GreeksEngine;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.RunSettings;
import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.model.BlackScholesModel;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.OptionType;

/** The README's ten-line example, kept compiling and true. */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleWorks() {
        Tape tape = new Tape();
        Adj spot = tape.input(100), vol = tape.input(0.2), rate = tape.input(0.05);
        Adj t = tape.constant(1.0), k = tape.constant(100);
        Adj price = BlackScholesFormula.price(CallPut.CALL, spot, k, t, rate, tape.constant(0), vol);
        double[] g = tape.gradient(price);              // {delta, vega, rho}: one backward sweep

        Trade trade = new Trade("eu", new European(OptionType.CALL, 100, 1), new BlackScholesModel(100, 0.2, 0.05, 0));
        TradeResult r = GreeksEngine.price(trade, Method.ADJOINT, RunSettings.defaults(100_000, 42));

        var exact = BlackScholesFormula.greeks(CallPut.CALL, 100, 100, 1, 0.05, 0, 0.2);
        assertEquals(exact.delta(), g[0], 1e-12);
        assertEquals(exact.vega(), g[1], 1e-10);
        assertEquals(exact.rho(), g[2], 1e-10);
        // the conditioned one-step European is the closed form: its standard error is 0, rounding remains
        assertEquals(exact.delta(), r.get("delta"), 4 * r.get("delta_stderr") + 1e-12);
    }
}
