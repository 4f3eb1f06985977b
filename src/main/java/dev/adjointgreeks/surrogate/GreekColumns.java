package dev.adjointgreeks.surrogate;

import java.util.List;

import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.mc.PricingProblem;
import dev.adjointgreeks.scenario.OutputColumns;

/**
 * The output columns of a surrogate's Greeks, taken from the project's list of a trade's Greeks
 * ({@link OutputColumns#greeksOf}: one first-order Greek per input, in input order), so that
 * {@code surrogate price} writes the same names as {@code greeks price} (delta, delta_3, vega, ...).
 */
final class GreekColumns {

    private GreekColumns() {
    }

    /** The column of each varying input's Greek. */
    static String[] of(SurrogateSpec spec) {
        Trade trade = spec.trade();
        PricingProblem p = trade.problem();
        List<String> firstOrder = OutputColumns.greeksOf(trade, false);
        String[] out = new String[spec.inputs()];
        for (int j = 0; j < out.length; j++) {
            out[j] = firstOrder.get(p.indexOf(spec.vary().get(j).name()));
        }
        return out;
    }

    /** +1, or -1 for theta, which the project reports as -dV/dT. */
    static double sign(String column) {
        return column.equals("theta") ? -1.0 : 1.0;
    }
}
