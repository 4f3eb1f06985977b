package dev.adjointgreeks.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.adjointgreeks.mc.PricingProblem;

/**
 * Bump and revalue: central (or forward) differences of the same generic pricer on the passive
 * scalar, common random numbers; second order by three- and four-point differences with the same
 * second-order bump sizes as the adjoint method.
 */
final class BumpEngine extends MonteCarloEngine {

    static final BumpEngine INSTANCE = new BumpEngine();
    /** The timing group of a single trade's bumped evaluators (as in a compare run). */
    static final int BUMP_GROUP = 1;

    private BumpEngine() {
    }

    @Override
    public Method method() {
        return Method.BUMP;
    }

    @Override
    int group() {
        return BUMP_GROUP;
    }

    @Override
    List<String> greeks(Plan plan, int group, String suffix) {
        return bumpGreeks(plan, group, suffix);
    }

    static List<String> bumpGreeks(Plan plan, int group, String suffix) {
        PricingProblem p = plan.problem;
        RunSettings s = plan.settings;
        GreekCatalogue catalogue = s.catalogue(p);
        List<String> names = new ArrayList<>();
        int base = plan.passive(group, null);
        plan.output("price" + suffix, new int[] {base}, new int[] {0}, new double[] {1.0});
        names.add("price" + suffix);
        for (Greek.FirstOrder g : catalogue.firstOrder()) {
            int k = g.input();
            double h = g.bump(s, plan.base[k]);
            double sign = g.sign();
            String n = g.column() + suffix;
            int up = plan.passive(group, plan.bump(k, h));
            if (s.central()) {
                int down = plan.passive(group, plan.bump(k, -h));
                plan.output(n, new int[] {up, down}, new int[] {0, 0}, new double[] {sign * 0.5 / h, -sign * 0.5 / h});
            } else {
                plan.output(n, new int[] {up, base}, new int[] {0, 0}, new double[] {sign / h, -sign / h});
            }
            names.add(n);
        }
        for (Greek.Parallel g : catalogue.parallel()) {
            // rho of a curve: every pillar shifted together by the same h
            double h = s.bumpFor(plan.base[g.inputs()[0]]);
            double[] up = new double[plan.base.length];
            for (int k : g.inputs()) {
                up[k] = h;
            }
            double[] down = new double[up.length];
            for (int k = 0; k < up.length; k++) {
                down[k] = -up[k];
            }
            String n = g.column() + suffix;
            int u = plan.passive(group, up);
            if (s.central()) {
                int d = plan.passive(group, down);
                plan.output(n, new int[] {u, d}, new int[] {0, 0}, new double[] {0.5 / h, -0.5 / h});
            } else {
                plan.output(n, new int[] {u, base}, new int[] {0, 0}, new double[] {1 / h, -1 / h});
            }
            names.add(n);
        }
        Map<Integer, int[]> bumped = new HashMap<>();
        for (Greek.SecondOrder g : catalogue.secondOrder()) {
            int a = g.inputA();
            int b = g.inputB();
            double ha = Greek.SecondOrder.bump(g.blockA(), s, plan.base[a]);
            double hb = Greek.SecondOrder.bump(g.blockB(), s, plan.base[b]);
            String n = g.column() + suffix;
            if (a == b) {
                int[] ud = bumped.computeIfAbsent(a, i -> new int[] {plan.passive(group, plan.bump(i, ha)),
                    plan.passive(group, plan.bump(i, -ha))});
                double inv = 1.0 / (ha * ha);
                plan.output(n, new int[] {ud[0], base, ud[1]}, new int[] {0, 0, 0}, new double[] {inv, -2 * inv, inv});
            } else {
                cross(plan, group, n, a, ha, b, hb);
            }
            names.add(n);
        }
        return names;
    }

    /** Four-point mixed second difference. */
    private static void cross(Plan plan, int group, String name, int i, double hi, int j, double hj) {
        int pp = plan.passive(group, plan.bump(i, hi, j, hj));
        int pm = plan.passive(group, plan.bump(i, hi, j, -hj));
        int mp = plan.passive(group, plan.bump(i, -hi, j, hj));
        int mm = plan.passive(group, plan.bump(i, -hi, j, -hj));
        double c = 0.25 / (hi * hj);
        plan.output(name, new int[] {pp, pm, mp, mm}, new int[] {0, 0, 0, 0}, new double[] {c, -c, -c, c});
    }
}
