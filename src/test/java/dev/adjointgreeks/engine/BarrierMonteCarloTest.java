package dev.adjointgreeks.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.adjointgreeks.model.BlackScholesModel;
import dev.adjointgreeks.product.Barrier;
import dev.adjointgreeks.product.BarrierKind;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.OptionType;

/**
 * Barrier options, Brownian-bridge Monte Carlo against Reiner-Rubinstein: price and first-order
 * Greeks of all eight kinds, strikes on both sides of the barrier, rebates at the hit and at expiry.
 */
class BarrierMonteCarloTest {

    static final BlackScholesModel MODEL = new BlackScholesModel(100, 0.25, 0.05, 0.02);
    static final RunSettings SETTINGS = RunSettings.defaults(60_000, 7).withSecondOrder(false);
    static final String[] GREEKS = {"price", "delta", "vega", "rho", "dividend_rho", "theta", "d_strike", "d_barrier"};

    @Test
    void allKindsWithoutRebateAgainstClosedForm() {
        for (BarrierKind kind : BarrierKind.values()) {
            double h = kind.down() ? 85 : 120;
            for (OptionType type : OptionType.values()) {
                for (double k : new double[] {90, 110}) {
                    check(new Barrier(type, k, 1.0, h, kind, 0.0), 0.0);
                }
            }
        }
    }

    /**
     * With one step the conditioned payoff is the last step's closed form from today: Reiner and
     * Rubinstein's price itself, whatever the normals. So the adjoint's price and every Greek, first
     * and second order (tangent-over-adjoint), equal the analytic engine's to rounding with a zero
     * standard error: an independent check of {@code BarrierLastStep}'s integral on all eight
     * kinds, strikes on both sides of the barrier, rebates at expiry (and at the hit with a zero
     * rate, where discounting from the step's end is exact).
     */
    @Test
    void oneConditionedStepIsTheClosedFormInEveryGreek() {
        BlackScholesModel noRate = new BlackScholesModel(100, 0.25, 0.0, 0.02);
        RunSettings s = RunSettings.defaults(1_000, 5);
        String[] greeks = {"price", "delta", "gamma", "vega", "vanna", "volga", "rho", "dividend_rho", "theta",
            "d_strike", "d_barrier"};
        int checked = 0;
        for (BarrierKind kind : BarrierKind.values()) {
            double h = kind.down() ? 85 : 120;
            for (OptionType type : OptionType.values()) {
                for (double k : new double[] {80, 100, 125}) {
                    for (double rebate : new double[] {0.0, 2.5}) {
                        BlackScholesModel m = kind.knockOut() && rebate != 0.0 ? noRate : MODEL;
                        Barrier b = new Barrier(type, k, 1.0, h, kind, rebate);
                        Trade t = new Trade("one-" + kind.word() + type.word() + k + "-" + rebate, b, m, 0, 1, null,
                                1.0, null);
                        TradeResult mc = GreeksEngine.price(t, Method.ADJOINT, s);
                        TradeResult cf = GreeksEngine.price(t, Method.ANALYTIC, s);
                        // a knock-out's rebate keeps a kink (the hit's discounting): its second order stays differences
                        boolean differences = kind.knockOut() && rebate != 0.0;
                        for (String g : greeks) {
                            if (differences && g.equals("rho")) {
                                continue;   // with r = 0 the hit's discounting is exact, not its rate derivative
                            }
                            checked++;
                            if (differences && (g.equals("gamma") || g.equals("vanna") || g.equals("volga"))) {
                                McAssert.within(t.id(), cf.get(g), mc, g, 0.0);
                                continue;
                            }
                            double scale = Math.max(1.0, Math.abs(cf.get(g)));
                            assertEquals(cf.get(g), mc.get(g), 1e-9 * scale, t.id() + " " + g);
                            assertEquals(0.0, mc.get(g + "_stderr"), 1e-9 * scale, t.id() + " " + g + " stderr");
                        }
                    }
                }
            }
        }
        assertEquals(8 * 3 * 2 * 11 - 4 * 3, checked);
    }

    @Test
    void rebatesAgainstClosedFormWithTheDocumentedDiscountingBias() {
        double rebate = 3.0;
        int steps = Barrier.DEFAULT_STEPS;
        double bound = rebate * (1 - Math.exp(-MODEL.rate() * 1.0 / steps));
        for (BarrierKind kind : BarrierKind.values()) {
            double h = kind.down() ? 85 : 120;
            Barrier b = new Barrier(OptionType.CALL, 100, 1.0, h, kind, rebate);
            Trade t = new Trade("rb-" + kind.word(), b, MODEL);
            TradeResult mc = GreeksEngine.price(t, Method.ADJOINT, SETTINGS);
            TradeResult cf = GreeksEngine.price(t, Method.ANALYTIC, SETTINGS);
            // knock-out rebates are discounted from the end of the step of the hit: at most `bound` too low
            McAssert.within(kind.word() + " with rebate", cf.get("price"), mc, "price", kind.knockOut() ? bound : 0.0);
            if (!kind.knockOut()) {
                for (String g : GREEKS) {
                    McAssert.within(kind.word() + " with rebate", cf.get(g), mc, g, 0.0);
                }
            }
        }
    }

