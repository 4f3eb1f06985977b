package dev.adjointgreeks.batch;

/**
 * What a batch did.
 *
 * @param priced   rows priced
 * @param rejected rows rejected
 * @param paths    Monte Carlo paths over all priced rows
 * @param stopped  true when fail-fast stopped the run at the first rejection
 * @param seconds  wall time since the run started
 */
public record BatchSummary(long priced, long rejected, long paths, boolean stopped, double seconds) {
}
