package dev.adjointgreeks.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.adjointgreeks.mc.PricingProblem;

/**
 * The adjoint method: one adjoint sweep per path gives every first-order Greek; second order
 * (gamma, cross gammas, vanna, volga) by central differences of adjoint gradients under common
 * random numbers, spot bumped by {@code spotBump2} (relative, default 1%) and vol by
 * {@code volBump2} (absolute, default 0.01).
 */
final class AdjointEngine extends MonteCarloEngine {

    static final AdjointEngine INSTANCE = new AdjointEngine();
    /** The timing group of a single trade's adjoint evaluators (compare runs bump as group 1). */
    static final int ADJOINT_GROUP = 0;

    private AdjointEngine() {
    }

    @Override
    public Method method() {
        return Method.ADJOINT;
    }

    @Override
    int group() {
        return ADJOINT_GROUP;
    }

    @Override
    List<String> greeks(Plan plan, int group, String suffix) {
        return adjointGreeks(plan, group, suffix);
    }

    /** Adds the adjoint evaluators and outputs; returns the output names ({@code price}, Greeks). */
    static List<String> adjointGreeks(Plan plan, int group, String suffix) {
        PricingProblem p = plan.problem;
        GreekCatalogue catalogue = plan.settings.catalogue(p);
        List<String> names = new ArrayList<>();
        int base = plan.adjoint(group, null);
        plan.output("price" + suffix, new int[] {base}, new int[] {0}, new double[] {1.0});
        names.add("price" + suffix);
        for (Greek.FirstOrder g : catalogue.firstOrder()) {
            plan.output(g.column() + suffix, new int[] {base}, new int[] {1 + g.input()}, new double[] {g.sign()});
            names.add(g.column() + suffix);
        }
        for (Greek.Parallel g : catalogue.parallel()) {
            // rho of a curve: the sum of the pillars' adjoints, path by path (its stderr comes with it)
            int n = g.inputs().length;
            int[] comps = new int[n];
            for (int k = 0; k < n; k++) {
                comps[k] = 1 + g.inputs()[k];
            }
            int[] evals = new int[n];
            java.util.Arrays.fill(evals, base);
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, g.sign());
            plan.output(g.column() + suffix, evals, comps, ones);
            names.add(g.column() + suffix);
        }
        // Second order: central differences of adjoint gradients, one bumped pair of evaluators per
        // bumped input, shared by every Greek that needs it.
        Map<Integer, int[]> bumped = new HashMap<>();
        Map<Integer, Double> h = new HashMap<>();
        for (Greek.SecondOrder g : catalogue.secondOrder()) {
            for (int side = 0; side < 2; side++) {
                int in = side == 0 ? g.inputA() : g.inputB();
                if (!bumped.containsKey(in)) {
                    double size = Greek.SecondOrder.bump(side == 0 ? g.blockA() : g.blockB(), plan.settings,
                            plan.base[in]);
                    h.put(in, size);
                    bumped.put(in, new int[] {plan.adjoint(group, plan.bump(in, size)),
                        plan.adjoint(group, plan.bump(in, -size))});
                }
            }
        }
        for (Greek.SecondOrder g : catalogue.secondOrder()) {
            int a = g.inputA();
            int b = g.inputB();
            double ha = h.get(a);
            double hb = h.get(b);
            String n = g.column() + suffix;
            if (a == b && !g.isSpotDiagonal()) {
                // volga: the difference of the vega of the vol-bumped evaluators
                plan.output(n, bumped.get(a), new int[] {1 + a, 1 + a}, new double[] {0.5 / ha, -0.5 / ha});
            } else {
                // symmetrised: (d g_b / d x_a + d g_a / d x_b) / 2
                plan.output(n, new int[] {bumped.get(a)[0], bumped.get(a)[1], bumped.get(b)[0], bumped.get(b)[1]},
                        new int[] {1 + b, 1 + b, 1 + a, 1 + a},
                        new double[] {0.25 / ha, -0.25 / ha, 0.25 / hb, -0.25 / hb});
            }
            names.add(n);
        }
        return names;
    }
}
