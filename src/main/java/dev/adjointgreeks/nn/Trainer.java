package dev.adjointgreeks.nn;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Tape;

/**
 * Trains a network by steepest descent and its refinements, with the gradient of the loss from one
 * reverse sweep of the tape (or, for comparison, from the hand-written {@link Backprop}).
 */
public final class Trainer {

    /** How parameters move along the negative gradient. */
    public enum Optimizer {
        /** Full-batch steepest descent, the seed's method: {@code p -= rate * g}. */
        GD,
        /** Minibatch stochastic gradient descent with momentum. */
        SGD,
        /** Adam (Kingma and Ba). */
        ADAM;

        public static Optimizer parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown optimizer '" + s + "' (expected adam, sgd or gd)");
            }
        }
    }

    /** Where the gradient comes from. */
    public enum Gradient {
        /** One reverse sweep of the tape over the recorded loss. */
        TAPE,
        /** The hand-written backpropagation recursion in primitive doubles. */
        BACKPROP,
        /**
         * The tape with the minibatch's samples as lanes of the block scalar ({@link LaneTape}): one
         * recorded node per neuron per chunk of samples; the same gradient as {@link #TAPE} to rounding.
         */
        LANES
    }

    /**
     * @param learningRate  initial step
     * @param rateDecay     the step is multiplied by this after every epoch (1: constant)
     * @param batchSize     minibatch size (GD always uses the whole training set)
     * @param patience      early stopping: epochs without a better validation loss (0: never stop early)
     */
    public record Config(Optimizer optimizer, double learningRate, double rateDecay, int batchSize, int epochs,
            double validationFraction, double weightDecay, int patience, long seed, Gradient gradient, double momentum) {

        public Config {
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("learning rate must be > 0 (value " + learningRate + ")");
            }
            if (batchSize < 1 || epochs < 1) {
                throw new IllegalArgumentException("batch size and epochs must be >= 1");
            }
            if (!(validationFraction >= 0 && validationFraction < 1)) {
                throw new IllegalArgumentException("validation fraction must lie in [0, 1) (value " + validationFraction + ")");
            }
            if (!(weightDecay >= 0)) {
                throw new IllegalArgumentException("weight decay must be >= 0 (value " + weightDecay + ")");
            }
        }

        public static Config defaults() {
            return new Config(Optimizer.ADAM, 1e-2, 0.995, 64, 200, 0.2, 0.0, 30, 1L, Gradient.TAPE, 0.9);
        }
    }

    /** One epoch's numbers, for progress lines. */
    public record Epoch(int epoch, double trainLoss, double validationLoss, double seconds) {
        public String line() {
            return String.format(Locale.ROOT, "epoch %4d  loss %.6e  validation %s  %.2f s", epoch, trainLoss,
                    Double.isNaN(validationLoss) ? "-" : String.format(Locale.ROOT, "%.6e", validationLoss), seconds);
        }
    }

    /** The trained network (the best by validation loss when there is a validation split). */
    public record Result(Mlp network, int epochs, double trainLoss, double validationLoss, int[] trainRows,
            int[] validationRows) {
    }

    private Trainer() {
    }

    public static Result train(Mlp start, double[][] x, double[][] y, Config c, Consumer<Epoch> progress) {
        int n = x.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom split = new SplittableRandom(c.seed());
        if (c.validationFraction() > 0) {
            shuffle(order, split);
        }
        int nValid = (int) Math.floor(n * c.validationFraction());
        if (c.validationFraction() > 0 && nValid == 0) {
            nValid = 1;
        }
        if (n - nValid < 1) {
            throw new IllegalArgumentException("no training rows left after the validation split");
        }
        int[] train = java.util.Arrays.copyOfRange(order, 0, n - nValid);
        int[] valid = java.util.Arrays.copyOfRange(order, n - nValid, n);
        if (c.validationFraction() == 0) {
            train = order;
        }

        double[] p = start.parameters();
        double[] g = new double[p.length];
        double[] m1 = new double[p.length];
        double[] m2 = new double[p.length];
        Mlp net = start;
        Tape tape = new Tape();
        Backprop.Workspace ws = new Backprop.Workspace(start);
        double rate = c.learningRate();
        int batch = c.optimizer() == Optimizer.GD ? train.length : Math.min(c.batchSize(), train.length);
        // no wider than a batch: every lane of every parameter's adjoint is summed once per step
        LaneTape lanes = c.gradient() == Gradient.LANES
                ? new LaneTape(start.inputs(), 0, Math.min(LaneTape.DEFAULT_WIDTH, batch)) : null;
        double best = Double.POSITIVE_INFINITY;
        double[] bestParams = p.clone();
        int sinceBest = 0;
        int epochsRun = 0;
        long adamStep = 0;
        SplittableRandom shuffler = new SplittableRandom(c.seed() ^ 0x5DEECE66DL);
        int[] rows = train.clone();
        for (int e = 1; e <= c.epochs(); e++) {
            long t0 = System.nanoTime();
            if (c.optimizer() != Optimizer.GD) {
                shuffle(rows, shuffler);
            }
            for (int from = 0; from < rows.length; from += batch) {
                int[] b = from == 0 && batch == rows.length ? rows
                        : java.util.Arrays.copyOfRange(rows, from, Math.min(rows.length, from + batch));
                gradient(net, p, x, y, b, c, tape, ws, lanes, g);
                switch (c.optimizer()) {
                    case GD:
                        for (int i = 0; i < p.length; i++) {
                            p[i] = p[i] - rate * g[i];
                        }
                        break;
                    case SGD:
                        for (int i = 0; i < p.length; i++) {
                            m1[i] = c.momentum() * m1[i] - rate * g[i];
                            p[i] += m1[i];
                        }
                        break;
                    case ADAM: {
                        adamStep++;
                        double b1 = 0.9;
                        double b2 = 0.999;
                        double c1 = 1 - Math.pow(b1, adamStep);
                        double c2 = 1 - Math.pow(b2, adamStep);
                        for (int i = 0; i < p.length; i++) {
                            m1[i] = b1 * m1[i] + (1 - b1) * g[i];
                            m2[i] = b2 * m2[i] + (1 - b2) * g[i] * g[i];
                            p[i] -= rate * (m1[i] / c1) / (Math.sqrt(m2[i] / c2) + 1e-8);
                        }
                        break;
                    }
                    default:
                        throw new AssertionError();
                }
                net = net.withParameters(p);
            }
            rate *= c.rateDecay();
            epochsRun = e;
            double trainLoss = Loss.meanSquared(net, x, y, train, c.weightDecay());
            if (!Double.isFinite(trainLoss)) {
                throw new IllegalStateException("training diverged at epoch " + e + " (loss " + trainLoss
                        + "): lower the learning rate");
            }
            double validLoss = valid.length > 0 ? Loss.meanSquared(net, x, y, valid, 0.0) : Double.NaN;
            if (progress != null) {
                progress.accept(new Epoch(e, trainLoss, validLoss, (System.nanoTime() - t0) / 1e9));
            }
            if (valid.length > 0) {
                if (validLoss < best) {
                    best = validLoss;
                    bestParams = p.clone();
                    sinceBest = 0;
                } else if (c.patience() > 0 && ++sinceBest >= c.patience()) {
                    break;
                }
            }
        }
        Mlp result = valid.length > 0 ? start.withParameters(bestParams) : net;
        return new Result(result, epochsRun, Loss.meanSquared(result, x, y, train, c.weightDecay()),
                valid.length > 0 ? Loss.meanSquared(result, x, y, valid, 0.0) : Double.NaN, train, valid);
    }

    /** dL/dp into {@code g}: reverse sweeps of the recorded loss, or the hand-written recursion. */
    static void gradient(Mlp net, double[] p, double[][] x, double[][] y, int[] rows, Config c, Tape tape,
            Backprop.Workspace ws, LaneTape lanes, double[] g) {
        if (c.gradient() == Gradient.BACKPROP) {
            Backprop.lossAndGradient(net, p, x, y, rows, c.weightDecay(), g, ws);
            return;
        }
        if (c.gradient() == Gradient.LANES) {
            lanes.meanSquared(net, p, x, y, rows, c.weightDecay(), g);
            return;
        }
        tape.reset();
        Adj[] params = tape.inputs(p);
        Adj loss = Loss.meanSquared(net, params, x, y, rows, c.weightDecay());
        System.arraycopy(tape.gradient(loss), 0, g, 0, g.length);
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
