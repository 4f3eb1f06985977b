package dev.adjointgreeks.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

class LongLayoutTest {

    private static final double EPS = Math.ulp(1.0);

    private static SensitivityRow row(String id, String market, String factor, String bucket, double v, double se) {
        return new SensitivityRow(id, market, factor, bucket, v, se);
    }

    @Test
    void csvHasExactlyTheLongColumnsAndTheWideLayoutsNumbers() throws Exception {
        StringWriter out = new StringWriter();
        try (LongLayoutWriter w = LongLayoutWriter.csv(out)) {
            w.write(row("eq1", "spx", "price", "", 12.3, 0.05));
            w.write(row("eq1", "spx", "discount_curve", "5Y", -123.4, 0.5));
            w.write(row("eq1", "spx", "delta", "", 0.61, 0.002));
            w.write(row("eq,2", "spx", "discount_curve", "0.25", 1e-20, Double.NaN));
        }
        assertEquals("id,market,factor,bucket,value,stderr\n"
                + "eq1,spx,price,,12.3,0.05\n"
                + "eq1,spx,discount_curve,5Y,-123.4,0.5\n"
                + "eq1,spx,delta,,0.61,0.002\n"
                + "\"eq,2\",spx,discount_curve,0.25,1.0E-20,\n", out.toString());
    }

    @Test
    void jsonLinesLeaveOutAMissingStandardError() throws Exception {
        StringWriter out = new StringWriter();
        try (LongLayoutWriter w = LongLayoutWriter.jsonLines(out)) {
            w.writeAll(List.of(row("eq1", "spx", "discount_curve", "5Y", -123.4, 0.5),
                    row("eq1", "", "price", "", 12.3, Double.NaN)));
        }
        assertEquals("{\"id\":\"eq1\",\"market\":\"spx\",\"factor\":\"discount_curve\",\"bucket\":\"5Y\",\"value\":-123.4,"
                + "\"stderr\":0.5}\n"
                + "{\"id\":\"eq1\",\"market\":\"\",\"factor\":\"price\",\"bucket\":\"\",\"value\":12.3}\n", out.toString());
    }

    @Test
    void aCurveFactorGivesOneRowPerPillarLabelledAsWritten() {
        List<SensitivityRow> rows = SensitivityRow.buckets("eq1", "spx", "discount_curve", List.of("3M", "1Y", "0.5"),
                new double[] {-1, -2, -3}, new double[] {0.1, 0.2, 0.3});
        assertEquals(List.of(row("eq1", "spx", "discount_curve", "3M", -1, 0.1),
                row("eq1", "spx", "discount_curve", "1Y", -2, 0.2), row("eq1", "spx", "discount_curve", "0.5", -3, 0.3)),
                rows);
        assertTrue(Double.isNaN(SensitivityRow.buckets("a", "m", "dividend_curve", List.of("1Y"), new double[] {1},
                null).get(0).stderr()));
        assertThrows(IllegalArgumentException.class, () -> SensitivityRow.buckets("a", "m", "discount_curve",
                List.of("1Y"), new double[] {1, 2}, null));
    }

    @Test
    void rowsRefuseWhatTheBatchRuleForbids() {
        assertThrows(IllegalArgumentException.class, () -> row("a", "m", "delta", "", Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> row("a", "m", "delta", "", Double.POSITIVE_INFINITY, 0));
        assertThrows(IllegalArgumentException.class, () -> row("a", "m", "delta", "", 1, -1));
        assertThrows(IllegalArgumentException.class, () -> row("a", "m", "delta", "", 1, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> row("a", "m", "", "", 1, 0));
        assertThrows(IllegalArgumentException.class, () -> row("a", null, "delta", "", 1, 0));
    }

    @Test
    void totalsAreQuantityWeightedSumsPerMarketFactorAndBucket() {
        SensitivityTotals totals = new SensitivityTotals();
        totals.addAll(List.of(row("a", "spx", "price", "", 10, 0.1), row("a", "spx", "discount_curve", "5Y", -100, 1),
                row("a", "spx", "discount_curve", "1Y", -5, 0.2)), 2.0);
        totals.addAll(List.of(row("b", "spx", "price", "", 4, 0.3), row("b", "spx", "discount_curve", "5Y", 30, 2),
                row("b", "spx", "dividend_curve", "5Y", 7, 0.5)), -3.0);
        totals.addAll(List.of(row("c", "sx5e", "price", "", 1, 0.1), row("c", "sx5e", "discount_curve", "5Y", -1, 0.1)),
                1.0);
        List<SensitivityRow> t = totals.rows();
        List<SensitivityRow> expected = List.of(
                row("TOTAL", "spx", "price", "", 2 * 10 - 3 * 4, Math.sqrt(4 * 0.01 + 9 * 0.09)),
                row("TOTAL", "spx", "discount_curve", "5Y", -200 - 90, Math.sqrt(4 * 1 + 9 * 4)),
                row("TOTAL", "spx", "discount_curve", "1Y", -10, Math.sqrt(4 * 0.04)),
                row("TOTAL", "spx", "dividend_curve", "5Y", -21, Math.sqrt(9 * 0.25)),
                row("TOTAL", "sx5e", "price", "", 1, 0.1),
                row("TOTAL", "sx5e", "discount_curve", "5Y", -1, 0.1));
        assertEquals(expected.size(), t.size());
        for (int i = 0; i < t.size(); i++) {
            SensitivityRow e = expected.get(i);
            SensitivityRow a = t.get(i);
            assertEquals(e.key(), a.key(), "first-seen order, row " + i);
            assertEquals("TOTAL", a.id());
            assertEquals(e.value(), a.value(), 4 * EPS * Math.abs(e.value()));
            assertEquals(e.stderr(), a.stderr(), 4 * EPS * e.stderr());
        }
    }

    @Test
    void aTotalWithoutAStandardErrorHasNone() {
        SensitivityTotals totals = new SensitivityTotals();
        totals.add(row("a", "spx", "rho", "", 1, Double.NaN), 1);
        totals.add(row("b", "spx", "rho", "", 2, Double.NaN), 1);
        totals.add(row("c", "spx", "vega", "", 2, 0.5), 1);
        totals.add(row("d", "spx", "vega", "", 3, Double.NaN), 1);
        List<SensitivityRow> t = totals.rows();
        assertEquals(3.0, t.get(0).value(), 0.0);
        assertTrue(Double.isNaN(t.get(0).stderr()), "analytic: no standard error");
        assertEquals(5.0, t.get(1).value(), 0.0);
        assertTrue(Double.isNaN(t.get(1).stderr()), "one unknown error makes the total's unknown");
        assertThrows(IllegalArgumentException.class, () -> totals.add(row("e", "spx", "rho", "", 1, 0), Double.NaN));
        assertEquals(List.of(), new SensitivityTotals().rows());
    }
}
