package dev.adjointgreeks.surrogate;

import java.util.List;

import dev.adjointgreeks.engine.Greek;
import dev.adjointgreeks.engine.GreekCatalogue;
import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.mc.PricingProblem;

/**
 * The output columns of a surrogate's Greeks and their signs, taken from the project's list of a
 * trade's Greeks ({@link GreekCatalogue}: one first-order Greek per input, in input order, named
 * and signed by its input's role), so that {@code surrogate price} writes the same names and
 * conventions as {@code greeks price} (delta, delta_3, vega, theta = -dV/dT, ...).
 */
final class GreekColumns {

    private GreekColumns() {
    }

    /** The first-order Greek of each varying input. */
    private static Greek.FirstOrder[] greeks(SurrogateSpec spec) {
        Trade trade = spec.trade();
        PricingProblem p = trade.problem();
        List<Greek.FirstOrder> firstOrder = GreekCatalogue.of(p, false).firstOrder();
        Greek.FirstOrder[] out = new Greek.FirstOrder[spec.inputs()];
        for (int j = 0; j < out.length; j++) {
            out[j] = firstOrder.get(p.indexOf(spec.vary().get(j).name()));
        }
        return out;
    }

    /** The column of each varying input's Greek. */
    static String[] of(SurrogateSpec spec) {
        Greek.FirstOrder[] g = greeks(spec);
        String[] out = new String[g.length];
        for (int j = 0; j < g.length; j++) {
            out[j] = g[j].column();
        }
        return out;
    }

    /** The sign of each varying input's Greek: reported value = sign x dV/dx (-1 for theta). */
    static double[] signs(SurrogateSpec spec) {
        Greek.FirstOrder[] g = greeks(spec);
        double[] out = new double[g.length];
        for (int j = 0; j < g.length; j++) {
            out[j] = g[j].sign();
        }
        return out;
    }
}
