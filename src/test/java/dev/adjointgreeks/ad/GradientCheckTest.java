package dev.adjointgreeks.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;

import org.apache.commons.math3.dfp.Dfp;
import org.apache.commons.math3.dfp.DfpField;
import org.junit.jupiter.api.Test;

/**
 * Random programs over every operation: the adjoint gradient (one backward sweep) equals the
 * forward-mode tangents (one dual pass per input) to 1e-12 of the largest component, and both
 * equal central differences of the same program run in 40-digit {@code Dfp}.
 */
class GradientCheckTest {

    private static final int PROGRAMS = 300;
    private static final DfpField DFP = new DfpField(40);

    @Test
    void adjointEqualsForwardEqualsHighPrecisionCentralDifferences() {
        Set<RandomPrograms.Op> seen = EnumSet.noneOf(RandomPrograms.Op.class);
        for (int p = 0; p < PROGRAMS; p++) {
            int inputs = 2 + p % 4;
            RandomPrograms.Program prog = RandomPrograms.generate(1000 + p, inputs, 12 + p % 10);
            prog.code().forEach(i -> seen.add(i.op()));
            double[] x = prog.point();

            Tape tape = new Tape();
            Adj out = prog.run(tape.inputs(x));
            double[] adjoint = tape.gradient(out);

            double[] forward = new double[inputs];
            for (int k = 0; k < inputs; k++) {
                Dual[] d = new Dual[inputs];
                for (int i = 0; i < inputs; i++) {
                    d[i] = i == k ? Dual.variable(x[i]) : Dual.constant(x[i]);
                }
                Dual y = prog.run(d);
                assertEquals(out.getReal(), y.getReal(), 0.0, "same primal value, program " + p);
                forward[k] = y.tangent();
            }

            double scale = 0;
            for (double g : adjoint) {
                scale = Math.max(scale, Math.abs(g));
            }
            for (int k = 0; k < inputs; k++) {
                assertEquals(forward[k], adjoint[k], 1e-12 * Math.max(scale, 1e-300),
                        "adjoint vs forward, program " + p + " input " + k + "\n" + prog.code());
            }

            // Central differences in 40 digits: step 1e-12 gives truncation ~1e-24 |f'''| and
            // rounding ~1e-28 / 1e-12; what remains is the double rounding of the AD gradient itself.
            Dfp h = DFP.newDfp("1e-12");
            for (int k = 0; k < inputs; k++) {
                Dfp[] up = new Dfp[inputs];
                Dfp[] down = new Dfp[inputs];
                for (int i = 0; i < inputs; i++) {
                    up[i] = DFP.newDfp(x[i]);
                    down[i] = DFP.newDfp(x[i]);
                }
                up[k] = up[k].add(h);
                down[k] = down[k].subtract(h);
                double fd = prog.run(up).subtract(prog.run(down)).divide(h.multiply(2)).toDouble();
                assertEquals(fd, adjoint[k], 1e-9 * Math.max(scale, 1.0),
                        "adjoint vs 40-digit central difference, program " + p + " input " + k + "\n" + prog.code());
            }
        }
        assertEquals(EnumSet.allOf(RandomPrograms.Op.class), seen, "every operation was exercised");
    }

    @Test
    void linearCombinationIsOneNode() {
        Tape tape = new Tape();
        Adj[] a = tape.inputs(1, 2, 3, 4);
        Adj[] b = tape.inputs(5, 6, 7, 8);
        int before = tape.size();
        Adj dot = a[0].linearCombination(a, b);
        assertEquals(before + 1, tape.size(), "a sum of n products is one node");
        assertEquals(70.0, dot.getReal());
        double[] g = tape.gradient(dot);
        assertEquals(5.0, g[0]);
        assertEquals(4.0, g[7]);
        assertTrue(tape.highWaterEntries() == 8);
    }
}
