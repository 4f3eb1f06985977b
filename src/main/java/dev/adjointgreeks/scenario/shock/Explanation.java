package dev.adjointgreeks.scenario.shock;

import java.util.ArrayList;
import java.util.List;

import dev.adjointgreeks.engine.GreekNames;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.mc.PricingProblem;
import dev.adjointgreeks.scenario.shock.PnlExplain.Hessian;

/**
 * A scenario's P&amp;L as the base row's Greeks predict it ({@link PnlExplain}): the first-order
 * sensitivity to every input that moved, and the second-order terms the trade reports (gamma or
 * the cross gammas {@code gamma_i_j}, vanna, volga), each read back from the base row with its
 * reporting sign undone (theta is {@code -dV/dT}).
 */
public final class Explanation {

    private Explanation() {
    }

    /** The explained P&amp;L of moving the trade's inputs from {@code base} to {@code shocked}. */
    public static double explained(TradeResult baseRow, PricingProblem base, PricingProblem shocked) {
        String[] names = base.inputNames();
        double[] x0 = base.inputValues();
        double[] x1 = shocked.inputValues();
        double[] dx = new double[names.length];
        double[] g = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            dx[i] = x1[i] - x0[i];
            String greek = GreekNames.firstOrder(names[i]);
            g[i] = baseRow.has(greek) ? GreekNames.sign(names[i]) * baseRow.get(greek) : 0.0;
        }
        List<Integer> spots = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals("spot") || names[i].startsWith("spot_")) {
                spots.add(i);
            }
        }
        int vol = base.indexOf("vol");
        List<Hessian> second = new ArrayList<>();
        if (spots.size() == 1) {
            int s = spots.get(0);
            add(second, baseRow, "gamma", s, s);
            if (vol >= 0) {
                add(second, baseRow, "vanna", s, vol);
                add(second, baseRow, "volga", vol, vol);
            }
        } else {
            for (int a = 0; a < spots.size(); a++) {
                for (int b = a; b < spots.size(); b++) {
                    add(second, baseRow, "gamma_" + (a + 1) + "_" + (b + 1), spots.get(a), spots.get(b));
                }
            }
        }
        return PnlExplain.explained(dx, g, second);
    }

    private static void add(List<Hessian> out, TradeResult row, String greek, int i, int j) {
        if (row.has(greek) && Double.isFinite(row.get(greek))) {
            out.add(new Hessian(i, j, row.get(greek)));
        }
    }
}
