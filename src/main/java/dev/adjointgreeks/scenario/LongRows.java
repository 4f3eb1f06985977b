package dev.adjointgreeks.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.sensitivity.SensitivityRow;
import dev.adjointgreeks.sensitivity.WideColumns;

/**
 * A priced trade's wide row as long-layout rows, one per value column in the wide layout's order
 * ({@code price} first, then the Greeks of its catalogue, then bucketed columns): the same numbers,
 * named by {@link WideColumns#of}. A value the wide layout leaves empty (undefined for the trade, see
 * the batch rule) gets no row; a column's {@code _stderr} becomes the row's standard error, except
 * under {@code analytic}, whose wide {@code 0} means "no Monte Carlo error": the long layout leaves it
 * empty, as its package notes say.
 */
public final class LongRows {

    private LongRows() {
    }

    /**
     * The rows of {@code r} for the wide value columns {@code valueColumns} (single method: no
     * compare columns), in market {@code market} (empty if the trade names none).
     *
     * @throws IllegalStateException if two columns map to one (factor, bucket): a naming bug
     */
    public static List<SensitivityRow> of(TradeResult r, String market, List<String> valueColumns) {
        List<SensitivityRow> out = new ArrayList<>();
        Set<WideColumns.Factor> seen = new HashSet<>();
        boolean closedForm = r.method().equals(Method.ANALYTIC.word());   // its 0 standard error means none
        for (String c : valueColumns) {
            if (c.endsWith("_stderr")) {
                continue;
            }
            Double v = r.values().get(c);
            if (v == null || v.isNaN()) {
                continue;
            }
            WideColumns.Factor f = WideColumns.of(c);
            if (!seen.add(f)) {
                throw new IllegalStateException(r.id() + ": column " + c + " maps to (" + f.factor() + ", "
                        + f.bucket() + "), which another column already has");
            }
            Double se = closedForm ? null : r.values().get(c + "_stderr");
            out.add(new SensitivityRow(r.id(), market == null ? "" : market, f.factor(), f.bucket(), v,
                    se == null ? Double.NaN : se));
        }
        return out;
    }
}
