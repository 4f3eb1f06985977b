package dev.adjointgreeks.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.dfp.Dfp;
import org.apache.commons.math3.dfp.DfpField;
import org.apache.commons.math3.util.Decimal64;
import org.junit.jupiter.api.Test;

/** The helper library gives the same values and derivatives on every field. */
class FnTest {

    @Test
    void normalPdfOnDerivativeStructuresHasItsHermiteDerivatives() {
        // first three derivatives: -x phi, (x^2 - 1) phi, (3x - x^3) phi (they came out NaN before)
        for (double x : new double[] {-3.0, -0.7, 0.0, 1.1, 4.0}) {
            DerivativeStructure ds = Fn.normPdf(new DerivativeStructure(1, 3, 0, x));
            double phi = Fn.normPdf(x);
            assertEquals(phi, ds.getValue(), 1e-16);
            assertEquals(-x * phi, ds.getPartialDerivative(1), 1e-15);
            assertEquals((x * x - 1) * phi, ds.getPartialDerivative(2), 1e-15);
            assertEquals((3 * x - x * x * x) * phi, ds.getPartialDerivative(3), 1e-14);
        }
    }

    @Test
    void normalCdfAgreesAcrossFieldsWithExactDerivatives() {
        for (double x : new double[] {-6.0, -1.3, 0.0, 0.4, 2.2, 7.5}) {
            double phi = Fn.normCdf(x);
            double pdf = Fn.normPdf(x);
            assertEquals(phi, Fn.normCdf(new Decimal64(x)).getReal(), 0.0);
            Tape t = new Tape();
            assertEquals(pdf, t.gradient(Fn.normCdf(t.input(x)))[0], 1e-16);
            assertEquals(pdf, Fn.normCdf(Dual.variable(x)).tangent(), 1e-16);
            DerivativeStructure ds = Fn.normCdf(new DerivativeStructure(1, 3, 0, x));
            assertEquals(phi, ds.getValue(), 0.0);
            assertEquals(pdf, ds.getPartialDerivative(1), 1e-16);
            assertEquals(-x * pdf, ds.getPartialDerivative(2), 1e-15);
            assertEquals((x * x - 1) * pdf, ds.getPartialDerivative(3), 1e-15);
            // 40 digits, by the series, against the double value
            Dfp d = Fn.normCdf(new DfpField(40).newDfp(x));
            assertEquals(phi, d.toDouble(), 1e-15 + 1e-13 * phi);
        }
    }

    @Test
    void erfAndActivationsAgreeAcrossFields() {
        DfpField f = new DfpField(30);
        for (double x : new double[] {-3.0, -0.7, 0.2, 1.9, 4.0}) {
            Tape t = new Tape();
            Adj xa = t.input(x);
            assertEquals(org.apache.commons.math3.special.Erf.erf(x), Fn.erf(f.newDfp(x)).toDouble(), 1e-15);
            assertEquals(2 / Math.sqrt(Math.PI) * Math.exp(-x * x), t.gradient(Fn.erf(xa))[0], 1e-15);
            double s = 1 / (1 + Math.exp(-x));
            assertEquals(s, Fn.sigmoid(new Decimal64(x)).getReal(), 1e-15);
            assertEquals(s * (1 - s), t.gradient(Fn.sigmoid(xa))[0], 1e-15);
            assertEquals(Math.log1p(Math.exp(x)), Fn.softplus(f.newDfp(x)).toDouble(), 1e-15);
            assertEquals(s, t.gradient(Fn.softplus(xa))[0], 1e-15);
            assertEquals(x > 0 ? 1.0 : 0.0, t.gradient(Fn.relu(xa))[0]);
            assertEquals(1 - Math.tanh(x) * Math.tanh(x), t.gradient(Fn.tanh(xa))[0], 1e-15);
        }
        assertEquals(800.0, Fn.softplus(800.0), "no overflow");
    }

    @Test
    void selectIsDrivenByTheSignOfTheCondition() {
        Tape t = new Tape();
        Adj a = t.input(1.0);
        Adj b = t.input(2.0);
        assertEquals(1.0, Fn.select(t.constant(0.5), a, b).getReal());
        assertEquals(2.0, Fn.select(t.constant(0.0), a, b).getReal());
        assertEquals(2.0, Fn.select(t.constant(-3.0), a, b).getReal());
    }
}
