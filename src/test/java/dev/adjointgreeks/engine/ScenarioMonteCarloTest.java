package dev.adjointgreeks.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.adjointgreeks.model.BlackScholesModel;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.OptionType;

/** Market scenarios priced inside the base's Monte Carlo run. */
class ScenarioMonteCarloTest {

    /** The kinked European: a payoff with sampling error, whose P&amp;L error common random numbers cut (the conditioned one has none). */
    static Trade european(double spot) {
        return new Trade("eu", new European(OptionType.CALL, 100, 1, false), new BlackScholesModel(spot, 0.2, 0.05, 0.01));
    }

    /**
     * The target: at 100,000 paths a 1% spot shock's pnl_stderr is at most 1/10 of the
     * standard error of the difference of two independently seeded prices. Measured: about 0.033
     * (printed), i.e. common random numbers cut the P&amp;L's error 30-fold.
     */
    @Test
    void commonRandomNumbersMakeTheSpotShocksPnlErrorATenthOfIndependentRuns() {
        RunSettings s = RunSettings.defaults(100_000, 7).withSecondOrder(false);
        List<TradeResult> rows = GreeksEngine.priceScenarios(european(100), Method.ADJOINT, s,
                List.of(new GreeksEngine.Scenario("spot+1%", european(101))), false);
        TradeResult base = rows.get(0);
        TradeResult up = rows.get(1);
        TradeResult other = GreeksEngine.price(european(101), Method.ADJOINT, s);   // same id and run seed: same paths
        // an independent seed for the shocked price: a different run seed
        TradeResult independent = GreeksEngine.price(european(101), Method.ADJOINT, RunSettings.defaults(100_000, 8)
                .withSecondOrder(false));
        double independentSe = Math.hypot(base.get("price_stderr"), independent.get("price_stderr"));
        double ratio = up.get("pnl_stderr") / independentSe;
        System.out.printf("spot +1%%, 100,000 paths: pnl %.5f +- %.5f; independent difference +- %.5f; ratio %.4f%n",
                up.get("pnl"), up.get("pnl_stderr"), independentSe, ratio);
        assertTrue(ratio <= 0.1, "ratio " + ratio);
        // the scenario row is the shocked trade priced on the base's paths
        assertEquals(other.get("price"), up.get("price"), 1e-9 * other.get("price"));
        assertEquals(up.get("price") - base.get("price"), up.get("pnl"), 1e-12);
        assertEquals(base.seed(), up.seed());
    }

    @Test
    void addingScenariosLeavesTheBaseRowsNumbersUnchanged() {
        RunSettings s = RunSettings.defaults(4_000, 3);
        for (Method m : new Method[] {Method.ADJOINT, Method.BUMP}) {
            TradeResult alone = GreeksEngine.price(european(100), m, s);
            List<TradeResult> rows = GreeksEngine.priceScenarios(european(100), m, s,
                    List.of(new GreeksEngine.Scenario("d", european(90)), new GreeksEngine.Scenario("same", null)),
                    true);
            for (String k : alone.values().keySet()) {
                assertEquals(alone.get(k), rows.get(0).get(k), m + " " + k);
            }
            assertEquals(0.0, rows.get(0).get("pnl"));
            assertEquals(0.0, rows.get(2).get("pnl"));
            assertEquals(alone.get("delta"), rows.get(2).get("delta"), "an untouched scenario has the base's Greeks");
            // --scenario-greeks: the scenario's Greeks are those of the shocked trade on the same paths
            TradeResult shocked = GreeksEngine.price(european(90), m, s);
            assertEquals(shocked.get("delta"), rows.get(1).get("delta"), 1e-12, m.word());
            assertEquals(shocked.get("gamma"), rows.get(1).get("gamma"), 1e-9, m.word());
        }
    }
}
