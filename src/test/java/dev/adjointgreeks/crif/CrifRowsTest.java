package dev.adjointgreeks.crif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.util.Decimal64;
import org.junit.jupiter.api.Test;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.ad.Tape;
import dev.adjointgreeks.curve.CurveQuotes;
import dev.adjointgreeks.curve.ZeroCurve;

/**
 * Each CRIF amount against a bump-and-revalue of its SIMM definition, for trades whose value is
 * known in closed form: a zero-coupon bond {@code V = N DF(T)} on a curve whose pillars are mostly
 * not SIMM tenors (so every amount goes through the allocation), and equity forwards and calls.
 */
class CrifRowsTest {

    private static final double EPS = Math.ulp(1.0);
    private static final CurveQuotes CURVE = CurveQuotes.parse("discount_curve",
            List.of("4M", "9M", "18M", "3Y", "4Y", "7Y", "12Y"),
            new double[] {0.031, 0.033, 0.034, 0.036, 0.037, 0.039, 0.042});
    private static final double NOTIONAL = 1e6;
    private static final CrifMarket EUR = new CrifMarket("EUR", 1.08, "OIS", "1");

    private static double bond(double[] rates, double maturity) {
        Decimal64[] r = new Decimal64[rates.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = new Decimal64(rates[i]);
        }
        return NOTIONAL * ZeroCurve.of(CURVE.times(), r).discountFactor(maturity).getReal();
    }

    /** dV/dz_i of the bond, one adjoint sweep. */
    private static double[] bondAdjoints(double maturity) {
        Tape tape = new Tape();
        Adj[] z = tape.inputs(CURVE.rates());
        Adj v = CURVE.curve(z).discountFactor(maturity).multiply(NOTIONAL);
        return tape.gradient(v);
    }

    /** The SIMM definition per pillar, {@code V(z_i + 1bp) - V(z)}. */
    private static double[] bumps(double maturity) {
        double base = bond(CURVE.rates(), maturity);
        double[] out = new double[CURVE.size()];
        for (int i = 0; i < out.length; i++) {
            double[] up = CURVE.rates();
            up[i] += 1e-4;
            out[i] = bond(up, maturity) - base;
        }
        return out;
    }

    @Test
    void irCurveAmountsMatchABumpOfTheDefinitionThroughTheAllocation() {
        for (double maturity : new double[] {0.6, 2.5, 5.5, 8.0, 10.0}) {
            List<CrifRow> rows = CrifRows.irCurve("zcb", "RatesFX", EUR, CURVE.times(), bondAdjoints(maturity));
            double[] expected = SimmAllocation.allocate(CURVE.times(), bumps(maturity));
            List<String> labels = new ArrayList<>();
            for (SimmTenor t : SimmTenor.values()) {
                if (expected[t.ordinal()] != 0.0) {
                    labels.add(t.label());
                }
            }
            assertEquals(labels, rows.stream().map(CrifRow::label1).toList(), "maturity " + maturity);
            for (CrifRow r : rows) {
                double bump = expected[SimmTenor.ofLabel(r.label1()).ordinal()];
                // V = N exp(-y), y = sum w_i z_i with w_i <= T: the bump is dV/dz h (1 - w h / 2 + ...),
                // so the first-order amount is off by at most T h / 2 relatively (3e-4 here at 10y)
                double gap = maturity * 1e-4 / 2 * (1 + maturity * 1e-4);
                assertEquals(bump, r.amount(), gap * Math.abs(bump), "maturity " + maturity + " " + r.label1());
                assertTrue(gap < 1e-3);
                assertEquals("Risk_IRCurve", r.riskType());
                assertEquals("EUR", r.qualifier());
                assertEquals("1", r.bucket());
                assertEquals("OIS", r.label2());
                assertEquals("EUR", r.amountCurrency());
                assertEquals(r.amount() * 1.08, r.amountUsd(), 0.0);
            }
        }
    }

    @Test
    void aMaturityBetweenTwoOffTenorPillarsLandsOnThreeTenorsByHand() {
        // T = 0.6 lies between pillars 4M and 9M. 4M = 1/3 y sits a third of the way from 3m to 6m;
        // 9M halfway from 6m to 1y. So 3m gets 2/3 of the 4M amount, 6m 1/3 of it plus half of 9M's,
        // 1y the other half.
        double[] b = bumps(0.6);
        List<CrifRow> rows = CrifRows.irCurve("zcb", "RatesFX", CrifMarket.DEFAULT, CURVE.times(), bondAdjoints(0.6));
        assertEquals(List.of("3m", "6m", "1y"), rows.stream().map(CrifRow::label1).toList());
        double tol = 0.6 * 1e-4;
        assertEquals(2.0 / 3 * b[0], rows.get(0).amount(), tol * Math.abs(b[0]));
        assertEquals(b[0] / 3 + b[1] / 2, rows.get(1).amount(), tol * Math.abs(b[0] + b[1]));
        assertEquals(b[1] / 2, rows.get(2).amount(), tol * Math.abs(b[1]));
        assertEquals(rows.get(0).amount(), rows.get(0).amountUsd(), 0.0, "USD: 1 per unit");
        double parallel = -0.6 * bond(CURVE.rates(), 0.6) * 1e-4;
        assertEquals(parallel, rows.stream().mapToDouble(CrifRow::amount).sum(), 1e-12 * Math.abs(parallel),
                "the rows sum to the parallel 1bp sensitivity, dV/dz x 1e-4 = -T V 1e-4");
    }

