package dev.adjointgreeks.mc;

import java.util.Arrays;

import dev.adjointgreeks.ad.Block;
import dev.adjointgreeks.ad.BlockTape;

/**
 * The price and its gradient with respect to every input, a block of paths at a time on the block
 * scalar: one tape node per operation per block, one lane-by-lane backward sweep per block.
 *
 * <p>The setup (everything that does not depend on the path) is recorded once, uniform, then
 * marked. Each block of {@link #lanes()} paths is recorded with its normals as per-lane values,
 * swept back to the mark (the lane adjoints accumulate in the setup section) and rewound, so the
 * tape never grows. The setup is then swept either after every block, lane by lane, giving
 * per-sample gradients for the standard errors (when the setup is cheap compared with a path), or
 * once per Monte Carlo block with the lanes summed (standard errors from block means).
 *
 * <p>The lane count: {@link #DEFAULT_LANES}, halved until one block's path section fits in
 * {@link #TAPE_BUDGET_BYTES}, so that a model with tens of thousands of operations per path still
 * keeps its tape within a few MB. 6 MB, not 4: the LIBOR book (7,500 nodes a path) then runs 32
 * lanes instead of 16, engine / hand-written adjoint 1.84 instead of 2.62 (quiet `greeks bench`,
 * 2026-11-28); every other built-in case fits 128 lanes in under 2.3 MB.
 */
public final class AdjointEvaluator implements Evaluator {

    /** How the gradient's standard errors are obtained. */
    public enum GradientErrors {
        /** Per sample when sweeping the setup per sample costs little, else per block. */
        AUTO,
        PER_SAMPLE,
        PER_BLOCK
    }

    /** Lanes per block unless the path is too long for the tape budget (see the README's measurements). */
    public static final int DEFAULT_LANES = 128;
    /** Bytes one block's path section may take on the tape. */
    public static final long TAPE_BUDGET_BYTES = 6L << 20;

    private final BlockTape tape;
    private final PricingProblem.PathFunction<Block> function;
    private final int width;
    private final double[][] normalLanes;
    private final Block[] normals;
    private final double[] weights;
    private final int mark;
    private final int inputs;
    /** Output row of each registered (active) input, in registration order. */
    private final int[] rows;
    private final boolean perSampleGradient;
    /** {@code segments[row][i]}: block i's sums of a lane block shared by several blocks ({@link #endBlocks}). */
    private double[][] segments;
    /** First order: no Hessian rows beside the gradient rows. */
    private static final int[][] NO_TANGENT_ROWS = new int[0][];
    private final BlockRun run;

    public AdjointEvaluator(PricingProblem problem, double[] inputValues, GradientErrors errors) {
        this(problem, inputValues, errors, 0, null);
    }

    /** With {@code lanes} paths per block, or 0 to choose by the tape budget. */
    public AdjointEvaluator(PricingProblem problem, double[] inputValues, GradientErrors errors, int lanes) {
        this(problem, inputValues, errors, lanes, null);
    }

    /**
     * As above, differentiating only the inputs {@code k} with {@code active[k]} (null: all); the
     * others are constants, so a setup that depends on them alone (a basket's correlations when only
     * deltas and vegas are asked for) is not recorded, and their gradient components read 0.
     */
    public AdjointEvaluator(PricingProblem problem, double[] inputValues, GradientErrors errors, int lanes,
            boolean[] active) {
        this(problem, inputValues, errors, lanes, active, 0);
    }

    /**
     * As above; with {@code lanes} 0, {@code samplesPerBlock} (the Monte Carlo block size, 0 if
     * unknown) may widen the lane block by up to a quarter so that a Monte Carlo block is one lane
     * block, not a full one and a small remainder (10,000 paths: 157 samples, one block of 157
     * lanes instead of 128 + 29; a node costs a fixed overhead per lane block).
     */
    public AdjointEvaluator(PricingProblem problem, double[] inputValues, GradientErrors errors, int lanes,
            boolean[] active, long samplesPerBlock) {
        this(problem, inputValues, errors, lanes, active, samplesPerBlock, BlockRun.REPLAY_DEFAULT);
    }