    /**
     * Gamma, vanna and volga of barriers (no smooth pathwise estimator: the survival factor has a
     * kink where a monitored spot touches the barrier) are differences of adjoint gradients at h and
     * h/2 on the same paths, reported with a standard error that includes the Richardson estimate of
     * the difference's bias: within 4 of them of Reiner-Rubinstein's (the analytic engine's order-2
     * derivatives), on knock-outs and knock-ins, calls and puts.
     */
    @Test
    void secondOrderGreeksAgainstClosedFormWithErrorBarsThatCoverTheirBias() {
        RunSettings s = RunSettings.defaults(40_000, 11);
        Barrier[] barriers = {
            new Barrier(OptionType.CALL, 100, 1.0, 85, BarrierKind.DOWN_OUT, 0.0),
            new Barrier(OptionType.PUT, 100, 1.0, 120, BarrierKind.UP_OUT, 0.0),
            new Barrier(OptionType.CALL, 110, 1.0, 90, BarrierKind.DOWN_IN, 0.0),
            new Barrier(OptionType.PUT, 95, 1.0, 115, BarrierKind.UP_IN, 0.0),
        };
        int checked = 0;
        double largest = 0.0;
        for (Barrier b : barriers) {
            Trade t = new Trade("b2-" + b.barrierKind().word() + b.type().word(), b, MODEL);
            TradeResult mc = GreeksEngine.price(t, Method.ADJOINT, s);
            TradeResult cf = GreeksEngine.price(t, Method.ANALYTIC, s);
            for (String g : new String[] {"gamma", "vanna", "volga"}) {
                McAssert.within(t.id(), cf.get(g), mc, g, 0.0);
                largest = Math.max(largest, Math.abs(mc.get(g) - cf.get(g)) / mc.get(g + "_stderr"));
                checked++;
            }
        }
        assertEquals(12, checked);
        System.out.printf("barrier second order: %d checks at 40,000 paths, largest |z| %.2f%n", checked, largest);
    }

    private static void check(Barrier b, double bias) {
        Trade t = new Trade("b-" + b.barrierKind().word() + b.type().word() + b.strike(), b, MODEL);
        TradeResult mc = GreeksEngine.price(t, Method.ADJOINT, SETTINGS);
        TradeResult cf = GreeksEngine.price(t, Method.ANALYTIC, SETTINGS);
        for (String g : GREEKS) {
            McAssert.within(t.id(), cf.get(g), mc, g, bias);
        }
    }

    @Test
    void inPlusOutIsTheVanillaPathByPath() {
        for (boolean conditioned : new boolean[] {true, false}) {
            for (boolean down : new boolean[] {true, false}) {
                double h = down ? 90 : 115;
                BarrierKind out = down ? BarrierKind.DOWN_OUT : BarrierKind.UP_OUT;
                BarrierKind in = down ? BarrierKind.DOWN_IN : BarrierKind.UP_IN;
                // same id: same seed and paths for the three trades
                TradeResult o = GreeksEngine.price(new Trade("same",
                        new Barrier(OptionType.PUT, 100, 1, h, out, 0, conditioned), MODEL), Method.ADJOINT, SETTINGS);
                TradeResult i = GreeksEngine.price(new Trade("same",
                        new Barrier(OptionType.PUT, 100, 1, h, in, 0, conditioned), MODEL), Method.ADJOINT, SETTINGS);
                // A vanilla on the same 32-step paths (its last step in closed form, or kinked on the
                // simulated spot): knocked-in plus knocked-out is exactly that vanilla.
                TradeResult v = GreeksEngine.price(new Trade("same", new European(OptionType.PUT, 100, 1, conditioned),
                        MODEL, 0, Barrier.DEFAULT_STEPS, null, 1.0, null), Method.ADJOINT, SETTINGS);
                String what = (conditioned ? "conditioned " : "simulated ") + (down ? "down" : "up");
                assertEquals(v.get("price"), o.get("price") + i.get("price"), 1e-9 * v.get("price"), what);
                assertEquals(v.get("delta"), o.get("delta") + i.get("delta"), 1e-9, what);
                assertEquals(v.get("vega"), o.get("vega") + i.get("vega"), 1e-8, what);
                double vanilla = GreeksEngine.price(new Trade("v", new European(OptionType.PUT, 100, 1), MODEL),
                        Method.ANALYTIC, SETTINGS).get("price");
                McAssert.within("vanilla", vanilla, v, "price", 0);
            }
        }
    }

    @Test
    void barrierBreachedTodayHasADefinedResult() {
        BlackScholesModel below = new BlackScholesModel(80, 0.25, 0.05, 0.02);
        Barrier out = new Barrier(OptionType.CALL, 100, 1.0, 85, BarrierKind.DOWN_OUT, 2.5);
        TradeResult o = GreeksEngine.price(new Trade("o", out, below), Method.ADJOINT, SETTINGS);
        assertEquals(2.5, o.get("price"), 0.0, "knocked out: the rebate, paid at once");
        assertEquals(0.0, o.get("delta"), 0.0);
        assertEquals(2.5, GreeksEngine.price(new Trade("o", out, below), Method.ANALYTIC, SETTINGS).get("price"), 0.0);

        Barrier in = new Barrier(OptionType.CALL, 100, 1.0, 85, BarrierKind.DOWN_IN, 2.5);
        TradeResult i = GreeksEngine.price(new Trade("i", in, below), Method.ADJOINT, SETTINGS);
        TradeResult vanilla = GreeksEngine.price(new Trade("v", new European(OptionType.CALL, 100, 1.0), below),
                Method.ANALYTIC, SETTINGS);
        McAssert.within("knocked in today", vanilla.get("price"), i, "price", 0);
        McAssert.within("knocked in today", vanilla.get("delta"), i, "delta", 0);
    }
}
