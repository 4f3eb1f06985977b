package dev.adjointgreeks.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.adjointgreeks.mc.PricingProblem;

/**
 * The second derivatives a trade's engine has beyond its catalogue's gamma, vanna and volga: the
 * rest of the Hessian rows along each input that starts a second-order Greek (a spot, the vol),
 * e.g. {@code d2V / dS dr}, {@code d2V / dS dq}, {@code d2V / d sigma dr}, a spot against each
 * pillar of a curve or each quote of a surface. The adjoint engine sweeps those rows anyway
 * (tangent-over-adjoint, or differences of adjoint gradients, which are whole gradients), so each
 * entry is one more linear functional of per-path values with its standard error; the analytic
 * engine reads them off its order-2 derivative structure.
 *
 * <p>They are values of a {@link TradeResult} only when {@link RunSettings#hessianRows()} asks for
 * them ({@code --explain}), named {@code d2_<input>_<input>} after the inputs, and never a written
 * column. A pair of inputs that are both directions is listed once. Second derivatives in two inputs
 * neither of which is a direction ({@code d2V / dr2}, rate against dividend, pillar against pillar)
 * are not computed by any engine and are not here.
 */
public final class HessianRows {

    /** {@code d2V / dx_a dx_k}, with {@code a} a direction input; {@code column} its value's name. */
    public record Entry(int a, int k, String column) {
    }

    /** The start of every entry's name. */
    private static final String PREFIX = "d2_";

    private HessianRows() {
    }

    /** Whether a value's name (a standard error's too) is an entry's, not a Greek's. */
    public static boolean isEntry(String name) {
        return name.startsWith(PREFIX);
    }

    /** The direction inputs of {@code catalogue}: the first input of each second-order Greek, in order. */
    static List<Integer> directions(GreekCatalogue catalogue) {
        List<Integer> out = new ArrayList<>();
        for (Greek.SecondOrder g : catalogue.secondOrder()) {
            if (!out.contains(g.inputA())) {
                out.add(g.inputA());
            }
        }
        return out;
    }

    /** The entries of {@code problem} beyond the second-order Greeks of {@code catalogue}. */
    public static List<Entry> of(PricingProblem problem, GreekCatalogue catalogue) {
        String[] names = problem.inputNames();
        Set<Long> seen = new HashSet<>();
        for (Greek.SecondOrder g : catalogue.secondOrder()) {
            seen.add(pair(g.inputA(), g.inputB()));
        }
        List<Entry> out = new ArrayList<>();
        for (int a : directions(catalogue)) {
            for (int k = 0; k < names.length; k++) {
                if (k != a && seen.add(pair(a, k))) {
                    out.add(new Entry(a, k, PREFIX + names[a] + "_" + names[k]));
                }
            }
        }
        return out;
    }

    private static long pair(int i, int j) {
        return ((long) Math.min(i, j) << 32) | Math.max(i, j);
    }
}
