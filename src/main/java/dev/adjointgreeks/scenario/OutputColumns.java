package dev.adjointgreeks.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.adjointgreeks.engine.Greek;
import dev.adjointgreeks.engine.GreekCatalogue;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.ModelTypes;
import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.model.ModelDescriptor;
import dev.adjointgreeks.model.Underlying;
import dev.adjointgreeks.product.ProductDescriptor;
import dev.adjointgreeks.product.ProductTypes;
import dev.adjointgreeks.spec.Input;
import dev.adjointgreeks.spec.Role;

/** The Greek columns of an output file, in a fixed, readable order. */
public final class OutputColumns {

    private OutputColumns() {
    }

    /**
     * Every Greek a single-asset trade can have, in output order, from the roles and the
     * registered descriptors: the role-named Greeks (delta, gamma, vega, vanna, volga, rho,
     * dividend_rho, theta), then {@code d_} of each differentiated field of the single-asset
     * products (d_strike, d_barrier) and models (d_heston_v0, ..., a registered model's own).
     */
    public static List<String> singleAsset() {
        List<String> out = new ArrayList<>();
        for (Role r : Role.values()) {
            if (r.namesItsGreek()) {
                out.add(r.greekFamily(null));
                if (r == Role.SPOT) {
                    out.add(Greek.GAMMA);
                } else if (r == Role.VOLATILITY) {
                    out.add(Greek.VANNA);
                    out.add(Greek.VOLGA);
                }
            }
        }
        for (ProductDescriptor p : ProductTypes.all()) {
            if (p.underlying() == Underlying.SINGLE_ASSET) {
                addOwn(out, p.inputs());
            }
        }
        for (ModelDescriptor m : ModelTypes.descriptors()) {
            if (m.underlyings().contains(Underlying.SINGLE_ASSET)) {
                addOwn(out, m.inputs(Underlying.SINGLE_ASSET));
            }
        }
        return out;
    }

    private static void addOwn(List<String> out, List<Input> inputs) {
        for (Input i : inputs) {
            if (i.block() != null && i.shape() == Input.Shape.SCALAR && !i.role().namesItsGreek()) {
                String g = i.role().greekFamily(i.block());
                if (!out.contains(g)) {
                    out.add(g);
                }
            }
        }
    }

    /** The families with asset indices ({@code delta_2}, {@code d_corr_1_2}): the multi-asset models' lists, and gamma. */
    private static Set<String> perAssetFamilies() {
        Set<String> out = new LinkedHashSet<>();
        out.add(Greek.GAMMA);
        for (ModelDescriptor m : ModelTypes.descriptors()) {
            if (m.underlyings().contains(Underlying.MULTI_ASSET)) {
                for (Input i : m.inputs(Underlying.MULTI_ASSET)) {
                    if (i.block() != null && i.shape() != Input.Shape.SCALAR) {
                        out.add(i.role().greekFamily(i.block()));
                    }
                }
            }
        }
        return out;
    }

    /** The Greeks (without {@code price}) a trade reports: its {@link GreekCatalogue}'s columns. */
    public static List<String> greeksOf(Trade trade, boolean secondOrder) {
        return GreekCatalogue.of(trade.problem(), secondOrder).columns();
    }

    /** Sorts Greek names: single-asset order first, then per-asset families, then the rest. */
    public static List<String> canonical(Collection<String> greeks) {
        List<String> out = new ArrayList<>(new LinkedHashSet<>(greeks));
        List<String> single = singleAsset();
        Set<String> perAsset = perAssetFamilies();
        // Other sensitivities keep the order of their model's inputs (the sort is stable), e.g. the
        // LIBOR model's d_forward_rate_1..N, d_lambda_1..N, d_accrual.
        out.sort(Comparator.<String>comparingInt(g -> rank(g, single, perAsset))
                .thenComparing((a, b) -> rank(a, single, perAsset) == OTHER ? 0 : indexKey(a).compareTo(indexKey(b))));
        return out;
    }

    private static final int OTHER = 1000;

    /**
     * A single-asset Greek's place; a per-asset one right after its family's single-asset column
     * ({@code delta_2} after {@code delta}), or, without one ({@code d_corr_1_2}), after the last
     * role-named Greek; anything else keeps its order at the end.
     */
    private static int rank(String g, List<String> single, Set<String> perAsset) {
        int i = single.indexOf(g);
        if (i >= 0) {
            return 10 * i;
        }
        String family = GreekCatalogue.family(g);
        if (!family.equals(g) && perAsset.contains(family)) {
            int f = single.indexOf(family);
            return 10 * (f >= 0 ? f : single.indexOf(Role.MATURITY.greekFamily(null))) + 5;
        }
        return OTHER;
    }

    /** Numeric order of the asset indices (delta_2 before delta_10). */
    private static String indexKey(String g) {
        StringBuilder sb = new StringBuilder();
        for (String part : g.split("_")) {
            sb.append(part.chars().allMatch(Character::isDigit) ? String.format("%06d", Integer.parseInt(part)) : part)
                    .append('_');
        }
        return sb.toString();
    }

    /** Value columns for the Greeks (price first) under a method. */
    public static List<String> valueColumns(List<String> greeks, Method method) {
        List<String> cols = new ArrayList<>();
        List<String> all = new ArrayList<>();
        all.add("price");
        all.addAll(greeks);
        for (String g : all) {
            if (method == Method.COMPARE) {
                cols.add(g + "_adjoint");
                cols.add(g + "_adjoint_stderr");
                cols.add(g + "_bump");
                cols.add(g + "_bump_stderr");
                cols.add(g + "_analytic");
                cols.add(g + "_z");
                cols.add(g + "_z_analytic");
            } else {
                cols.add(g);
                cols.add(g + "_stderr");
            }
        }
        if (method == Method.COMPARE) {
            cols.add("time_adjoint_ms");
            cols.add("time_bump_ms");
            cols.add("time_analytic_ms");
        }
        return cols;
    }

    /**
     * Whether {@code name} is a Greek, or a family of Greeks, some trade could report: a built-in
     * column, a per-asset one, or {@code d_} plus an input's name (a registered model's inputs too).
     */
    public static boolean known(String name) {
        if (singleAsset().contains(name) || name.matches("d_[a-z][a-z0-9_]*")) {
            return true;
        }
        String family = GreekCatalogue.family(name);
        return !family.equals(name) && perAssetFamilies().contains(family);
    }

    /** Keeps the Greeks selected by {@code filter} (null: all). */
    public static List<String> select(List<String> greeks, Set<String> filter) {
        List<String> out = new ArrayList<>();
        for (String g : greeks) {
            if (GreekCatalogue.selects(filter, g)) {
                out.add(g);
            }
        }
        return out;
    }
}