    // ------------------------------------------------------------------ equity

    private static <T extends RealFieldElement<T>> T call(T s, double k, double vol, double r, double q, double t) {
        double sd = vol * Math.sqrt(t);
        T d1 = s.divide(k).log().add((r - q + 0.5 * vol * vol) * t).divide(sd);
        T d2 = d1.subtract(sd);
        return s.multiply(Math.exp(-q * t)).multiply(Fn.normCdf(d1))
                .subtract(Fn.normCdf(d2).multiply(k * Math.exp(-r * t)));
    }

    @Test
    void anEquityForwardsAmountIsExactlyItsDefinition() {
        double s = 4321.5;
        double q = 0.013;
        double t = 1.7;
        // V(S) = S e^{-qT} - K e^{-rT} is linear in S: V(1.01 S) - V(S) = 0.01 S e^{-qT} = the amount
        double v0 = s * Math.exp(-q * t) - 4000 * Math.exp(-0.03 * t);
        double v1 = 1.01 * s * Math.exp(-q * t) - 4000 * Math.exp(-0.03 * t);
        CrifRow row = CrifRows.equity("fwd", "Equity", "SPX", "12", EUR, s, Math.exp(-q * t));
        assertEquals(v1 - v0, row.amount(), 8 * EPS * Math.abs(v1));
        assertEquals("Risk_Equity", row.riskType());
        assertEquals("SPX", row.qualifier());
        assertEquals("12", row.bucket());
        assertEquals("", row.label1());
        assertEquals("", row.label2());
        assertEquals(row.amount() * 1.08, row.amountUsd(), 0.0);
    }

    @Test
    void anEquityCallsAmountIsTheFirstOrderTermOfItsDefinition() {
        for (double[] c : new double[][] {{100, 100, 0.2, 1.0}, {100, 80, 0.3, 0.5}, {100, 120, 0.25, 2.0},
            {100, 100, 0.2, 0.05}}) {
            double s = c[0];
            DerivativeStructure ds = new DerivativeStructure(1, 4, 0, s);
            DerivativeStructure v = call(ds, c[1], c[2], 0.03, 0.01, c[3]);
            double delta = v.getPartialDerivative(1);
            double gamma = v.getPartialDerivative(2);
            double h = 0.01 * s;
            double bump = call(new Decimal64(s + h), c[1], c[2], 0.03, 0.01, c[3]).getReal() - v.getValue();
            CrifRow row = CrifRows.equity("call", "Equity", "SPX", "Residual", CrifMarket.DEFAULT, s, delta);
            assertEquals(h * delta, row.amount(), 4 * EPS * Math.abs(h * delta));
            // V(S + h) - V(S) = h Delta + h^2 Gamma / 2 + h^3 V''' / 6 + h^4 V'''' / 24 + ...: what the row
            // leaves out is the gamma term to within the next two terms (doubled for the tail) and rounding
            double rest = 2 * (Math.abs(v.getPartialDerivative(3)) * h * h * h / 6
                    + Math.abs(v.getPartialDerivative(4)) * h * h * h * h / 24) + 16 * EPS * v.getValue();
            assertEquals(bump - 0.5 * h * h * gamma, row.amount(), rest, "call " + c[1] + " " + c[3]);
        }
        // the gaps the package notes quote, at-the-money, vol 20%: 1.6% at 1y, 2.4% at 6m, 7.3% at 3 weeks
        double[][] gaps = {{1.0, 0.016}, {0.5, 0.024}, {21.0 / 365, 0.073}};
        for (double[] g : gaps) {
            double delta = call(new DerivativeStructure(1, 1, 0, 100), 100, 0.2, 0.03, 0.01, g[0])
                    .getPartialDerivative(1);
            double bump = call(new Decimal64(101), 100, 0.2, 0.03, 0.01, g[0]).getReal()
                    - call(new Decimal64(100), 100, 0.2, 0.03, 0.01, g[0]).getReal();
            double amount = CrifRows.equity("c", "Equity", "SPX", "Residual", CrifMarket.DEFAULT, 100, delta).amount();
            assertEquals(g[1], 1 - amount / bump, 0.0005, "maturity " + g[0] + " (the quoted figure, rounded)");
        }
    }

    // ------------------------------------------------------------------ market and rows

    @Test
    void marketsAndRowsRefuseWhatCrifCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> new CrifMarket("eur", 1.08, "OIS", "1"));
        assertThrows(IllegalArgumentException.class, () -> new CrifMarket("EUR", 0, "OIS", "1"));
        assertThrows(IllegalArgumentException.class, () -> new CrifMarket("EUR", Double.NaN, "OIS", "1"));
        assertThrows(IllegalArgumentException.class, () -> new CrifMarket("USD", 1.08, "OIS", "1"));
        assertThrows(IllegalArgumentException.class, () -> new CrifMarket("EUR", 1.08, "", "1"));
        assertThrows(IllegalArgumentException.class,
                () -> new CrifRow("t", "Equity", "Risk_Equity", "SPX", "1", "", "", Double.NaN, "USD", 1));
        assertThrows(IllegalArgumentException.class,
                () -> new CrifRow("t", "Equity", "Risk_Equity", "SPX", null, "", "", 1, "USD", 1));
    }

    @Test
    void zeroAmountsAreLeftOut() {
        double[] none = new double[CURVE.size()];
        assertEquals(List.of(), CrifRows.irCurve("t", "Equity", CrifMarket.DEFAULT, CURVE.times(), none));
    }
}
