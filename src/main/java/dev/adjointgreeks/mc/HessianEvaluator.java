package dev.adjointgreeks.mc;

import java.util.Arrays;

import dev.adjointgreeks.ad.Block;
import dev.adjointgreeks.ad.BlockTape;
import dev.adjointgreeks.ad.TangentAdjoint;

/**
 * The price, its gradient and rows of its Hessian, per sample, by tangent-over-adjoint on the block
 * scalar ({@link TangentAdjoint}): one forward and one reverse sweep per block carry {@code D}
 * tangent directions (unit vectors along the inputs {@code directions}) beside the adjoints.
 *
 * <p>Values per sample: {@code 0} the price, {@code 1 + k} the derivative in input k (as
 * {@link AdjointEvaluator}, to the last bit when swept lane by lane), {@code 1 + n + d n + k} the
 * second derivative in inputs {@code directions[d]} and k. Only inputs that some value is read for
 * are differentiated ({@code active}); the direction inputs must be among them. The setup is swept
 * per sample or per block as {@link AdjointEvaluator} decides.
 */
public final class HessianEvaluator implements Evaluator {

    private final BlockTape tape;
    private final TangentAdjoint sweep;
    private final PricingProblem.PathFunction<Block> function;
    private final int width;
    private final int inputs;
    private final double[][] normalLanes;
    private final Block[] normals;
    private final double[] weights;
    private final int mark;
    private final int[] gradientRows;
    private final int[][] tangentRows;
    private final boolean perSample;
    /** {@code segments[row][i]}: block i's sums of a lane block shared by several blocks ({@link #endBlocks}). */
    private double[][] segments;

    /**
     * @param directions the inputs whose Hessian rows are wanted
     * @param active     inputs differentiated (null: all)
     */
    public HessianEvaluator(PricingProblem problem, double[] inputValues, AdjointEvaluator.GradientErrors errors,
            int[] directions, boolean[] active, long samplesPerBlock) {
        AdjointEvaluator.Probe probe = AdjointEvaluator.probe(problem, inputValues);
        int d = directions.length;
        // one block holds 1 + 2D lane arrays per node instead of 1: narrower blocks for many directions
        int w = probe.lanes();
        while (w > 16 && (long) probe.pathNodes() * (1 + 2L * d) * w * 8 > AdjointEvaluator.TAPE_BUDGET_BYTES * 4) {
            w /= 2;
        }
        if (samplesPerBlock > w && samplesPerBlock <= w + w / 4) {
            w = (int) samplesPerBlock;
        }
        this.width = w;
        this.inputs = inputValues.length;
        this.tape = new BlockTape(width);
        tape.recordCurvature(true);
        tape.recyclePassiveLanes(true);
        Block[] x = new Block[inputs];
        int count = 0;
        int[] ordinal = new int[inputs];
        for (int k = 0; k < inputs; k++) {
            ordinal[k] = -1;
            if (active == null || active[k]) {
                ordinal[k] = count++;
            }
        }
        for (int dir : directions) {
            if (ordinal[dir] < 0) {
                throw new IllegalArgumentException("direction input " + dir + " is not differentiated");
            }
        }
        this.gradientRows = new int[count];
        this.tangentRows = new int[d][count];
        double[][] seeds = new double[d][count];
        for (int k = 0; k < inputs; k++) {
            if (ordinal[k] < 0) {
                x[k] = tape.constant(inputValues[k]);
                continue;
            }
            x[k] = tape.input(inputValues[k]);
            gradientRows[ordinal[k]] = 1 + k;
            for (int t = 0; t < d; t++) {
                tangentRows[t][ordinal[k]] = 1 + inputs + t * inputs + k;
            }
        }
        for (int t = 0; t < d; t++) {
            seeds[t][ordinal[directions[t]]] = 1.0;
        }
        this.function = problem.setup(x);
        this.mark = tape.mark();
        this.sweep = new TangentAdjoint(tape, seeds);
        sweep.setupTangents(mark);
        int dim = problem.dimension();
        this.normalLanes = new double[dim][width];
        this.normals = new Block[dim];
        for (int k = 0; k < dim; k++) {
            normals[k] = tape.view(normalLanes[k]);
        }
        this.weights = new double[width];
        boolean lanewise = switch (errors) {
            case PER_SAMPLE -> true;
            case PER_BLOCK -> false;
            default -> probe.setupNodes() <= 2 * probe.pathNodes() + 32;
        };
        this.perSample = lanewise;
    }

    @Override
    public int lanes() {
        return width;
    }

    @Override
    public int width() {
        return 1 + inputs + tangentRows.length * inputs;
    }

    @Override
    public boolean perSample(int i) {
        return i == 0 || perSample;
    }

    public boolean perSampleGradient() {
        return perSample;
    }

    @Override
    public void sampleLanes(double[][][] z, int count, double[][] out) {
        Arrays.fill(out[0], 0, count, 0.0);
        double weight = 1.0 / z.length;
        int chunks = (count + width - 1) / width;
        int chunk = (count + chunks - 1) / chunks;
        for (int first = 0; first < count; first += chunk) {
            int n = Math.min(chunk, count - first);
            tape.setLiveLanes(n);
            Arrays.fill(weights, 0, n, weight);
            Arrays.fill(weights, n, width, 0.0);
            for (double[][] za : z) {
                for (int k = 0; k < normalLanes.length; k++) {
                    System.arraycopy(za[k], first, normalLanes[k], 0, n);
                }
                Block y = function.discountedPayoff(normals);
                double[] price = out[0];
                for (int l = 0; l < n; l++) {
                    price[first + l] += weight * y.lane(l);
                }
                sweep.sweepPath(y, weights, mark);
            }
            if (perSample) {
                sweep.backwardSetup(mark, false);
                sweep.drainLanes(out, gradientRows, tangentRows, first, n);
            }
        }
    }

    @Override
    public void sample(double[][] paths, double[] out) {
        Evaluator.sampleAsOneLane(this, paths, out);
    }

    @Override
    public boolean segmentedSums() {
        return true;   // a curvature tape has no active grid tables (TangentAdjoint refuses them)
    }

    @Override
    public void endBlocks(double[][] blockSums, int[] counts) {
        if (perSample) {
            return;
        }
        int k = counts.length;
        sweep.segmentSetup(mark, counts);
        tape.setLiveLanes(k);
        sweep.backwardSetup(mark, false);
        if (segments == null || segments[0].length < k) {
            segments = new double[width()][k];
        }
        sweep.drainLanes(segments, gradientRows, tangentRows, 0, k);
        addSegments(segments, blockSums, gradientRows, tangentRows);
    }

    /** Block i's sum of row r is {@code segments[r][i]}: into {@code blockSums[i][r]}. */
    static void addSegments(double[][] segments, double[][] blockSums, int[] gradientRows, int[][] tangentRows) {
        for (int i = 0; i < blockSums.length; i++) {
            for (int r : gradientRows) {
                blockSums[i][r] += segments[r][i];
            }
            for (int[] rows : tangentRows) {
                for (int r : rows) {
                    blockSums[i][r] += segments[r][i];
                }
            }
        }
    }

    @Override
    public void endBlock(double[] blockSums) {
        if (!perSample) {
            sweep.backwardSetup(mark, true);
            sweep.drainSums(blockSums, gradientRows, tangentRows);
        }
    }
}
