package dev.adjointgreeks.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.adjointgreeks.engine.GreekCatalogue;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.Trade;

/** The Greek columns of an output file, in a fixed, readable order. */
public final class OutputColumns {

    /** Every Greek a single-asset trade can have, in output order. */
    public static final List<String> SINGLE_ASSET = List.of("delta", "gamma", "vega", "vanna", "volga", "rho",
            "dividend_rho", "theta", "d_strike", "d_barrier", "d_heston_v0", "d_heston_kappa", "d_heston_theta",
            "d_heston_xi", "d_heston_rho");

    private OutputColumns() {
    }

    /** The Greeks (without {@code price}) a trade reports: its {@link GreekCatalogue}'s columns. */
    public static List<String> greeksOf(Trade trade, boolean secondOrder) {
        return GreekCatalogue.of(trade.problem(), secondOrder).columns();
    }

    /** Sorts Greek names: single-asset order first, then per-asset families, then the rest. */
    public static List<String> canonical(Collection<String> greeks) {
        List<String> out = new ArrayList<>(new LinkedHashSet<>(greeks));
        // Other sensitivities keep the order of their model's inputs (the sort is stable), e.g. the
        // LIBOR model's d_forward_rate_1..N, d_lambda_1..N, d_accrual.
        out.sort(Comparator.comparingInt(OutputColumns::rank)
                .thenComparing((a, b) -> rank(a) == OTHER ? 0 : indexKey(a).compareTo(indexKey(b))));
        return out;
    }

    private static final int OTHER = 1000;

    private static int rank(String g) {
        int i = SINGLE_ASSET.indexOf(g);
        if (i >= 0) {
            return 10 * i;
        }
        String[] families = {"delta_", "gamma_", "vega_", "dividend_rho_", "d_corr_"};
        int[] after = {0, 1, 2, 6, 7};
        for (int f = 0; f < families.length; f++) {
            if (g.startsWith(families[f])) {
                return 10 * after[f] + 5;
            }
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
        return SINGLE_ASSET.contains(name) || name.equals("d_corr")
                || name.matches("(delta|vega|dividend_rho)_\\d+|gamma_\\d+_\\d+|d_[a-z][a-z0-9_]*");
    }

    /** Keeps the Greeks selected by {@code filter} (null: all). */
    public static List<String> select(List<String> greeks, Set<String> filter) {
        if (filter == null) {
            return greeks;
        }
        List<String> out = new ArrayList<>();
        for (String g : greeks) {
            if (GreekCatalogue.selects(filter, g)) {
                out.add(g);
            }
        }
        return out;
    }
}
