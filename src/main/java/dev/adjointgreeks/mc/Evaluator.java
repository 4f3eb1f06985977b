package dev.adjointgreeks.mc;

/**
 * One pricing function evaluated on every sample of a block: the price alone (passive), or the
 * price and its gradient (adjoint). A worker thread owns its evaluators.
 *
 * <p>Samples arrive a lane block at a time ({@link #sampleLanes}): the normals of up to
 * {@link #lanes()} samples side by side. An evaluator on the block scalar prices them together; a
 * one-path evaluator takes them one by one (the default).
 *
 * <p>A sample's values depend on its own normals only, never on the other lanes of its lane
 * block: a worker puts the samples of several small Monte Carlo blocks in one lane block when
 * every value is known per sample, and relies on this for results that do not depend on how
 * samples are grouped.
 */
public interface Evaluator {

    /** Number of values per sample. */
    int width();

    /**
     * Whether value {@code i} is known per sample (its standard error then comes from per-sample
     * values) or only per block (from block means).
     */
    boolean perSample(int i);

    /**
     * Evaluates one sample: the mean over {@code paths.length} paths (two with antithetics).
     * Writes the per-sample values into {@code out}; block-only values are left at 0.
     */
    void sample(double[][] paths, double[] out);

    /** At the end of a block, adds the block sums of the block-only values into {@code blockSums}. */
    void endBlock(double[] blockSums);

    /**
     * Whether {@link #endBlocks} can keep the block-only sums of several Monte Carlo blocks apart
     * when they shared one lane block (then the worker groups blocks for this evaluator too).
     */
    default boolean segmentedSums() {
        return false;
    }

    /**
     * {@link #endBlock} of several Monte Carlo blocks that shared the last lane block, block i on
     * the {@code counts[i]} lanes after block i-1's: adds block i's sums into {@code blockSums[i]}.
     * Called only where {@link #segmentedSums} holds, on at most {@link #lanes} samples in all.
     */
    default void endBlocks(double[][] blockSums, int[] counts) {
        if (counts.length != 1) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps one block's sums only");
        }
        endBlock(blockSums[0]);
    }

    /** Samples this evaluator prefers to take at once. */
    default int lanes() {
        return 1;
    }

    /**
     * {@link #sample} of a lane-block evaluator: the one sample as a lane block of one lane
     * (values {@code out.length} of them, as {@link #width()}).
     */
    static void sampleAsOneLane(Evaluator e, double[][] paths, double[] out) {
        double[][][] z = new double[paths.length][paths[0].length][1];
        for (int a = 0; a < paths.length; a++) {
            for (int k = 0; k < paths[a].length; k++) {
                z[a][k][0] = paths[a][k];
            }
        }
        double[][] o = new double[out.length][1];
        e.sampleLanes(z, 1, o);
        for (int c = 0; c < out.length; c++) {
            out[c] = o[c][0];
        }
    }

    /**
     * Evaluates samples {@code 0 .. count-1} of a lane block: {@code z[a][k][s]} is normal k of
     * sample s (a = 1 is its antithetic path). Writes value c of sample s into {@code out[c][s]}
     * (block-only values 0). Lanes at and above {@code count} are to be ignored.
     */
    default void sampleLanes(double[][][] z, int count, double[][] out) {
        double[][] paths = new double[z.length][z[0].length];
        double[] one = new double[width()];
        for (int s = 0; s < count; s++) {
            for (int a = 0; a < z.length; a++) {
                for (int k = 0; k < paths[a].length; k++) {
                    paths[a][k] = z[a][k][s];
                }
            }
            sample(paths, one);
            for (int c = 0; c < one.length; c++) {
                out[c][s] = one[c];
            }
        }
    }
}
