package dev.adjointgreeks.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/**
 * Tangent-over-adjoint against commons-math3's {@code DerivativeStructure} of order 2 (an
 * independent forward-mode Hessian) on the 300 random programs, every operation of the block scalar
 * with uniform, per-lane and mixed operands, swept lane by lane and summed; and its gradient against
 * the first-order block tape's, to the last bit.
 */
class TangentAdjointTest {

    private static final int PROGRAMS = 300;
    private static final int W = 5;

    private enum Mode {
        UNIFORM_INPUT, LANE_INPUT, UNIFORM_CONSTANT, LANE_CONSTANT;

        boolean active() {
            return this == UNIFORM_INPUT || this == LANE_INPUT;
        }

        boolean perLane() {
            return this == LANE_INPUT || this == LANE_CONSTANT;
        }
    }

    private static double laneValue(double point, Mode mode, int lane) {
        return mode.perLane() ? point * (1.0 + 0.013 * (lane - W / 2.0) / W) : point;
    }

    /** One program's inputs, in a fixed mix of modes for program p. */
    private static Mode[] modes(int p, int inputs) {
        Mode[] m = new Mode[inputs];
        for (int i = 0; i < inputs; i++) {
            m[i] = Mode.values()[(p * 7 + i * 3 + i * p) % 4];
        }
        m[0] = p % 2 == 0 ? Mode.UNIFORM_INPUT : Mode.LANE_INPUT;
        return m;
    }

    @Test
    void hessianRowsEqualSecondOrderDerivativeStructuresOnRandomPrograms() {
        int checked = 0;
        for (int p = 0; p < PROGRAMS; p++) {
            int inputs = 2 + p % 4;
            RandomPrograms.Program prog = RandomPrograms.generate(1000 + p, inputs, 12 + p % 10);
            double[] point = prog.point();
            Mode[] mode = modes(p, inputs);
            int active = 0;
            for (Mode m : mode) {
                active += m.active() ? 1 : 0;
            }
            // three placements: the program in the path section, in the setup (swept lane by lane),
            // in the setup swept summed
            int placement = p % 3;
            BlockTape bt = new BlockTape(W);
            bt.recordCurvature(true);
            Block[] bx = new Block[inputs];
            for (int i = 0; i < inputs; i++) {
                double[] lanes = new double[W];
                for (int l = 0; l < W; l++) {
                    lanes[l] = laneValue(point[i], mode[i], l);
                }
                bx[i] = switch (mode[i]) {
                    case UNIFORM_INPUT -> bt.input(point[i]);
                    case LANE_INPUT -> bt.input(lanes);
                    case UNIFORM_CONSTANT -> bt.constant(point[i]);
                    case LANE_CONSTANT -> bt.constant(lanes);
                };
            }
            double[][] directions = new double[active][active];
            for (int d = 0; d < active; d++) {
                directions[d][d] = 1.0;
            }
            TangentAdjoint ta = new TangentAdjoint(bt, directions);
            Block out;
            int mark;
            if (placement == 0) {
                mark = bt.mark();
                ta.setupTangents(mark);
                out = prog.run(bx);
            } else {
                Block y = prog.run(bx);
                mark = bt.mark();
                ta.setupTangents(mark);
                out = y.multiply(1.0).add(0.0);
            }
            double[] value = out.laneValues();
            double[] weights = new double[W];
            Arrays.fill(weights, 1.0);
            ta.sweepPath(out, weights, mark);
            int rows = active + active * active;
            int[] gradRows = new int[active];
            int[][] tanRows = new int[active][active];
            for (int k = 0; k < active; k++) {
                gradRows[k] = k;
                for (int d = 0; d < active; d++) {
                    tanRows[d][k] = active + d * active + k;
                }
            }
            double[][] lanesOut = new double[rows][W];
            double[] sums = new double[rows];
            boolean summed = placement == 2;
            ta.backwardSetup(mark, summed);
            if (summed) {
                ta.drainSums(sums, gradRows, tanRows);
            } else {
                ta.drainLanes(lanesOut, gradRows, tanRows, 0, W);
            }

            double[] refSums = new double[rows];
            for (int l = 0; l < W; l++) {
                DerivativeStructure[] dx = new DerivativeStructure[inputs];
                int k = 0;
                for (int i = 0; i < inputs; i++) {
                    double v = laneValue(point[i], mode[i], l);
                    dx[i] = mode[i].active() ? new DerivativeStructure(active, 2, k++, v)
                            : new DerivativeStructure(active, 2, v);
                }
                DerivativeStructure y = prog.run(dx);
                String where = "program " + p + " placement " + placement + " lane " + l + " modes "
                        + Arrays.toString(mode) + "\n" + prog.code();
                assertEquals(y.getValue(), value[l], 1e-12 * Math.max(1.0, Math.abs(y.getValue())), where);
                double[] ref = new double[rows];
                double scale = 1e-3;   // an absolute floor: x / x has a gradient of 0 plus rounding
                for (int a = 0; a < active; a++) {
                    int[] o = new int[active];
                    o[a] = 1;
                    ref[a] = y.getPartialDerivative(o);
                    for (int b = 0; b < active; b++) {
                        int[] o2 = new int[active];
                        o2[a]++;
                        o2[b]++;
                        ref[active + a * active + b] = y.getPartialDerivative(o2);
                        scale = Math.max(scale, Math.abs(ref[active + a * active + b]));
                    }
                    scale = Math.max(scale, Math.abs(ref[a]));
                }
                for (int r = 0; r < rows; r++) {
                    refSums[r] += ref[r];
                    if (!summed) {
                        assertEquals(ref[r], lanesOut[r][l], 1e-10 * scale, "row " + r + " of " + where);
                    }
                }
                checked++;
            }
            if (summed) {
                double scale = 1e-3;
                for (double r : refSums) {
                    scale = Math.max(scale, Math.abs(r));
                }
                for (int r = 0; r < rows; r++) {
                    assertEquals(refSums[r], sums[r], 1e-10 * scale, "summed row " + r + " of program " + p);
                }
            }
        }
        assertTrue(checked >= PROGRAMS * W * 2 / 3, "lanes checked: " + checked);
    }

