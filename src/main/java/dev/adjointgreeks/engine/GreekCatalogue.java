package dev.adjointgreeks.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.adjointgreeks.mc.PricingProblem;
import dev.adjointgreeks.model.InputBlock;
import dev.adjointgreeks.model.InputLayout;
import dev.adjointgreeks.spec.Role;

/**
 * The Greeks of a trade, in output order: one first-order Greek per input, then (when second order
 * is asked for) the gammas of every pair of spots, and vanna and volga for one asset with a
 * {@code vol} input. The one place that decides which Greeks a trade has; a selection
 * ({@code --greeks}) filters it by column or family.
 */
public final class GreekCatalogue {

    private final List<Greek> greeks;

    private GreekCatalogue(List<Greek> greeks) {
        this.greeks = List.copyOf(greeks);
    }

    /** Every Greek of the problem's inputs, second order included if {@code secondOrder}. */
    public static GreekCatalogue of(PricingProblem problem, boolean secondOrder) {
        InputLayout layout = problem.layout();
        List<Greek> g = new ArrayList<>();
        for (InputBlock b : layout.blocks()) {
            if (b.role().bucketed()) {
                // the parallel sum first (rho or vega where a flat input has it), then the buckets (on request)
                int[] in = new int[b.size()];
                for (int k = 0; k < in.length; k++) {
                    in[k] = layout.index(b, k);
                }
                g.add(new Greek.Parallel(b, in));
            }
            for (int k = 0; k < b.size(); k++) {
                g.add(new Greek.FirstOrder(b, k, layout.index(b, k)));
            }
        }
        if (secondOrder) {
            InputBlock spot = blockOf(layout, Role.SPOT);
            if (spot != null) {
                for (int a = 0; a < spot.size(); a++) {
                    for (int c = a; c < spot.size(); c++) {
                        g.add(new Greek.SecondOrder(spot, a, layout.index(spot, a), spot, c, layout.index(spot, c)));
                    }
                }
                InputBlock vol = blockOf(layout, Role.VOLATILITY);
                if (vol != null && spot.shape() == InputBlock.Shape.SCALAR && vol.shape() == InputBlock.Shape.SCALAR) {
                    int s = layout.index(spot);
                    int v = layout.index(vol);
                    g.add(new Greek.SecondOrder(spot, 0, s, vol, 0, v));
                    g.add(new Greek.SecondOrder(vol, 0, v, vol, 0, v));
                }
            }
        }
        return new GreekCatalogue(g);
    }

    /** The first block of {@code role} in the layout, or null. */
    private static InputBlock blockOf(InputLayout layout, Role role) {
        for (InputBlock b : layout.blocks()) {
            if (b.role() == role) {
                return b;
            }
        }
        return null;
    }

    public List<Greek> all() {
        return greeks;
    }

    public List<Greek.FirstOrder> firstOrder() {
        List<Greek.FirstOrder> out = new ArrayList<>();
        for (Greek g : greeks) {
            if (g instanceof Greek.FirstOrder f) {
                out.add(f);
            }
        }
        return out;
    }

    public List<Greek.SecondOrder> secondOrder() {
        List<Greek.SecondOrder> out = new ArrayList<>();
        for (Greek g : greeks) {
            if (g instanceof Greek.SecondOrder s) {
                out.add(s);
            }
        }
        return out;
    }

    public List<Greek.Parallel> parallel() {
        List<Greek.Parallel> out = new ArrayList<>();
        for (Greek g : greeks) {
            if (g instanceof Greek.Parallel p) {
                out.add(p);
            }
        }
        return out;
    }

    /** The column names, in order. */
    public List<String> columns() {
        List<String> out = new ArrayList<>();
        for (Greek g : greeks) {
            out.add(g.column());
        }
        return out;
    }

    /** The family of a column: the column without its asset indices ({@code delta_2} gives {@code delta}). */
    public static String family(String column) {
        for (String bucketed : BUCKET_FAMILIES) {
            if (column.startsWith(bucketed + "_")) {
                return bucketed;
            }
        }
        return column.replaceAll("(_\\d+)+$", "");
    }

    /** The families of a curve's buckets, {@code d_discount_curve} and {@code d_dividend_curve}. */
    public static final List<String> CURVE_FAMILIES = List.of(Role.DISCOUNT_CURVE.greekFamily("discount_curve"),
            Role.DIVIDEND_CURVE.greekFamily("dividend_curve"));

    /** The families of every bucketed input: the curves' and a surface's quotes ({@code d_vol_surface}). */
    public static final List<String> BUCKET_FAMILIES = List.of(CURVE_FAMILIES.get(0), CURVE_FAMILIES.get(1),
            Role.VOL_SURFACE.greekFamily("vol_surface"));

    /**
     * Whether a column is reported only when a selection names it or its family: a curve's
     * buckets ({@code d_discount_curve_5Y}) or a surface's quotes ({@code d_vol_surface_1Y_90}),
     * which would otherwise add a column per pillar or quote to every wide file.
     */
    public static boolean onRequest(String column) {
        return BUCKET_FAMILIES.contains(family(column));
    }

    /**
     * A selection that picks every column, the on-request buckets included: what the long layout and
     * the CRIF report when no {@code --greeks} is given (a long file has room for every pillar).
     */
    public static final String EVERYTHING = "*";

    /** Whether {@code selection} (columns or families; null: everything but buckets) picks the column {@code column}. */
    public static boolean selects(Collection<String> selection, String column) {
        if (selection == null) {
            return !onRequest(column);
        }
        return selection.contains(EVERYTHING) || selection.contains(column) || selection.contains(family(column));
    }

    /** Whether {@code selection} (columns or families; null: everything) picks {@code g}. */
    public static boolean selects(Collection<String> selection, Greek g) {
        if (selection == null) {
            return !onRequest(g.column());
        }
        return selection.contains(EVERYTHING) || selection.contains(g.column()) || selection.contains(g.family());
    }

    /** Whether {@code selection} picks any second-order Greek. */
    public static boolean wantsSecondOrder(Collection<String> selection) {
        return selection == null || selection.contains(EVERYTHING)
                || selection.stream().anyMatch(g -> g.startsWith(Greek.GAMMA) || g.equals(Greek.VANNA) || g.equals(Greek.VOLGA));
    }

    /** The Greeks that {@code selection} picks. */
    public GreekCatalogue select(Collection<String> selection) {
        List<Greek> out = new ArrayList<>();
        for (Greek g : greeks) {
            if (selects(selection, g)) {
                out.add(g);
            }
        }
        return new GreekCatalogue(out);
    }
}
