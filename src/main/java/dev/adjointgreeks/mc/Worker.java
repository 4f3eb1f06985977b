package dev.adjointgreeks.mc;

import java.util.List;

import dev.adjointgreeks.mc.MonteCarlo.Output;

/** One worker's evaluators and scratch space. */
final class Worker {

    /** Per-block statistics: Welford mean and M2 for per-sample outputs, plain sums for block outputs. */
    static final class BlockStats {
        long n;
        final double[] mean;
        final double[] m2;
        final double[] sum;

        BlockStats(int width) {
            mean = new double[width];
            m2 = new double[width];
            sum = new double[width];
        }
    }

    private final Evaluator[] evaluators;
    private final int[] group;
    private final Output[] outputs;
    /** Whether each output has per-sample values (read by the runner). */
    final boolean[] perSample;
    /** Outputs with a per-sample term (the others are block sums alone). */
    private final boolean[] laneValued;
    private final boolean antithetic;
    /** Samples per lane block: the most any evaluator takes at once. */
    private final int lanes;
    private final LaneNormals laneNormals;
    /** {@code z[a][k][s]}: normal k of sample s of the lane block (a = 1: antithetic). */
    private final double[][][] z;
    /** {@code values[e][c][s]}: evaluator e's value c on sample s. */
    private final double[][][] values;
    private final double[][] blockValues;
    /** Whether evaluator e has values known per block only. */
    private final boolean[] blockOnly;
    private final double[] x;
    private final long[] nanos;
    private final boolean timed;

    Worker(Evaluator[] evaluators, int[] group, List<Output> outputs, int dimension, boolean antithetic,
            boolean sobol, long[] nanos) {
        this.evaluators = evaluators;
        this.group = group;
        this.outputs = outputs.toArray(new Output[0]);
        this.antithetic = antithetic;
        int w = 1;
        for (Evaluator e : evaluators) {
            w = Math.max(w, e.lanes());
        }
        this.lanes = w;
        this.laneNormals = new LaneNormals(dimension);
        this.z = new double[antithetic ? 2 : 1][dimension][w];
        this.values = new double[evaluators.length][][];
        this.blockValues = new double[evaluators.length][];
        for (int e = 0; e < evaluators.length; e++) {
            values[e] = new double[evaluators[e].width()][w];
            blockValues[e] = new double[evaluators[e].width()];
        }
        this.x = new double[w];
        this.perSample = new boolean[this.outputs.length];
        this.laneValued = new boolean[this.outputs.length];
        for (int o = 0; o < perSample.length; o++) {
            boolean p = !sobol;
            boolean any = false;
            Output out = this.outputs[o];
            for (int t = 0; t < out.evaluator().length; t++) {
                boolean known = evaluators[out.evaluator()[t]].perSample(out.component()[t]);
                p &= known;
                any |= known;
            }
            perSample[o] = p;
            laneValued[o] = any;
        }
        this.blockOnly = new boolean[evaluators.length];
        for (int e = 0; e < evaluators.length; e++) {
            for (int c = 0; c < evaluators[e].width(); c++) {
                blockOnly[e] |= !evaluators[e].perSample(c);
            }
        }
        this.nanos = nanos;
        this.timed = evaluators.length > 1;
    }

    /**
     * Runs {@code count} samples, a lane block at a time. Per lane block and output, one pass
     * over the lanes: the sum of the per-sample values and, for per-sample outputs, their mean
     * and M2 (from deviations from the first lane), merged into the block's by Chan's formula.
     * No per-sample update; outputs made of block-only values are not touched per lane.
     */
    BlockStats runBlock(NormalSource source, long count) {
        BlockStats st = new BlockStats(outputs.length);
        for (long done = 0; done < count; done += lanes) {
            int n = (int) Math.min(lanes, count - done);
            draw(source, 0, n);
            evaluate(n);
            accumulate(st, 0, n);
        }
        for (int e = 0; e < evaluators.length; e++) {
            java.util.Arrays.fill(blockValues[e], 0.0);
            evaluators[e].endBlock(blockValues[e]);
            addBlockOnly(st, e, blockValues[e]);
        }
        return st;
    }

    /**
     * How many consecutive blocks of {@code blockSize} samples run as one lane block: as many
     * as fit in {@link #lanes}, and in the lanes of every evaluator with block-only values, which
     * must keep each block's sums apart ({@link Evaluator#segmentedSums}; else 1). At 2,000 paths
     * a block is 32 samples and an adjoint evaluator's lane block 128: four blocks per pass over
     * the program instead of one, and a node's fixed cost (dispatch, the sweep's zero and
     * finiteness checks, loop set-up) shared by four times the lanes. Depends only on the
     * evaluators and the block size, never on the thread count.
     */
    int groupSize(long blockSize) {
        if (blockSize <= 0) {
            return 1;
        }
        int fit = lanes;
        for (int e = 0; e < evaluators.length; e++) {
            if (blockOnly[e]) {
                if (!evaluators[e].segmentedSums()) {
                    return 1;
                }
                fit = Math.min(fit, evaluators[e].lanes());   // its segments must share one of its lane blocks
            }
        }
        return (int) Math.max(1, fit / blockSize);
    }

