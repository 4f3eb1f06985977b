package dev.adjointgreeks.surrogate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import dev.adjointgreeks.ad.Tape;
import dev.adjointgreeks.nn.Activation;
import dev.adjointgreeks.nn.DifferentialLoss;
import dev.adjointgreeks.nn.LaneTape;
import dev.adjointgreeks.nn.Mlp;
import dev.adjointgreeks.nn.Normalization;
import dev.adjointgreeks.nn.TwinNetwork;

/**
 * Trains a surrogate as Huge and Savine do: inputs, labels and differentials normalised; Adam;
 * the one-cycle schedule of {@link OneCycle} over the epochs; minibatches of {@code max(256, m/16)};
 * the differential loss of {@link DifferentialLoss} (or, with {@code --standard}, values only).
 *
 * <p>Each batch's gradient is the sum of {@value #CHUNKS} fixed chunks of the batch, computed on as
 * many threads as asked and added in chunk order: results are bit-identical on any thread count.
 */
public final class SurrogateTrainer {

    /** How the gradient of the differential loss is computed. */
    public enum GradientMethod {
        /** The twin network recorded on the tape and swept once more (the engine differentiates backprop). */
        TAPE,
        /** The hand-written second reverse pass in primitive arrays (equal to TAPE to rounding). */
        TWIN,
        /**
         * TAPE on the block scalar with a chunk's samples as lanes ({@link LaneTape}): one recorded
         * node per operation per chunk; equal to TAPE to rounding, several times faster.
         */
        LANES;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static GradientMethod parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown gradient method '" + s + "' (expected lanes, tape or twin)");
            }
        }
    }

    static final int CHUNKS = 4;

    /**
     * The second-order term's default weight with {@code --second-order-labels}: {@code 0.2/(1+n)} for
     * n varying inputs, a fifth of the weight Huge and Savine's loss gives the value and each
     * derivative. Measured on bs-call (benchmarks/results/2026-12-06-surrogate-gamma.md): 0.1 lowered
     * all three test errors on average in every case tried; 0.5 did better on noise-free labels but
     * raised the price error on noisy ones.
     */
    public static double secondOrderWeight(int inputs) {
        return 0.2 / (1 + inputs);
    }

    /**
     * @param differential false: standard training on values only (same samples, network, schedule, seed)
     * @param secondOrder  weight of the second-order term of {@link DifferentialLoss#withSecondOrder} on
     *                     the data's {@code d2ydx0dx} labels (0: none); needs the lanes or the tape
     */
    public record Settings(int epochs, boolean differential, GradientMethod gradient, long seed, int threads,
            double secondOrder) {
        public Settings {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be >= 1 (value " + epochs + ")");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1 (value " + threads + ")");
            }
            if (!(secondOrder >= 0) || !Double.isFinite(secondOrder)) {
                throw new IllegalArgumentException("second-order weight must be >= 0 (value " + secondOrder + ")");
            }
            if (secondOrder > 0 && gradient == GradientMethod.TWIN) {
                throw new IllegalArgumentException("second-order labels need the gradient by lanes or tape, not twin "
                        + "(the hand-written pass has no second-order term)");
            }
        }

        public Settings(int epochs, boolean differential, GradientMethod gradient, long seed, int threads) {
            this(epochs, differential, gradient, seed, threads, 0.0);
        }
    }

    /** One epoch's numbers, for progress lines. */
    public record Epoch(int epoch, int epochs, double rate, double loss, double seconds) {
        public String line() {
            return String.format(Locale.ROOT, "epoch %3d/%d  rate %.2e  loss %.6e  %.2f s", epoch, epochs, rate, loss,
                    seconds);
        }
    }

    /** The trained network, its normalisation and the final training loss. */
    public record Result(Mlp network, Normalization normalization, double loss, double seconds) {
    }

    private SurrogateTrainer() {
    }

    public static Result train(TrainingData data, int[] hidden, Settings s, Consumer<Epoch> progress) {
        long t0 = System.nanoTime();
        int m = data.size();
        int n = data.x()[0].length;
        Normalization norm = Normalization.fit(data.x(), data.y());
        double[][] xn = new double[m][n];
        double[] yn = new double[m];
        double[][] dn = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                xn[i][j] = (data.x()[i][j] - norm.inputMean()[j]) / norm.inputStd()[j];
                dn[i][j] = data.dydx()[i][j] * norm.inputStd()[j] / norm.outputStd();
            }
            yn[i] = (data.y()[i] - norm.outputMean()) / norm.outputStd();
        }
        DifferentialLoss loss = objective(data, norm, xn, yn, dn, s);
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = n;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = 1;
        Activation[] acts = new Activation[hidden.length + 1];
        java.util.Arrays.fill(acts, Activation.SOFTPLUS);
        acts[hidden.length] = Activation.IDENTITY;
        Mlp net = Mlp.initialised(sizes, acts, Mlp.Init.XAVIER, s.seed());

        double[] p = net.parameters();
        double[] g = new double[p.length];
        double[] m1 = new double[p.length];
        double[] m2 = new double[p.length];
        int batch = Math.min(m, Math.max(256, m / 16));
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        SplittableRandom shuffler = new SplittableRandom(s.seed() ^ 0x5DEECE66DL);
        Tape[] tapes = new Tape[CHUNKS];
        TwinNetwork.Workspace[] spaces = new TwinNetwork.Workspace[CHUNKS];
        LaneTape[] lanes = new LaneTape[CHUNKS];
        double[][] partial = new double[CHUNKS][p.length];
        for (int c = 0; c < CHUNKS; c++) {
            tapes[c] = new Tape();
            spaces[c] = new TwinNetwork.Workspace(net);
            // no wider than a chunk of a batch: every lane of every parameter's adjoint is summed per step
            lanes[c] = s.gradient() == GradientMethod.LANES
                    ? new LaneTape(n, loss.labelColumns(), Math.min(LaneTape.DEFAULT_WIDTH, (batch + CHUNKS - 1) / CHUNKS)) : null;
        }
        ExecutorService pool = s.threads() > 1 ? Executors.newFixedThreadPool(s.threads(), r -> {
            Thread t = new Thread(r, "surrogate-trainer");
            t.setDaemon(true);
            return t;
        }) : null;
        long step = 0;
        double lastLoss = Double.NaN;
        try {
            for (int e = 0; e < s.epochs(); e++) {
                long te = System.nanoTime();
                double rate = OneCycle.rate(e, s.epochs());
                shuffle(order, shuffler);
                double epochLoss = 0.0;
                int batches = 0;
                for (int from = 0; from < m; from += batch) {
                    int to = Math.min(m, from + batch);
                    int size = to - from;
                    double[] chunkLoss = new double[CHUNKS];
                    List<Runnable> work = new ArrayList<>();
                    for (int c = 0; c < CHUNKS; c++) {
                        int a = from + (int) ((long) size * c / CHUNKS);
                        int b = from + (int) ((long) size * (c + 1) / CHUNKS);
                        int[] rows = java.util.Arrays.copyOfRange(order, a, b);
                        final int cc = c;
                        final Mlp current = net;
                        final double[] params = p;
                        work.add(() -> {
                            java.util.Arrays.fill(partial[cc], 0.0);
                            if (rows.length == 0) {
                                chunkLoss[cc] = 0.0;
                            } else if (s.gradient() == GradientMethod.LANES) {
                                chunkLoss[cc] = loss.laneGradient(current, params, rows, size, lanes[cc], partial[cc]);
                            } else if (s.gradient() == GradientMethod.TAPE) {
                                chunkLoss[cc] = loss.tapeGradient(current, params, rows, size, tapes[cc], partial[cc]);
                            } else {
                                chunkLoss[cc] = loss.twinGradient(current, params, rows, size, partial[cc], spaces[cc]);
                            }
                        });
                    }
                    run(work, pool);
                    java.util.Arrays.fill(g, 0.0);
                    double l = 0.0;
                    for (int c = 0; c < CHUNKS; c++) {
                        l += chunkLoss[c];
                        for (int i = 0; i < g.length; i++) {
                            g[i] += partial[c][i];
                        }
                    }
                    epochLoss += l;
                    batches++;
                    step++;
                    adam(p, g, m1, m2, rate, step);
                    net = net.withParameters(p);
                }
                lastLoss = epochLoss / batches;
                if (!Double.isFinite(lastLoss)) {
                    throw new IllegalStateException("training diverged at epoch " + (e + 1) + " (loss " + lastLoss + ")");
                }
                if (progress != null) {
                    progress.accept(new Epoch(e + 1, s.epochs(), rate, lastLoss, (System.nanoTime() - te) / 1e9));
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return new Result(net, norm, lastLoss, (System.nanoTime() - t0) / 1e9);
    }

    /** The differential loss on normalised data, with the second-order term when asked. */
    private static DifferentialLoss objective(TrainingData data, Normalization norm, double[][] xn, double[] yn,
            double[][] dn, Settings s) {
        DifferentialLoss loss = DifferentialLoss.of(xn, yn, dn, s.differential());
        if (s.secondOrder() == 0) {
            return loss;
        }
        if (data.d2ydx0dx() == null) {
            throw new IllegalArgumentException("second-order training needs second-order labels "
                    + "(TrainingData.generateSecondOrder)");
        }
        // d2 yn / d xn_0^2 = d2 y / d x_0^2 * std_0^2 / std_y
        double scale = norm.inputStd()[0] * norm.inputStd()[0] / norm.outputStd();
        double[] cn = new double[yn.length];
        for (int i = 0; i < cn.length; i++) {
            cn[i] = data.d2ydx0dx()[i][0] * scale;
        }
        return loss.withSecondOrder(cn, s.secondOrder());
    }

    private static void adam(double[] p, double[] g, double[] m1, double[] m2, double rate, long step) {
        double b1 = 0.9;
        double b2 = 0.999;
        double c1 = 1 - Math.pow(b1, step);
        double c2 = 1 - Math.pow(b2, step);
        for (int i = 0; i < p.length; i++) {
            m1[i] = b1 * m1[i] + (1 - b1) * g[i];
            m2[i] = b2 * m2[i] + (1 - b2) * g[i] * g[i];
            p[i] -= rate * (m1[i] / c1) / (Math.sqrt(m2[i] / c2) + 1e-8);
        }
    }

    private static void run(List<Runnable> work, ExecutorService pool) {
        if (pool == null) {
            work.forEach(Runnable::run);
            return;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (Runnable r : work) {
            futures.add(pool.submit(r));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        }
    }

    private static void shuffle(int[] a, SplittableRandom r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
