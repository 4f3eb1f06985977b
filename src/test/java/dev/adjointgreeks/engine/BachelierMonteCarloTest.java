package dev.adjointgreeks.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.adjointgreeks.mc.PricingProblem;
import dev.adjointgreeks.model.BachelierModel;
import dev.adjointgreeks.product.Asian;
import dev.adjointgreeks.product.Averaging;
import dev.adjointgreeks.product.Barrier;
import dev.adjointgreeks.product.BarrierKind;
import dev.adjointgreeks.product.Basket;
import dev.adjointgreeks.product.Digital;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.Exchange;
import dev.adjointgreeks.product.OptionType;
import dev.adjointgreeks.product.Product;

/**
 * The Bachelier model, the worked example of adding a model: every product it prices against its
 * exact closed form (an average or a weighted sum of normals is normal), prices and first-order
 * Greeks within 4 standard errors, and the analytic engine against central differences of the
 * formula.
 */
class BachelierMonteCarloTest {

    static final BachelierModel ONE = new BachelierModel(100, 20, 0.03, 0.01);
    static final BachelierModel TWO = new BachelierModel(new double[] {100, 95}, new double[] {20, 25},
            new double[] {0.01, 0.0}, 0.03, new double[][] {{1, 0.4}, {0.4, 1}});
    static final RunSettings SETTINGS = RunSettings.defaults(100_000, 20261128).withSecondOrder(false);
    static final String[] SINGLE = {"price", "delta", "vega", "rho", "dividend_rho", "theta", "d_strike"};

    private static void againstClosedForm(String id, Product p, BachelierModel m, int steps, String... greeks) {
        Trade t = new Trade(id, p, m, 0, steps, null, 1, null);
        TradeResult mc = GreeksEngine.price(t, Method.ADJOINT, SETTINGS);
        TradeResult cf = GreeksEngine.price(t, Method.ANALYTIC, SETTINGS);
        assertEquals("bachelier", mc.model());
        for (String g : greeks) {
            McAssert.within(id, cf.get(g), mc, g, 0);
        }
    }

    @Test
    void europeanCallAndPut() {
        againstClosedForm("eu-call", new European(OptionType.CALL, 105, 1), ONE, 0, SINGLE);
        againstClosedForm("eu-put", new European(OptionType.PUT, 95, 0.5), ONE, 3, SINGLE);
    }

    @Test
    void digitalAtShortAndLongMaturities() {
        againstClosedForm("dg-call", new Digital(OptionType.CALL, 102, 0.02, 10), ONE, 4, SINGLE);
        againstClosedForm("dg-put", new Digital(OptionType.PUT, 98, 1, 1), ONE, 4, SINGLE);
    }

    @Test
    void arithmeticAsianHasAnExactClosedForm() {
        againstClosedForm("asian", new Asian(OptionType.CALL, 100, 1, 12, Averaging.ARITHMETIC), ONE, 0, SINGLE);
    }

    @Test
    void basketAndExchange() {
        againstClosedForm("basket", new Basket(OptionType.PUT, 100, 1, new double[] {0.6, 0.4}), TWO, 0,
                "price", "delta_1", "delta_2", "vega_1", "vega_2", "dividend_rho_1", "dividend_rho_2", "d_corr_1_2",
                "rho", "theta", "d_strike");
        againstClosedForm("exchange", new Exchange(0.75), TWO, 0,
                "price", "delta_1", "delta_2", "vega_1", "vega_2", "d_corr_1_2", "rho", "theta");
    }

    @Test
    void negativeForwardsArePricedInPriceUnits() {
        BachelierModel m = new BachelierModel(-1.0, 2.0, 0.0, 0.0);
        againstClosedForm("neg", new Digital(OptionType.CALL, 0.5, 1, 1), m, 2, SINGLE);
        againstClosedForm("neg-eu", new European(OptionType.CALL, 0.5, 1), m, 1, SINGLE);
    }

    @Test
    void barrierAndGeometricAsianAreRejectedWithTheReason() {
        Trade barrier = new Trade("b", new Barrier(OptionType.CALL, 100, 1, 90, BarrierKind.DOWN_OUT, 0), ONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, barrier::problem);
        assertTrue(e.getMessage().contains("lognormal steps") && e.getMessage().contains("bachelier"), e.getMessage());
        Trade geo = new Trade("g", new Asian(OptionType.CALL, 100, 1, 4, Averaging.GEOMETRIC), ONE);
        assertThrows(IllegalArgumentException.class, geo::problem);
    }

    /**
     * The analytic engine's Greeks are the formula's derivatives: for every Bachelier closed form,
     * each first-order Greek equals a central difference of the closed-form price in that input,
     * and gamma a second difference.
     */
    @Test
    void analyticGreeksAreCentralDifferencesOfTheFormula() {
        Product[] products = {new European(OptionType.CALL, 105, 1), new Digital(OptionType.PUT, 98, 0.5, 10),
            new Asian(OptionType.CALL, 100, 1, 12, Averaging.ARITHMETIC)};
        for (Product p : products) {
            centralDifferences(new Trade(p.kind(), p, ONE));
        }
        centralDifferences(new Trade("basket", new Basket(OptionType.CALL, 100, 1, new double[] {0.6, 0.4}), TWO));
        centralDifferences(new Trade("exchange", new Exchange(0.75), TWO));
    }

    private static void centralDifferences(Trade t) {
        PricingProblem problem = t.problem();
        Analytic formula = ModelTypes.analytic(problem.model());
        double[] x = problem.inputValues();
        TradeResult cf = GreeksEngine.price(t, Method.ANALYTIC, RunSettings.defaults(1, 1));
        for (Greek.FirstOrder g : GreekCatalogue.of(problem, false).firstOrder()) {
            int k = g.input();
            double h = 1e-5 * Math.max(1, Math.abs(x[k]));
            double fd = g.sign() * (formula.price(problem, shifted(x, k, h)) - formula.price(problem, shifted(x, k, -h)))
                    / (2 * h);
            assertEquals(fd, cf.get(g.column()), 1e-6 * Math.max(1, Math.abs(fd)), t.id() + " " + g.column());
        }
        int s = problem.layout().index(problem.layout().blocks().get(0), 0);   // the first spot
        double h = 1e-2;
        double gammaFd = (formula.price(problem, shifted(x, s, h)) - 2 * formula.price(problem, x)
                + formula.price(problem, shifted(x, s, -h))) / (h * h);
        String gamma = problem.model().assets() == 1 ? "gamma" : "gamma_1_1";
        assertEquals(gammaFd, cf.get(gamma), 1e-5 * Math.max(1, Math.abs(gammaFd)), t.id() + " " + gamma);
    }

    private static double[] shifted(double[] x, int k, double h) {
        double[] y = x.clone();
        y[k] += h;
        return y;
    }
}
