package dev.adjointgreeks.mc;

/**
 * One pricing function evaluated on every sample of a block: the price alone (passive), or the
 * price and its gradient (adjoint). A worker thread owns its evaluators.
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
}
