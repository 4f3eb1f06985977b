package dev.adjointgreeks.engine;

import static dev.adjointgreeks.engine.RunSettings.SecondOrderMethod.DIFFERENCES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.adjointgreeks.model.BachelierModel;
import dev.adjointgreeks.model.MultiAssetModel;
import dev.adjointgreeks.product.Basket;
import dev.adjointgreeks.product.OptionType;

/**
 * The conditioned basket (smooth path by path) and its cross-gamma matrix by tangent-over-adjoint:
 * against the Bachelier basket's closed form (one exact step: the conditioned payoff is the closed
 * form on every path), symmetric to 1e-12, and under Black-Scholes against the kinked payoff's
 * price and the smooth payoff's differences of adjoints (h and h/2, with their bias in the error).
 */
class ConditionalBasketTest {

    static final double[][] CORR3 = {{1.0, 0.5, 0.3}, {0.5, 1.0, 0.4}, {0.3, 0.4, 1.0}};
    static final double[] W3 = {0.5, 0.3, 0.2};

    private static List<String> gammas(int n) {
        List<String> g = new ArrayList<>();
        for (int a = 1; a <= n; a++) {
            for (int b = a; b <= n; b++) {
                g.add("gamma_" + a + "_" + b);
            }
        }
        return g;
    }

    @Test
    void bachelierBasketIsItsClosedFormOnEveryPath() {
        BachelierModel m = new BachelierModel(new double[] {100, 95, 105}, new double[] {20, 25, 15},
                new double[] {0.01, 0.0, 0.02}, 0.03, CORR3);
        for (OptionType type : OptionType.values()) {
            Trade t = new Trade("b", new Basket(type, 101, 0.75, W3), m);
            assertTrue(t.problem().smoothPathwise(), "the conditioned Bachelier basket is smooth path by path");
            RunSettings s = RunSettings.defaults(300, 11);
            TradeResult exact = GreeksEngine.price(t, Method.ANALYTIC, s);
            TradeResult mc = GreeksEngine.price(t, Method.ADJOINT, s);
            List<String> checked = new ArrayList<>(gammas(3));
            checked.addAll(List.of("price", "delta_1", "delta_2", "delta_3", "vega_1", "vega_3"));
            for (String g : checked) {
                double scale = Math.max(1e-3, Math.abs(exact.get(g)));
                assertEquals(exact.get(g), mc.get(g), 1e-10 * scale, type + " " + g);
                assertEquals(0.0, mc.get(g + "_stderr"), type + " " + g + " is exact on every path");
            }
        }
    }

    @Test
    void crossGammasAreSymmetricAndMatchDifferencesUnderBlackScholes() {
        MultiAssetModel m = new MultiAssetModel(new double[] {100, 95, 105}, new double[] {0.2, 0.3, 0.25},
                new double[] {0.01, 0.0, 0.02}, 0.03, CORR3);
        Trade smooth = new Trade("b", new Basket(OptionType.CALL, 100, 1.0, W3), m);
        Trade kinked = new Trade("b", new Basket(OptionType.CALL, 100, 1.0, W3, false), m);
        assertTrue(smooth.problem().smoothPathwise());
        assertFalse(kinked.problem().smoothPathwise());
        RunSettings s = RunSettings.defaults(20_000, 5);
        TradeResult tangent = GreeksEngine.price(smooth, Method.ADJOINT, s);
        TradeResult fd = GreeksEngine.price(smooth, Method.ADJOINT, s.withSecondOrderMethod(DIFFERENCES));
        TradeResult plain = GreeksEngine.price(kinked, Method.ADJOINT, s);
        // the conditional expectation prices the same contract, with a smaller standard error
        McAssert.within("price", plain.get("price"), tangent.get("price"),
                Math.hypot(plain.get("price_stderr"), tangent.get("price_stderr")), 0.0);
        assertTrue(tangent.get("price_stderr") < 0.5 * plain.get("price_stderr"),
                tangent.get("price_stderr") + " vs kinked " + plain.get("price_stderr"));
        System.out.printf("conditioned basket-3 at 20,000 paths: price %.5f se %.2e (kinked %.5f se %.2e)%n",
                tangent.get("price"), tangent.get("price_stderr"), plain.get("price"), plain.get("price_stderr"));
        for (String g : gammas(3)) {
            System.out.printf("  %s tangent %.6g se %.2e | differences %.6g se %.2e | kinked differences %.6g se %.2e%n", g,
                    tangent.get(g), tangent.get(g + "_stderr"), fd.get(g), fd.get(g + "_stderr"), plain.get(g),
                    plain.get(g + "_stderr"));
            double se = Math.hypot(tangent.get(g + "_stderr"), fd.get(g + "_stderr"));
            McAssert.within(g + " tangent vs differences", fd.get(g), tangent.get(g), se, 0.0);
            assertTrue(tangent.get(g + "_stderr") > 0 && tangent.get(g + "_stderr") <= fd.get(g + "_stderr") * 1.05,
                    g + ": tangent se " + tangent.get(g + "_stderr") + " vs differences " + fd.get(g + "_stderr"));
        }
    }

    @Test
    void theHessianOfOneSweepIsSymmetric() {
        // unsymmetrised rows: H[a][b] from row a and H[b][a] from row b of the same sweep
        MultiAssetModel m = new MultiAssetModel(new double[] {100, 95, 105}, new double[] {0.2, 0.3, 0.25},
                new double[] {0.01, 0.0, 0.02}, 0.03, CORR3);
        Trade t = new Trade("b", new Basket(OptionType.PUT, 100, 1.0, W3), m);
        RunSettings s = RunSettings.defaults(2_000, 3);
        Plan plan = new Plan(t.problem(), s);
        int n = t.problem().inputCount();
        int[] spots = new int[3];
        for (int i = 0; i < 3; i++) {
            spots[i] = t.problem().indexOf("spot_" + (i + 1));
        }
        int e = plan.hessian(0, spots);
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                plan.output("h" + a + b, new int[] {e}, new int[] {1 + n + a * n + spots[b]}, new double[] {1.0});
            }
        }
        var r = plan.run(s.paths(), 3);
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                double hab = r.mean()[r.indexOf("h" + a + b)];
                double hba = r.mean()[r.indexOf("h" + b + a)];
                assertEquals(hab, hba, 1e-12 * Math.abs(hab), "H[" + a + "][" + b + "]");
            }
        }
    }
}
