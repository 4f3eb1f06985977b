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
        Worker.BlockStats[] stats = new Worker.BlockStats[blocks];
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
                // consecutive blocks that fit one lane block together run as one (see Worker.runGroup)
                int g = worker.groupSize(size);
                for (int b = next.getAndAdd(g); b < stats.length; b = next.getAndAdd(g)) {
                    int m = Math.min(g, stats.length - b);
                    NormalSource[] sources = new NormalSource[m];
                    long[] counts = new long[m];
                    for (int i = 0; i < m; i++) {
                        long first = (b + i) * size;
                        counts[i] = Math.min(size, totalSamples - first);
                        sources[i] = s.sobol()
                                ? NormalSource.sobol(RandomStreams.block(s.seed(), b + i), steps, factors)
                                : NormalSource.pseudoRandom(RandomStreams.block(s.seed(), b + i));
                    }
                    if (g == 1) {
                        stats[b] = worker.runBlock(sources[0], counts[0]);
                    } else {
                        System.arraycopy(worker.runGroup(sources, counts), 0, stats, b, m);
                    }
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
                for (Worker.BlockStats b : stats) {
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
                for (Worker.BlockStats b : stats) {
                    total += b.sum[o];
                    n += b.n;
                }
                double m = total / n;
                double ss = 0.0;
                for (Worker.BlockStats b : stats) {
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
}
