package dev.adjointgreeks.ad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class TapeTest {

    @Test
    void passiveOperationsAreNotRecorded() {
        Tape tape = new Tape();
        Adj x = tape.input(2.0);
        int size = tape.size();
        Adj c = tape.constant(3.0).exp().multiply(tape.constant(4.0)).sin();
        assertFalse(c.isActive());
        assertEquals(size, tape.size());
        Adj y = x.multiply(c);
        assertTrue(y.isActive());
        assertEquals(size + 1, tape.size());
    }

    @Test
    void productWithPassiveZeroIsPassive() {
        Tape tape = new Tape();
        Adj x = tape.input(2.0);
        assertFalse(x.multiply(tape.getZero()).isActive());
        assertFalse(x.multiply(0.0).isActive());
    }

    @Test
    void vectorJacobianProductAndJacobian() {
        Tape tape = new Tape();
        Adj[] x = tape.inputs(1.5, -0.5);
        Adj f = x[0].multiply(x[1]);          // df = (x1, x0)
        Adj g = x[0].sin().add(x[1].exp());    // dg = (cos x0, e^x1)
        double[][] j = tape.jacobian(f, g);
        assertArrayEquals(new double[] {-0.5, 1.5}, j[0], 0.0);
        assertArrayEquals(new double[] {Math.cos(1.5), Math.exp(-0.5)}, j[1], 1e-15);
        double[] vjp = tape.vectorJacobianProduct(new Adj[] {f, g}, new double[] {2.0, -1.0});
        assertEquals(2 * -0.5 - Math.cos(1.5), vjp[0], 1e-15);
        assertEquals(2 * 1.5 - Math.exp(-0.5), vjp[1], 1e-15);
    }

    /** The Monte Carlo pattern: setup, mark, per path record/seed/sweep/rewind, final sweep. */
    @Test
    void markRewindAccumulatesThroughTheSetupAndKeepsMemoryFlat() {
        Tape tape = new Tape();
        Adj s0 = tape.input(100.0);
        Adj sigma = tape.input(0.2);
        Adj vol = sigma.multiply(sigma).multiply(-0.5);   // setup section
        int mark = tape.mark();
        SplittableRandom rnd = new SplittableRandom(1);
        double ds = 0;
        double dsig = 0;
        int hw = 0;
        for (int p = 0; p < 20_000; p++) {
            double z = rnd.nextGaussian();
            Adj st = s0.multiply(vol.add(sigma.multiply(z)).exp());
            tape.seed(st, 1.0);
            tape.backward(mark);
            tape.rewind(mark);
            double e = Math.exp(-0.02 + 0.2 * z);
            ds += e;
            dsig += 100.0 * e * (-0.2 + z);
            if (p == 100) {
                hw = tape.highWaterNodes();
            }
        }
        tape.backward(0);
        double[] g = tape.inputAdjoints();
        assertEquals(ds, g[0], 1e-9 * Math.abs(ds));
        assertEquals(dsig, g[1], 1e-9 * Math.abs(dsig));
        assertEquals(hw, tape.highWaterNodes(), "the tape does not grow with the number of paths");
        assertTrue(tape.highWaterBytes() < 1000);
    }

    @Test
    void misuseIsRefusedClearly() {
        Tape a = new Tape();
        Tape b = new Tape();
        Adj x = a.input(1.0);
        Adj y = b.input(2.0);
        IllegalArgumentException mix = assertThrows(IllegalArgumentException.class, () -> x.add(y));
        assertTrue(mix.getMessage().contains("two different tapes"));

        int mark = a.mark();
        Adj stale = x.exp();
        a.rewind(mark);
        a.input(5.0).exp();   // reuses the rewound slot
        IllegalStateException st = assertThrows(IllegalStateException.class, () -> stale.add(x));
        assertTrue(st.getMessage().contains("rewound"));

        Tape empty = new Tape();
        Adj c = empty.constant(1.0);
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> empty.gradient(c));
        assertTrue(none.getMessage().contains("no input"));
    }

    @Test
    void fieldOfTheTapeGivesPassiveConstants() {
        Tape tape = new Tape();
        assertEquals(0.0, tape.getZero().getReal());
        assertEquals(1.0, tape.getOne().getReal());
        assertFalse(tape.getOne().isActive());
        assertEquals(Adj.class, tape.getRuntimeClass());
    }
}