    /**
     * Runs blocks whose samples together fit one lane block ({@link #groupSize}) in one
     * evaluation: block i's samples take the lanes after block i-1's, and each block's
     * statistics are taken over its own lanes exactly as {@link #runBlock} takes them. A
     * sample's values depend on its own normals only (lanes are independent in the block
     * scalar, its replay and the one-path evaluators), so every block's statistics are the
     * same to the last bit as when it runs alone.
     */
    BlockStats[] runGroup(NormalSource[] sources, long[] counts) {
        int n = 0;
        for (int i = 0; i < sources.length; i++) {
            draw(sources[i], n, (int) counts[i]);
            n += (int) counts[i];
        }
        evaluate(n);
        BlockStats[] st = new BlockStats[sources.length];
        int from = 0;
        for (int i = 0; i < sources.length; i++) {
            st[i] = new BlockStats(outputs.length);
            accumulate(st[i], from, (int) counts[i]);
            from += (int) counts[i];
        }
        int[] sizes = new int[sources.length];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = (int) counts[i];
        }
        for (int e = 0; e < evaluators.length; e++) {
            if (!blockOnly[e]) {
                java.util.Arrays.fill(blockValues[e], 0.0);
                evaluators[e].endBlock(blockValues[e]);   // nothing to add: every value is per sample
                continue;
            }
            double[][] sums = new double[sizes.length][evaluators[e].width()];
            evaluators[e].endBlocks(sums, sizes);         // each block's own sums (groupSize)
            for (int i = 0; i < sizes.length; i++) {
                addBlockOnly(st[i], e, sums[i]);
            }
        }
        return st;
    }

    /** Adds evaluator e's block-only sums {@code sums} into the block-only outputs of {@code st}. */
    private void addBlockOnly(BlockStats st, int e, double[] sums) {
        for (int o = 0; o < outputs.length; o++) {
            if (!perSample[o]) {
                Output out = outputs[o];
                for (int t = 0; t < out.evaluator().length; t++) {
                    int c = out.component()[t];
                    if (out.evaluator()[t] == e && !evaluators[e].perSample(c)) {
                        st.sum[o] += out.coefficient()[t] * sums[c];
                    }
                }
            }
        }
    }

    /** Normals of {@code n} samples from {@code source} into lanes {@code from ..}. */
    private void draw(NormalSource source, int from, int n) {
        laneNormals.draw(source, z[0], antithetic ? z[1] : null, from, n);
    }

    private void evaluate(int n) {
        for (int e = 0; e < evaluators.length; e++) {
            if (timed) {
                long t0 = System.nanoTime();
                evaluators[e].sampleLanes(z, n, values[e]);
                nanos[group[e]] += System.nanoTime() - t0;
            } else {
                evaluators[e].sampleLanes(z, n, values[e]);
            }
        }
    }

    /**
     * Per output, one pass over lanes {@code from .. from + n}: the sum of the per-sample values
     * and, for per-sample outputs, their mean and M2 (from deviations from the first lane),
     * merged into {@code st}'s by Chan's formula.
     */
    private void accumulate(BlockStats st, int from, int n) {
        int end = from + n;
        long before = st.n;
        for (int o = 0; o < outputs.length; o++) {
            if (!laneValued[o]) {
                continue;   // only block-only terms: their block sums follow below
            }
            Output out = outputs[o];
            int[] ev = out.evaluator();
            int[] comp = out.component();
            double[] coef = out.coefficient();
            double[] v;
            if (ev.length == 1 && coef[0] == 1.0) {
                v = values[ev[0]][comp[0]];
            } else {
                v = x;
                java.util.Arrays.fill(x, from, end, 0.0);
                for (int t = 0; t < ev.length; t++) {
                    double[] vt = values[ev[t]][comp[t]];
                    double c = coef[t];
                    for (int s = from; s < end; s++) {
                        x[s] += c * vt[s];
                    }
                }
            }
            // one pass: sums of the deviations from the first lane and of their squares
            // (a constant output has M2 exactly 0)
            double pivot = v[from];
            double sd = 0.0;
            double sd2 = 0.0;
            for (int s = from; s < end; s++) {
                double d = v[s] - pivot;
                sd += d;
                sd2 += d * d;
            }
            st.sum[o] += n * pivot + sd;
            if (perSample[o]) {
                double meanShift = sd / n;
                double mean = pivot + meanShift;
                double m2 = Math.max(0.0, sd2 - sd * meanShift);
                if (before == 0) {
                    st.mean[o] = mean;
                    st.m2[o] = m2;
                } else {
                    double delta = mean - st.mean[o];
                    long total = before + n;
                    st.mean[o] += delta * n / total;
                    st.m2[o] += m2 + delta * delta * ((double) before * n / total);
                }
            }
        }
        st.n = before + n;
    }
}
