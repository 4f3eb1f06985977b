package dev.adjointgreeks.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.adjointgreeks.bench.LocalVolQuickBench;

/** {@code greeks bench --case localvol}: the targets of issue 20, as a table or a JSON member. */
final class LocalVolBench {

    private LocalVolBench() {
    }

    static void report(PrintWriter out, Map<String, Object> doc, boolean json, LocalVolQuickBench.Result r) {
        Map<String, Double> m = r.medianSeconds();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("paths", r.paths());
            o.put("sensitivities", r.quotes() + 3);
            o.put("median_seconds", m);
            o.put("adjoint_over_primal", r.adjointOverPrimal());
            o.put("bump_all_quotes_over_adjoint", r.bumpOverAdjoint());
            o.put("bump_quotes_timed", LocalVolQuickBench.BUMPED);
            o.put("setup_seconds", r.setupSeconds());
            o.put("lanes", r.lanes());
            o.put("tape_bytes_per_block", r.tapeBytes());
            doc.put("localvol", o);
            return;
        }
        out.printf(Locale.ROOT, "%nlocalvol (%d paths, 104 steps, 10 x 10 surface): primal %.1f ms, adjoint (%d sensitivities)"
                + " %.1f ms = %.2f x primal (target <= 3)%n", r.paths(), 1e3 * m.get(LocalVolQuickBench.PRIMAL),
                r.quotes() + 3, 1e3 * m.get(LocalVolQuickBench.ADJOINT), r.adjointOverPrimal());
        out.printf(Locale.ROOT, "  bump of %d quotes %.1f ms, all %d estimated %.1f ms = %.1f x adjoint (target >= 30)%n",
                LocalVolQuickBench.BUMPED, 1e3 * m.get(LocalVolQuickBench.BUMP), r.quotes(),
                1e3 * m.get(LocalVolQuickBench.BUMP) * r.quotes() / LocalVolQuickBench.BUMPED, r.bumpOverAdjoint());
        out.printf(Locale.ROOT, "  setup (grid on the field + its reverse sweep) %.1f ms, paths %.1f ms; tape %d bytes per"
                + " block of %d lanes%n", 1e3 * r.setupSeconds(), 1e3 * (m.get(LocalVolQuickBench.ADJOINT) - r.setupSeconds()),
                r.tapeBytes(), r.lanes());
        out.flush();
    }
}
