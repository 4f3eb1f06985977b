package dev.adjointgreeks.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.adjointgreeks.mc.MonteCarlo.Output;
import dev.adjointgreeks.mc.PricingProblem;

/**
 * The adjoint method: one adjoint sweep per path gives every first-order Greek. Second order
 * (gamma, cross gammas, vanna, volga): where the trade's estimator is smooth path by path
 * ({@link PricingProblem#smoothPathwise()}), by tangent-over-adjoint in the same sweep (exact
 * pathwise second derivatives, unbiased, one tangent direction per spot or vol that starts a
 * Greek); elsewhere by central differences of adjoint gradients under common random numbers at
 * h and h/2 with the bias in the error bar ({@link SecondOrderError}), spot bumped by
 * {@code spotBump2} (relative, default 1%) and vol by {@code volBump2} (absolute, default 0.01).
 * Either way the rows along each such input are whole, so {@link HessianRows} (the cross terms
 * {@code --explain} uses) cost one output each, with their standard errors.
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
        List<Greek.SecondOrder> second = catalogue.secondOrder();
        boolean tangent = !second.isEmpty() && plan.settings.secondOrderMethod() == RunSettings.SecondOrderMethod.AUTO
                && p.smoothPathwise();
        // Hessian rows: one tangent direction per input that starts a second-order Greek (the spot of
        // a gamma or vanna, the vol of a volga)
        List<Integer> directions = tangent ? HessianRows.directions(catalogue) : List.of();
        // the rest of those rows, for --explain (values, never columns)
        List<HessianRows.Entry> rows = plan.settings.hessianRows() ? HessianRows.of(p, catalogue) : List.of();
        int base = tangent ? plan.hessian(group, directions.stream().mapToInt(Integer::intValue).toArray())
                : plan.adjoint(group, null);
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
        if (tangent) {
            for (Greek.SecondOrder g : second) {
                tangentEntry(plan, base, directions, g.inputA(), g.inputB(), g.column() + suffix);
                names.add(g.column() + suffix);
            }
            for (HessianRows.Entry r : rows) {
                tangentEntry(plan, base, directions, r.a(), r.k(), r.column() + suffix);
                names.add(r.column() + suffix);
            }
            return names;
        }
        // Second order: central differences of adjoint gradients at h and h/2, one bumped pair of
        // evaluators per bumped input and step, shared by every Greek that needs it; D(h) is the
        // output named for the Greek, R and G beside it give the bias (SecondOrderError).
        Map<Integer, int[]> coarse = new HashMap<>();
        Map<Integer, int[]> fine = new HashMap<>();
        Map<Integer, Double> h = new HashMap<>();
        for (Greek.SecondOrder g : second) {
            for (int side = 0; side < 2; side++) {
                int in = side == 0 ? g.inputA() : g.inputB();
                if (!coarse.containsKey(in)) {
                    double size = Greek.SecondOrder.bump(side == 0 ? g.blockA() : g.blockB(), plan.settings,
                            plan.base[in]);
                    h.put(in, size);
                    coarse.put(in, new int[] {plan.adjoint(group, plan.bump(in, size)),
                        plan.adjoint(group, plan.bump(in, -size))});
                    fine.put(in, new int[] {plan.adjoint(group, plan.bump(in, 0.5 * size)),
                        plan.adjoint(group, plan.bump(in, -0.5 * size))});
                }
            }
        }
        List<Output> coarseOut = new ArrayList<>();
        List<Output> fineOut = new ArrayList<>();
        for (Greek.SecondOrder g : catalogue.secondOrder()) {
            String n = g.column() + suffix;
            Output d = difference(n, g.inputA(), g.inputB(), g.isSpotDiagonal(), coarse, h, 1.0);
            plan.outputs.add(d);
            coarseOut.add(d);
            fineOut.add(difference(n, g.inputA(), g.inputB(), g.isSpotDiagonal(), fine, h, 0.5));
            names.add(n);
        }
        for (HessianRows.Entry r : rows) {
            // the bumped gradients are whole gradients: their other components are the rest of the row
            String n = r.column() + suffix;
            Output d = difference(n, r.a(), r.k(), false, coarse, h, 1.0);
            plan.outputs.add(d);
            coarseOut.add(d);
            fineOut.add(difference(n, r.a(), r.k(), false, fine, h, 0.5));
            names.add(n);
        }
        // the hidden outputs after every named one (compare runs index the named ones by position)
        for (int k = 0; k < coarseOut.size(); k++) {
            SecondOrderError.addOutputs(plan, coarseOut.get(k), fineOut.get(k));
        }
        return names;
    }

    /**
     * Output {@code name}: {@code d2V / dx_a dx_b}, row {@code a} component {@code b} of the
     * tangent-over-adjoint evaluator {@code base}, symmetrised with row {@code b} component {@code a}
     * when both rows are swept.
     */
    private static void tangentEntry(Plan plan, int base, List<Integer> directions, int a, int b, String name) {
        int n = plan.base.length;
        int ra = directions.indexOf(a);
        int rb = directions.indexOf(b);
        if (rb >= 0 && a != b) {
            plan.output(name, new int[] {base, base}, new int[] {1 + n + ra * n + b, 1 + n + rb * n + a},
                    new double[] {0.5, 0.5});
        } else {
            plan.output(name, new int[] {base}, new int[] {1 + n + ra * n + b}, new double[] {1.0});
        }
    }

    /**
     * The central difference of adjoint gradients for {@code d2V / dx_a dx_b} from the evaluators
     * bumped by {@code scale} times the step {@code h}: along {@code a} only where {@code b} is not
     * bumped (or {@code a == b}: volga, the difference of the vol-bumped vegas), else symmetrised,
     * {@code (d g_b / d x_a + d g_a / d x_b) / 2}.
     */
    private static Output difference(String name, int a, int b, boolean spotDiagonal, Map<Integer, int[]> bumped,
            Map<Integer, Double> h, double scale) {
        double ha = scale * h.get(a);
        if ((a == b && !spotDiagonal) || !bumped.containsKey(b)) {
            return new Output(name, bumped.get(a), new int[] {1 + b, 1 + b}, new double[] {0.5 / ha, -0.5 / ha});
        }
        double hb = scale * h.get(b);
        return new Output(name, new int[] {bumped.get(a)[0], bumped.get(a)[1], bumped.get(b)[0], bumped.get(b)[1]},
                new int[] {1 + b, 1 + b, 1 + a, 1 + a},
                new double[] {0.25 / ha, -0.25 / ha, 0.25 / hb, -0.25 / hb});
    }
}
