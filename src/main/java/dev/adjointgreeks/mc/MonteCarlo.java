package dev.adjointgreeks.mc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The block runner. Samples (paths, or antithetic pairs) are simulated in blocks whose size depends
 * only on the number of samples; block {@code b} draws from its own stream (trade seed, b); block
 * results are combined in block order. So a seed gives the same numbers, to the last bit, on any
 * number of threads.
 *
 * <p>The numbers estimated are linear functionals of the evaluators' per-sample values (a price, a
 * gradient component, a finite difference of two prices, the difference between two methods), so
 * each comes with a standard error: from per-sample values where every value it uses is known per
 * sample, from block means otherwise (and always with Sobol points, whose blocks are independent
 * randomisations).
 */
public final class MonteCarlo {

    /** At least this many blocks when there are enough samples: block-mean standard errors need them. */
    public static final int TARGET_BLOCKS = 64;
    public static final int MAX_BLOCK = 8192;
    /** Independent randomisations of the Sobol points. */
    public static final int SOBOL_REPLICATES = 16;

    /** How paths are drawn. */
    public record Settings(long paths, long seed, int threads, boolean antithetic, boolean sobol) {
        public Settings {
            if (paths < 2) {
                throw new IllegalArgumentException("paths must be >= 2 (value " + paths + ")");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1 (value " + threads + ")");
            }
        }
    }

    /** {@code sum_t coefficient[t] * value(evaluator[t], component[t])}. */
    public record Output(String name, int[] evaluator, int[] component, double[] coefficient) {
        public static Output of(String name, int evaluator, int component) {
            return new Output(name, new int[] {evaluator}, new int[] {component}, new double[] {1.0});
        }
    }

    /** Estimates in the order of the outputs, with the paths actually simulated. */
    public record Result(String[] names, double[] mean, double[] stderr, long paths, long[] groupNanos) {
        public int indexOf(String name) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Per-block statistics: Welford mean and M2 for per-sample outputs, plain sums for block outputs. */
    private static final class BlockStats {
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

    private MonteCarlo() {
    }

    /**
     * Runs the evaluators made by {@code kernel} (one set per worker) over all samples.
     *
     * @param group group index of each evaluator, for the time per method (compare)
     */
    public static Result run(Settings s, int steps, int factors, Supplier<Evaluator[]> kernel, int[] group,
            List<Output> outputs) {
        int dimension = steps * factors;
        if (s.sobol() && dimension > 1000) {
            throw new IllegalArgumentException("Sobol points support at most 1000 dimensions (steps x factors = "
                    + dimension + ")");
        }
        long samples = s.antithetic() ? (s.paths() + 1) / 2 : s.paths();
        int blocks;
        long blockSize;
        if (s.sobol()) {
            blocks = SOBOL_REPLICATES;
            blockSize = Math.max(1, (samples + blocks - 1) / blocks);
            samples = blockSize * blocks;
        } else {
            blockSize = Math.min(MAX_BLOCK, Math.max(1, (samples + TARGET_BLOCKS - 1) / TARGET_BLOCKS));
            blocks = (int) ((samples + blockSize - 1) / blockSize);
        }
        final long totalSamples = samples;
        final long size = blockSize;
        int groups = 0;
        for (int g : group) {
            groups = Math.max(groups, g + 1);
        }
        final int groupCount = groups;
        BlockStats[] stats = new BlockStats[blocks];
        AtomicInteger next = new AtomicInteger();
        int workers = (int) Math.min(s.threads(), blocks);
        long[][] nanos = new long[workers][groupCount];
        // which outputs have per-sample values: a property of the evaluators, the same on every worker
        boolean[][] granularity = new boolean[workers][];

        List<Runnable> jobs = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            final int id = w;
            jobs.add(() -> {
                Evaluator[] ev = kernel.get();
                Worker worker = new Worker(ev, group, outputs, dimension, s.antithetic(), s.sobol(), nanos[id]);
                granularity[id] = worker.perSample;
                for (int b = next.getAndIncrement(); b < stats.length; b = next.getAndIncrement()) {
                    long first = b * size;
                    long count = Math.min(size, totalSamples - first);
                    NormalSource source = s.sobol()
                            ? NormalSource.sobol(RandomStreams.block(s.seed(), b), steps, factors)
                            : NormalSource.pseudoRandom(RandomStreams.block(s.seed(), b));
                    stats[b] = worker.runBlock(source, count);
                }
            });
        }
        runAll(jobs);

