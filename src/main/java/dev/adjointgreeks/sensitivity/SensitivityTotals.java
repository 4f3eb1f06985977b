package dev.adjointgreeks.sensitivity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The book's sensitivities: per (market, factor, bucket), the quantity-weighted sum over trades,
 * as today's wide totals. Trades have independent random streams, so standard errors add in
 * quadrature, {@code sqrt(sum q^2 se^2)}; a total with any contribution that has no standard error
 * (NaN) has none either. Rows come out with id {@code TOTAL}, keys in first-seen order, so the
 * totals of a book read in input order are deterministic.
 */
public final class SensitivityTotals {

    /** The id of the total rows. */
    public static final String TOTAL = "TOTAL";

    private final Map<SensitivityRow.Key, double[]> sums = new LinkedHashMap<>();

    /** Adds {@code quantity} times the row's value (and its variance) to its key's total. */
    public void add(SensitivityRow row, double quantity) {
        if (!Double.isFinite(quantity)) {
            throw new IllegalArgumentException("quantity must be finite (" + row.id() + ": " + quantity + ")");
        }
        double[] s = sums.computeIfAbsent(row.key(), k -> new double[2]);
        s[0] += quantity * row.value();
        double se = row.stderr();
        s[1] += quantity * quantity * se * se;   // a NaN stays NaN: no standard error
    }

    public void addAll(Iterable<SensitivityRow> rows, double quantity) {
        for (SensitivityRow r : rows) {
            add(r, quantity);
        }
    }

    /** The {@code TOTAL} rows, one per key, in first-seen order. */
    public List<SensitivityRow> rows() {
        List<SensitivityRow> out = new ArrayList<>(sums.size());
        for (Map.Entry<SensitivityRow.Key, double[]> e : sums.entrySet()) {
            SensitivityRow.Key k = e.getKey();
            double[] s = e.getValue();
            out.add(new SensitivityRow(TOTAL, k.market(), k.factor(), k.bucket(), s[0], Math.sqrt(s[1])));
        }
        return out;
    }
}