    @Test
    void theGradientEqualsTheFirstOrderTapeToTheLastBit() {
        for (int p = 0; p < 60; p++) {
            int inputs = 2 + p % 4;
            RandomPrograms.Program prog = RandomPrograms.generate(5000 + p, inputs, 15);
            double[] point = prog.point();
            double[][] grads = new double[2][];
            for (int run = 0; run < 2; run++) {
                BlockTape bt = new BlockTape(W);
                bt.recordCurvature(run == 1);
                Block[] bx = new Block[inputs];
                for (int i = 0; i < inputs; i++) {
                    double[] lanes = new double[W];
                    for (int l = 0; l < W; l++) {
                        lanes[l] = laneValue(point[i], Mode.LANE_CONSTANT, l);
                    }
                    bx[i] = i % 2 == 0 ? bt.input(point[i]) : bt.constant(lanes);
                }
                int mark = bt.mark();
                Block out = prog.run(bx);
                double[] weights = new double[W];
                Arrays.fill(weights, 0.5);
                int n = bt.inputCount();
                double[][] g = new double[n + n][W];
                int[] rows = new int[n];
                int[][] tan = new int[1][n];
                for (int k = 0; k < n; k++) {
                    rows[k] = k;
                    tan[0][k] = n + k;
                }
                if (run == 0) {
                    bt.sweepPath(out, weights, mark);
                    bt.backward(0);
                    bt.drainLaneAdjoints(g, rows, 0, W);
                } else {
                    double[][] dir = new double[1][n];
                    dir[0][0] = 1.0;
                    TangentAdjoint ta = new TangentAdjoint(bt, dir);
                    ta.setupTangents(mark);
                    ta.sweepPath(out, weights, mark);
                    ta.backwardSetup(mark, false);
                    ta.drainLanes(g, rows, tan, 0, W);
                }
                List<Double> flat = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    for (int l = 0; l < W; l++) {
                        flat.add(g[k][l]);
                    }
                }
                grads[run] = flat.stream().mapToDouble(Double::doubleValue).toArray();
            }
            assertTrue(Arrays.equals(grads[0], grads[1]), "program " + p + ": " + Arrays.toString(grads[0])
                    + " vs " + Arrays.toString(grads[1]));
        }
    }

    @Test
    void refusesATapeWithoutCurvatureAndAReplay() {
        BlockTape plain = new BlockTape(2);
        assertThrows(IllegalArgumentException.class, () -> new TangentAdjoint(plain, new double[1][0]));
        BlockTape bt = new BlockTape(2);
        bt.recordCurvature(true);
        bt.input(1.0);
        bt.mark();
        assertThrows(IllegalStateException.class, () -> bt.record(new double[0][]));
        assertThrows(IllegalStateException.class, () -> bt.recordCurvature(false));
    }
}
