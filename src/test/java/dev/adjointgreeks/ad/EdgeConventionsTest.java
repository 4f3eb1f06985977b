package dev.adjointgreeks.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The documented conventions at kinks and singular points, for both modes. */
class EdgeConventionsTest {

    private static double reverse(java.util.function.UnaryOperator<Adj> f, double x) {
        Tape t = new Tape();
        return t.gradient(f.apply(t.input(x)))[0];
    }

    private static double forward(java.util.function.UnaryOperator<Dual> f, double x) {
        return f.apply(Dual.variable(x)).tangent();
    }

    @Test
    void sqrtAndLogAtZeroHaveInfiniteSlope() {
        assertEquals(Double.POSITIVE_INFINITY, reverse(Adj::sqrt, 0.0));
        assertEquals(Double.POSITIVE_INFINITY, forward(Dual::sqrt, 0.0));
        assertEquals(Double.POSITIVE_INFINITY, reverse(Adj::log, 0.0));
        assertEquals(Double.POSITIVE_INFINITY, forward(Dual::log, 0.0));
    }

    @Test
    void absAtZeroHasZeroSlope() {
        assertEquals(0.0, reverse(Adj::abs, 0.0));
        assertEquals(0.0, forward(Dual::abs, 0.0));
    }

    @Test
    void maxOfEqualArgumentsTakesTheFirst() {
        Tape t = new Tape();
        Adj x = t.input(1.0);
        Adj y = t.input(1.0);
        double[] g = t.gradient(Fn.max(x, y));
        assertEquals(1.0, g[0]);
        assertEquals(0.0, g[1]);
        assertEquals(1.0, reverse(v -> Fn.max(v, 1.0), 1.0), "max(x, c) at x == c: slope of x");
        assertEquals(0.0, reverse(v -> Fn.max(v, 2.0), 1.0));
    }

    @Test
    void powerOfZeroBaseHasZeroExponentSlope() {
        Tape t = new Tape();
        Adj base = t.input(0.0);
        Adj exponent = t.input(2.5);
        double[] g = t.gradient(base.pow(exponent));
        assertEquals(0.0, g[0]);
        assertEquals(0.0, g[1], "d/dy 0^y = 0 for y > 0");
        Dual d = Dual.constant(0.0).pow(Dual.variable(2.5));
        assertEquals(0.0, d.tangent());
    }

    /** Full-truncation Heston: sqrt(max(v, 0)) with v < 0 must not poison the gradient. */
    @Test
    void zeroAdjointNeverTurnsInfinityIntoNaN() {
        Tape t = new Tape();
        Adj v = t.input(-0.01);
        Adj w = t.input(0.3);
        Adj vol = Fn.max(v, 0.0).sqrt();           // passive 0: no dependence on v
        Adj y = vol.multiply(w).add(w.multiply(2.0)).add(v.multiply(3.0));
        double[] g = t.gradient(y);
        assertEquals(3.0, g[0]);
        assertEquals(2.0, g[1]);

        // A node with infinite partial but zero adjoint contributes nothing.
        Tape t2 = new Tape();
        Adj z = t2.input(0.0);
        Adj s = z.sqrt();                           // partial +inf
        Adj out = s.multiply(0.0).add(z);           // s is multiplied by a passive zero
        assertEquals(1.0, t2.gradient(out)[0]);
    }

    @Test
    void nanInOneOutputDoesNotCorruptAnother() {
        Tape t = new Tape();
        Adj x = t.input(-1.0);
        Adj bad = x.sqrt();              // NaN value, NaN partial
        Adj good = x.multiply(x);
        double[][] j = t.jacobian(bad, good);
        assertTrue(Double.isNaN(j[0][0]));
        assertEquals(-2.0, j[1][0]);
        double[] g = t.vectorJacobianProduct(new Adj[] {bad, good}, new double[] {0.0, 1.0});
        assertEquals(-2.0, g[0]);
        assertFalse(Double.isNaN(t.gradient(good)[0]));
    }
}