    /**
     * As above; {@code replay}: record the path section once and replay it on every later block
     * ({@link dev.adjointgreeks.ad.BlockProgram}), or record it on every block (the block scalar
     * alone). The numbers are the same to the last bit.
     */
    public AdjointEvaluator(PricingProblem problem, double[] inputValues, GradientErrors errors, int lanes,
            boolean[] active, long samplesPerBlock, boolean replay) {
        Probe probe = probe(problem, inputValues);
        int w = lanes > 0 ? lanes : probe.lanes();
        if (lanes <= 0 && samplesPerBlock > w && samplesPerBlock <= w + w / 4) {
            w = (int) samplesPerBlock;
        }
        this.width = w;
        this.tape = new BlockTape(width);
        tape.recyclePassiveLanes(true);   // every block is rewound before the next one
        Block[] x = new Block[inputValues.length];
        int count = 0;
        for (int k = 0; k < x.length; k++) {
            if (active == null || active[k]) {
                count++;
            }
        }
        this.rows = new int[count];
        int r = 0;
        for (int k = 0; k < x.length; k++) {
            if (active == null || active[k]) {
                x[k] = tape.input(inputValues[k]);
                rows[r++] = 1 + k;
            } else {
                x[k] = tape.constant(inputValues[k]);
            }
        }
        this.function = problem.setup(x);
        this.mark = tape.mark();
        this.inputs = inputValues.length;
        int dim = problem.dimension();
        this.normalLanes = new double[dim][width];
        this.normals = new Block[dim];
        for (int k = 0; k < dim; k++) {
            normals[k] = tape.view(normalLanes[k]);
        }
        this.weights = new double[width];
        boolean perSample;
        switch (errors) {
            case PER_SAMPLE:
                perSample = true;
                break;
            case PER_BLOCK:
                perSample = false;
                break;
            default:
                // Sweeping a setup much larger than a path after every block would dominate the
                // cost. Decided on every input active, so that a selection of Greeks does not change
                // how the standard errors are estimated (nor the numbers).
                perSample = probe.setupNodes() <= 2 * probe.pathNodes() + 32;
        }
        // a grid table's adjoint (the local-vol grid) is a sum over lanes: standard errors from block means
        this.perSampleGradient = perSample && !tape.hasActiveTables();
        this.run = new BlockRun(tape, function, normals, normalLanes, mark, replay);
    }

    /** The recorded program (null before the first block, or with replay off). */
    public dev.adjointgreeks.ad.BlockProgram program() {
        return run.program();
    }

    /** One block recorded with every input active: setup and path sizes, and the lanes that fit the budget. */
    record Probe(int setupNodes, int pathNodes, int lanes) {
    }

    static Probe probe(PricingProblem problem, double[] inputValues) {
        // A block's path section costs a fixed part per node and entry plus a part per lane: two
        // probes separate them (one probe at 4 lanes counted the fixed part as lanes and halved the
        // width of long paths, e.g. the LIBOR book's, for nothing).
        long[] at4 = record(problem, inputValues, 4);
        long[] at8 = record(problem, inputValues, 8);
        double perLane = Math.max(1.0, (at8[2] - at4[2]) / 4.0);
        double fixed = Math.max(0.0, at4[2] - 4 * perLane);
        int w = DEFAULT_LANES;
        while (w > 1 && fixed + w * perLane > TAPE_BUDGET_BYTES) {
            w /= 2;
        }
        return new Probe((int) at4[0], (int) at4[1], w);
    }

    /** Setup nodes, path nodes and the path's tape bytes of one block of {@code lanes} paths. */
    private static long[] record(PricingProblem problem, double[] inputValues, int lanes) {
        BlockTape t = new BlockTape(lanes);
        PricingProblem.PathFunction<Block> f = problem.setup(t.inputs(inputValues));
        int setupNodes = t.size() - inputValues.length;
        long setupBytes = t.highWaterBytes();
        Block[] z = new Block[problem.dimension()];
        for (int k = 0; k < z.length; k++) {
            z[k] = t.view(new double[lanes]);
        }
        int before = t.size();
        f.discountedPayoff(z);
        return new long[] {setupNodes, t.size() - before, t.highWaterBytes() - setupBytes};
    }

    /** The largest power of two up to {@link #DEFAULT_LANES} whose path block fits the tape budget. */
    public static int chooseLanes(PricingProblem problem, double[] inputValues) {
        return probe(problem, inputValues).lanes();
    }

    public boolean perSampleGradient() {
        return perSampleGradient;
    }

    public BlockTape tape() {
        return tape;
    }

    @Override
    public int lanes() {
        return width;
    }

    @Override
    public int width() {
        return 1 + inputs;
    }

    @Override
    public boolean perSample(int i) {
        return i == 0 || perSampleGradient;
    }

    @Override
    public void sampleLanes(double[][][] z, int count, double[][] out) {
        Arrays.fill(out[0], 0, count, 0.0);   // gradient rows are written whole, or stay 0 (per block)
        double weight = 1.0 / z.length;
        // equal chunks of at most width lanes, each computing only its own lanes
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
                run.forward();
                double[] price = out[0];
                for (int l = 0; l < n; l++) {
                    price[first + l] += weight * run.output(l);
                }
                run.sweep(weights);
            }
            if (perSampleGradient) {
                tape.backward(0);
                tape.drainLaneAdjoints(out, rows, first, n);
            }
        }
    }

    @Override
    public void sample(double[][] paths, double[] out) {
        Evaluator.sampleAsOneLane(this, paths, out);
    }

    @Override
    public boolean segmentedSums() {
        return !tape.hasActiveTables();   // a grid table's adjoint is one sum over all lanes
    }

    @Override
    public void endBlocks(double[][] blockSums, int[] counts) {
        if (perSampleGradient) {
            return;
        }
        int k = counts.length;
        tape.segmentAdjoints(counts);
        tape.setLiveLanes(k);
        tape.backward(0);
        if (segments == null || segments[0].length < k) {
            segments = new double[width()][k];
        }
        tape.drainLaneAdjoints(segments, rows, 0, k);
        HessianEvaluator.addSegments(segments, blockSums, rows, NO_TANGENT_ROWS);
    }

    @Override
    public void endBlock(double[] blockSums) {
        if (!perSampleGradient) {
            tape.backwardSummed(0);
            tape.drainInputAdjoints(blockSums, rows);
        }
    }
}
