package dev.adjointgreeks.scenario.shock;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.adjointgreeks.engine.Greek;
import dev.adjointgreeks.engine.GreekCatalogue;
import dev.adjointgreeks.engine.HessianRows;
import dev.adjointgreeks.engine.RunSettings;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.mc.PricingProblem;
import dev.adjointgreeks.scenario.shock.PnlExplain.Hessian;

/**
 * A scenario's P&amp;L as the base row's Greeks predict it ({@link PnlExplain}): the first-order
 * sensitivity to every input that moved, the second-order terms the trade has (gamma or the cross
 * gammas {@code gamma_i_j}, vanna, volga), each read back from the base row through the trade's
 * {@link GreekCatalogue}, with its reporting sign undone (theta is {@code -dV/dT}), and the cross
 * terms of the base's {@link HessianRows} (spot or vol against every other input that moved).
 */
public final class Explanation {

    /**
     * The explained P&amp;L, and the part of it from the {@link HessianRows} cross terms
     * ({@code pnl_explained_cross}): NaN where a cross term of two moved inputs is missing from the
     * base row (an engine without them: bump, Heston's Fourier price), which {@code total} then lacks.
     */
    public record Explained(double total, double cross) {
    }

    private Explanation() {
    }

    /** The explained P&amp;L of moving the trade's inputs from {@code base} to {@code shocked}. */
    public static Explained explained(TradeResult baseRow, PricingProblem base, PricingProblem shocked) {
        double[] x0 = base.inputValues();
        double[] x1 = shocked.inputValues();
        double[] dx = new double[x0.length];
        for (int i = 0; i < dx.length; i++) {
            dx[i] = x1[i] - x0[i];
        }
        GreekCatalogue catalogue = GreekCatalogue.of(base, true);
        double[] g = new double[x0.length];
        for (Greek.FirstOrder f : catalogue.firstOrder()) {
            g[f.input()] = known(baseRow, f.column()) ? f.sign() * baseRow.get(f.column()) : 0.0;
        }
        List<Hessian> second = new ArrayList<>();
        for (Greek.SecondOrder s : catalogue.secondOrder()) {
            if (known(baseRow, s.column())) {
                second.add(new Hessian(s.inputA(), s.inputB(), s.sign() * baseRow.get(s.column())));
            }
        }
        List<Hessian> cross = new ArrayList<>();
        boolean missing = false;
        for (HessianRows.Entry e : HessianRows.of(base, catalogue)) {
            if (known(baseRow, e.column())) {
                cross.add(new Hessian(e.a(), e.k(), baseRow.get(e.column())));
            } else {
                missing |= dx[e.a()] != 0.0 && dx[e.k()] != 0.0;
            }
        }
        double crossPart = PnlExplain.explained(dx, new double[dx.length], cross);
        second.addAll(cross);
        return new Explained(PnlExplain.explained(dx, g, second), missing ? Double.NaN : crossPart);
    }

    /**
     * The settings that price a trade whose scenarios {@code --explain} explains: the asked ones with
     * the {@link HessianRows} (values the writers never show), plus the curve buckets of a trade that
     * has a curve, or the quotes of one on a surface (a curve or surface shock's explanation is the
     * bucketed first order), which the asked selection may leave out (the writers show only the
     * selected columns).
     */
    public static RunSettings explaining(RunSettings asked, PricingProblem problem) {
        return withBuckets(asked, problem).withHessianRows(true);
    }

    private static RunSettings withBuckets(RunSettings asked, PricingProblem problem) {
        GreekCatalogue all = GreekCatalogue.of(problem, asked.secondOrder());
        boolean buckets = all.columns().stream().anyMatch(GreekCatalogue::onRequest);
        if (!buckets) {
            return asked;
        }
        Set<String> wanted = new LinkedHashSet<>();
        if (asked.greeks() == null) {
            for (String c : all.columns()) {
                if (!GreekCatalogue.onRequest(c)) {
                    wanted.add(c);
                }
            }
        } else {
            wanted.addAll(asked.greeks());
        }
        wanted.addAll(GreekCatalogue.BUCKET_FAMILIES);
        return asked.withGreeks(wanted);
    }

    private static boolean known(TradeResult row, String column) {
        return row.has(column) && Double.isFinite(row.get(column));
    }
}
