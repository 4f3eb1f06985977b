package dev.adjointgreeks.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The grid-lookup operation: lane by lane it equals the same piecewise-linear lookup written in
 * field arithmetic on the per-path tape (value, and the gradient through x and through the
 * table's operands, summed over lanes), a replay equals the recorded block to the last bit, and
 * a lane-wise sweep of a tape whose table holds an adjoint is refused.
 */
class GridTableTest {

    private static final int W = 8;
    private static final int POINTS = 7;
    private static final int ROWS = 3;
    private static final double FIRST = -0.6;
    private static final double STEP = 0.2;

    /** Table value (row n, point j) from operands a, b: {@code a (1 + j) + b (n + 1) j^2 / 10}. */
    private static <T extends org.apache.commons.math3.RealFieldElement<T>> T entry(T a, T b, int n, int j) {
        return a.multiply(1 + j).add(b.multiply((n + 1) * j * j / 10.0));
    }

    private static double[] table(double a, double b) {
        double[] v = new double[ROWS * POINTS];
        for (int n = 0; n < ROWS; n++) {
            for (int j = 0; j < POINTS; j++) {
                v[n * POINTS + j] = a * (1 + j) + b * (n + 1) * j * j / 10.0;
            }
        }
        return v;
    }

    /** The reverse through the table's setup: d table / d (a, b), transposed. */
    private static double[] reverse(double[] adj) {
        double[] g = new double[2];
        for (int n = 0; n < ROWS; n++) {
            for (int j = 0; j < POINTS; j++) {
                g[0] += adj[n * POINTS + j] * (1 + j);
                g[1] += adj[n * POINTS + j] * (n + 1) * j * j / 10.0;
            }
        }
        return g;
    }

    /** Lane l's shift: spans below, inside and beyond the axis. */
    private static double shift(int l, int rep) {
        return -1.1 + 0.29 * l + 0.037 * rep;
    }

    /** The program: x_0 = c + shift, x_{n+1} = x_n + 0.3 g_n(x_n); output sum of x_n g_n(x_n). */
    private static Block program(GridTable table, Block c, Block shift) {
        Block x = c.add(shift);
        Block out = null;
        for (int n = 0; n < ROWS; n++) {
            Block g = table.lookup(n, x);
            Block term = x.multiply(g);
            out = out == null ? term : out.add(term);
            x = x.add(g.multiply(0.3));
        }
        return out;
    }

    /** The same on the per-path tape, with the table on the field. */
    private static Adj reference(Adj a, Adj b, Adj c, double shift) {
        Adj x = c.add(shift);
        Adj out = null;
        for (int n = 0; n < ROWS; n++) {
            double u = (x.getReal() - FIRST) * (1.0 / STEP);
            Adj g;
            if (!(u > 0)) {
                g = entry(a, b, n, 0);
            } else if (u >= POINTS - 1) {
                g = entry(a, b, n, POINTS - 1);
            } else {
                int i = (int) u;
                Adj w = x.subtract(FIRST).multiply(1.0 / STEP).subtract(i);
                g = entry(a, b, n, i).multiply(w.negate().add(1)).add(entry(a, b, n, i + 1).multiply(w));
            }
            Adj term = x.multiply(g);
            out = out == null ? term : out.add(term);
            x = x.add(g.multiply(0.3));
        }
        return out;
    }

    @Test
    void aLookupEqualsTheFieldLookupLaneByLaneWithItsGradientThroughTheTable() {
        double a0 = 0.7;
        double b0 = -0.4;
        double c0 = 0.05;
        BlockTape tape = new BlockTape(W);
        Block a = tape.input(a0);
        Block b = tape.input(b0);
        Block c = tape.input(c0);
        GridTable table = GridTable.active(tape, table(a0, b0), FIRST, STEP, POINTS, new Block[] {a, b},
                GridTableTest::reverse);
        int mark = tape.mark();
        double[] shifts = new double[W];
        for (int l = 0; l < W; l++) {
            shifts[l] = shift(l, 0);
        }
        Block y = program(table, c, tape.view(shifts));
        double[] sum = new double[3];
        double[] expected = new double[3];
        for (int l = 0; l < W; l++) {
            Tape t = new Tape();
            Adj[] in = t.inputs(a0, b0, c0);
            Adj r = reference(in[0], in[1], in[2], shifts[l]);
            assertEquals(r.getReal(), y.lane(l), 1e-14, "lane " + l);
            double[] g = t.gradient(r);
            for (int k = 0; k < 3; k++) {
                expected[k] += g[k];
            }
        }
        double[] ones = new double[W];
        java.util.Arrays.fill(ones, 1.0);
        tape.sweepPath(y, ones, mark);
        assertThrows(IllegalStateException.class, () -> tape.backward(0), "a table's adjoint is a lane sum");
        tape.backwardSummed(0);
        tape.drainInputAdjoints(sum, 0);
        for (int k = 0; k < 3; k++) {
            assertEquals(expected[k], sum[k], 1e-12 * (1 + Math.abs(expected[k])), "input " + k);
        }
    }

    @Test
    void aReplayEqualsTheRecordedBlockToTheLastBit() {
        double a0 = 0.7;
        double b0 = -0.4;
        for (boolean constantStart : new boolean[] {false, true}) {
            double[][] lanes = new double[1][W];
            double[] recorded = new double[3];
            double[] replayed = new double[3];
            double[] outRecorded = new double[W];
            double[] outReplayed = new double[W];
            for (int mode = 0; mode < 2; mode++) {
                BlockTape tape = new BlockTape(W);
                Block a = tape.input(a0);
                Block b = tape.input(b0);
                Block c = constantStart ? tape.constant(0.05) : tape.input(0.05);
                GridTable table = GridTable.active(tape, table(a0, b0), FIRST, STEP, POINTS, new Block[] {a, b},
                        GridTableTest::reverse);
                int mark = tape.mark();
                Block shift = tape.view(lanes[0]);
                double[] ones = new double[W];
                java.util.Arrays.fill(ones, 1.0);
                BlockProgram p = null;
                for (int rep = 0; rep < 3; rep++) {
                    for (int l = 0; l < W; l++) {
                        lanes[0][l] = shift(l, rep);
                    }
                    double[] out = mode == 0 ? outRecorded : outReplayed;
                    if (mode == 0) {
                        Block y = program(table, c, shift);
                        for (int l = 0; l < W; l++) {
                            out[l] = y.lane(l);
                        }
                        tape.sweepPath(y, ones, mark);
                    } else if (p == null) {
                        p = tape.record(lanes);
                        Block y = program(table, c, shift);
                        p = tape.finish(p, y);
                        assertNull(p.refused());
                        for (int l = 0; l < W; l++) {
                            out[l] = p.output(l);
                        }
                        p.sweep(ones);
                    } else {
                        p.forward();
                        for (int l = 0; l < W; l++) {
                            out[l] = p.output(l);
                        }
                        p.sweep(ones);
                    }
                }
                tape.backwardSummed(0);
                tape.drainInputAdjoints(mode == 0 ? recorded : replayed, 0);
            }
            for (int l = 0; l < W; l++) {
                assertEquals(outRecorded[l], outReplayed[l], 0.0, "lane " + l);
            }
            assertEquals(recorded[0], replayed[0], 0.0, "d/da");
            assertEquals(recorded[1], replayed[1], 0.0, "d/db");
        }
    }

    @Test
    void aPassiveTableDifferentiatesInXAlone() {
        BlockTape tape = new BlockTape(W);
        Block c = tape.input(0.05);
        GridTable table = GridTable.passive(tape, table(0.7, -0.4), FIRST, STEP, POINTS);
        double[] shifts = new double[W];
        for (int l = 0; l < W; l++) {
            shifts[l] = shift(l, 0);
        }
        Block y = program(table, c, tape.view(shifts));
        double expected = 0;
        for (int l = 0; l < W; l++) {
            Tape t = new Tape();
            Adj cc = t.input(0.05);
            Adj r = reference(t.constant(0.7), t.constant(-0.4), cc, shifts[l]);
            assertEquals(r.getReal(), y.lane(l), 1e-14);
            expected += t.gradient(r)[0];
        }
        assertEquals(expected, tape.gradient(y)[0], 1e-12);
    }
}
