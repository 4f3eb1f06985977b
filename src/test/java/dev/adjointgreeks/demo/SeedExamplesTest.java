package dev.adjointgreeks.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.adjointgreeks.ad.Dual;
import dev.adjointgreeks.ad.Tape;

/** The seed article's numbers, reproduced to the last digit by both modes. */
class SeedExamplesTest {

    @Test
    void sqrtOfThreeSinAtTwo() {
        Dual d = SeedExamples.f(Dual.variable(2.0));
        assertEquals("1.6516332160855343", Double.toString(d.getReal()));
        assertEquals("-0.3779412091869595", Double.toString(d.tangent()));
        Tape t = new Tape();
        assertEquals("-0.3779412091869595", Double.toString(t.gradient(SeedExamples.f(t.input(2.0)))[0]));
        assertEquals(SeedExamples.fPrime(2.0), d.tangent(), 1e-16);
    }

    @Test
    void manySinesAgainstTheSymbolicDerivative() {
        for (double x : new double[] {-1.0, 0.1, 0.5, 2.0, 3.0}) {
            double symbolic = SeedExamples.manySinesPrime(x);
            assertEquals(symbolic, SeedExamples.manySines(Dual.variable(x)).tangent(), 1e-15);
            Tape t = new Tape();
            assertEquals(symbolic, t.gradient(SeedExamples.manySines(t.input(x)))[0], 1e-15);
        }
    }

    @Test
    void regressionBySteepestDescentMatchesTheSeedExactly() {
        for (double[] cm : new double[][] {SeedExamples.regressionForward(1000), SeedExamples.regressionReverse(1000)}) {
            assertEquals("0.9998665320141327", Double.toString(cm[0]));
            assertEquals("2.0000191714150106", Double.toString(cm[1]));
            assertEquals("1.9088215184565296E-9", Double.toString(SeedExamples.cost(cm[1], cm[0], SeedExamples.XS, SeedExamples.YS)));
        }
        double[] next = SeedExamples.regressionForward(1001);
        assertEquals("1.876891490619424E-9", Double.toString(SeedExamples.cost(next[1], next[0], SeedExamples.XS, SeedExamples.YS)));
    }

    @Test
    void finiteDifferencesTurnUpWhileAdStaysExact() {
        SeedExamples.DifferenceRow[] rows = SeedExamples.numericalDifferentiation();
        int best = 0;
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].finiteDifferenceError() < rows[best].finiteDifferenceError()) {
                best = i;
            }
            assertTrue(rows[i].adError() < 1e-15);
        }
        assertTrue(best > 3 && best < 12, "the error is smallest at an intermediate epsilon");
        assertTrue(rows[15].finiteDifferenceError() > 1e3 * rows[best].finiteDifferenceError(), "and grows again");
    }
}
