package dev.adjointgreeks.scenario.shock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.report.PnlChart;

/**
 * Quantity-weighted portfolio P&amp;L per scenario, full revaluation and explained, gathered from
 * the rows of a scenario run for the {@code --chart} of its single-factor families.
 */
public final class PortfolioPnl {

    private final Map<String, double[]> sums = new HashMap<>();   // scenario -> {pnl, explained}

    /** Adds a scenario row (base rows and rows without P&amp;L are ignored). */
    public void add(TradeResult r) {
        if (r.scenario() == null || r.scenario().equals(TradeResult.BASE) || !r.has("pnl")) {
            return;
        }
        double[] s = sums.computeIfAbsent(r.scenario(), k -> new double[2]);
        s[0] += r.quantity() * r.get("pnl");
        s[1] += r.quantity() * (r.has("pnl_explained") ? r.get("pnl_explained") : Double.NaN);
    }

    /**
     * One chart family per single-factor family of {@code set} (scenarios made of one row with the
     * same underlying, factor and type), by increasing shift; the unshocked market (shift 0, P&amp;L 0)
     * is added where the family does not have it.
     */
    public List<PnlChart.Family> families(ShockSet set) {
        List<PnlChart.Family> out = new ArrayList<>();
        for (Map.Entry<String, List<Shock>> f : set.families().entrySet()) {
            List<double[]> points = new ArrayList<>();
            boolean zero = false;
            for (Shock s : f.getValue()) {
                double[] v = sums.getOrDefault(s.scenario(), new double[2]);
                points.add(new double[] {s.shift(), v[0], v[1]});
                zero |= s.shift() == 0.0;
            }
            if (!zero) {
                points.add(new double[] {0.0, 0.0, 0.0});
            }
            points.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] x = new double[points.size()];
            double[] full = new double[x.length];
            double[] explained = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = points.get(i)[0];
                full[i] = points.get(i)[1];
                explained[i] = points.get(i)[2];
            }
            out.add(new PnlChart.Family(f.getKey(), x, full, explained));
        }
        return out;
    }
}