        int width = outputs.size();
        boolean[] perSample = granularity[0];
        double[] mean = new double[width];
        double[] se = new double[width];
        for (int o = 0; o < width; o++) {
            if (perSample[o]) {
                // Chan et al.'s pairwise combination of (n, mean, M2), in block order.
                long n = 0;
                double m = 0.0;
                double m2 = 0.0;
                for (BlockStats b : stats) {
                    long nb = b.n;
                    double delta = b.mean[o] - m;
                    long nn = n + nb;
                    m += delta * nb / nn;
                    m2 += b.m2[o] + delta * delta * ((double) n * nb / nn);
                    n = nn;
                }
                mean[o] = m;
                se[o] = n > 1 ? Math.sqrt(m2 / (n - 1) / n) : Double.NaN;
            } else {
                double total = 0.0;
                long n = 0;
                for (BlockStats b : stats) {
                    total += b.sum[o];
                    n += b.n;
                }
                double m = total / n;
                double ss = 0.0;
                for (BlockStats b : stats) {
                    double dev = b.sum[o] / b.n - m;
                    ss += (double) b.n * b.n * dev * dev;
                }
                mean[o] = m;
                se[o] = stats.length > 1 ? Math.sqrt(ss * stats.length / (stats.length - 1.0)) / n : Double.NaN;
            }
        }
        long[] groupNanos = new long[groupCount];
        for (long[] w : nanos) {
            for (int g = 0; g < groupCount; g++) {
                groupNanos[g] += w[g];
            }
        }
        String[] names = outputs.stream().map(Output::name).toArray(String[]::new);
        return new Result(names, mean, se, totalSamples * (s.antithetic() ? 2 : 1), groupNanos);
    }

    /**
     * Samples (paths, or antithetic pairs) per Monte Carlo block for these settings: the most an
     * evaluator is given at once, so an evaluator may size its lane block to it.
     */
    public static long samplesPerBlock(Settings s) {
        long samples = s.antithetic() ? (s.paths() + 1) / 2 : s.paths();
        if (s.sobol()) {
            return Math.max(1, (samples + SOBOL_REPLICATES - 1) / SOBOL_REPLICATES);
        }
        return Math.min(MAX_BLOCK, Math.max(1, (samples + TARGET_BLOCKS - 1) / TARGET_BLOCKS));
    }

    private static void runAll(List<Runnable> jobs) {
        if (jobs.size() == 1) {
            jobs.get(0).run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs.size(), r -> {
            Thread t = new Thread(r, "monte-carlo");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable job : jobs) {
                futures.add(pool.submit(job));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One worker's evaluators and scratch space. */
    private static final class Worker {
        private final Evaluator[] evaluators;
        private final int[] group;
        private final Output[] outputs;
        private final boolean[] perSample;
        /** Outputs with a per-sample term (the others are block sums alone). */
        private final boolean[] laneValued;
        private final boolean antithetic;
        /** Samples per lane block: the most any evaluator takes at once. */
        private final int lanes;
        private final double[] path;
        /** {@code z[a][k][s]}: normal k of sample s of the lane block (a = 1: antithetic). */
        private final double[][][] z;
        /** {@code values[e][c][s]}: evaluator e's value c on sample s. */
        private final double[][][] values;
        private final double[][] blockValues;
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
            this.path = new double[dimension];
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
                for (int s = 0; s < n; s++) {
                    source.next(path);
                    double[][] z0 = z[0];
                    for (int k = 0; k < path.length; k++) {
                        z0[k][s] = path[k];
                    }
                    if (antithetic) {
                        double[][] z1 = z[1];
                        for (int k = 0; k < path.length; k++) {
                            z1[k][s] = -path[k];
                        }
                    }
                }
                for (int e = 0; e < evaluators.length; e++) {
                    if (timed) {
                        long t0 = System.nanoTime();
                        evaluators[e].sampleLanes(z, n, values[e]);
                        nanos[group[e]] += System.nanoTime() - t0;
                    } else {
                        evaluators[e].sampleLanes(z, n, values[e]);
                    }
                }
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
                        java.util.Arrays.fill(x, 0, n, 0.0);
                        for (int t = 0; t < ev.length; t++) {
                            double[] vt = values[ev[t]][comp[t]];
                            double c = coef[t];
                            for (int s = 0; s < n; s++) {
                                x[s] += c * vt[s];
                            }
                        }
                    }
                    // one pass: sums of the deviations from the first lane and of their squares
                    // (a constant output has M2 exactly 0)
                    double pivot = v[0];
                    double sd = 0.0;
                    double sd2 = 0.0;
                    for (int s = 0; s < n; s++) {
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
            for (int e = 0; e < evaluators.length; e++) {
                java.util.Arrays.fill(blockValues[e], 0.0);
                evaluators[e].endBlock(blockValues[e]);
            }
            for (int o = 0; o < outputs.length; o++) {
                if (!perSample[o]) {
                    Output out = outputs[o];
                    for (int t = 0; t < out.evaluator().length; t++) {
                        int e = out.evaluator()[t];
                        int c = out.component()[t];
                        if (!evaluators[e].perSample(c)) {
                            st.sum[o] += out.coefficient()[t] * blockValues[e][c];
                        }
                    }
                }
            }
            return st;
        }
    }
}
