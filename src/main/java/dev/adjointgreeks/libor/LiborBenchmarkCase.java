package dev.adjointgreeks.libor;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Block;
import dev.adjointgreeks.ad.BlockTape;
import dev.adjointgreeks.ad.Tape;
import dev.adjointgreeks.mc.NormalSource;
import dev.adjointgreeks.mc.RandomStreams;

/**
 * The published LIBOR swaption book priced with all 161 sensitivities five ways, on the same
 * normals (one stream from the case's seed) and the same paths, as the benchmarks count them:
 * <ul>
 * <li>{@link #primal()}: the price alone in plain doubles ({@link LiborPrimal}): the floor;</li>
 * <li>{@link #adjoint()}: the engine: the field-generic path on the block scalar, one sweep per
 * block of paths ({@link #adjointPerPath()}: the same on the per-path tape);</li>
 * <li>{@link #handwritten()}: Giles' reverse recursion in plain doubles ({@link LiborHandAdjoint});</li>
 * <li>{@link #bump()}: one-sided differences of the primal, 161 + 1 revaluations per path, as the
 * published tables count bump-and-revalue;</li>
 * <li>{@link #forward()}: commons-math3 DerivativeStructure, order 1, 161 free parameters.</li>
 * </ul>
 * Each returns numbers that depend on all its work, for the benchmark to consume.
 */
public final class LiborBenchmarkCase {

    public static final long SEED = 20_061_101L;

    private final LiborMarket market;
    private final SwaptionPortfolio book;
    private final double[] inputs;
    private final long paths;
    private long tapeBytes;
    private int lanes;

    /** Bytes one block of paths may take on the tape. */
    public static final long TAPE_BUDGET_BYTES = 4L << 20;

    public LiborBenchmarkCase(LiborMarket market, SwaptionPortfolio book, long paths) {
        book.checkMarket(market);
        this.market = market;
        this.book = book;
        this.inputs = market.inputValues();
        this.paths = paths;
    }

    /** The published case: N = 80, delta = 0.25, 15 swaptions expiring at step 40. */
    public static LiborBenchmarkCase published(long paths) {
        return new LiborBenchmarkCase(LiborMarket.published(), SwaptionPortfolio.published(), paths);
    }

    public long paths() {
        return paths;
    }

    public int sensitivities() {
        return inputs.length;
    }

    /** The tape's high-water bytes of the last {@link #adjoint()} run. */
    public long tapeBytes() {
        return tapeBytes;
    }

    private NormalSource normals() {
        return NormalSource.pseudoRandom(RandomStreams.block(SEED, 0));
    }

    public double primal() {
        LiborPrimal f = new LiborPrimal(market.size(), book, inputs);
        NormalSource source = normals();
        double[] z = new double[book.expiry()];
        double sum = 0.0;
        for (long p = 0; p < paths; p++) {
            source.next(z);
            sum += f.payoff(z);
        }
        return sum / paths;
    }

    /**
     * The engine's adjoint: the field-generic path on the block scalar, {@link #lanes()} paths per
     * tape node, one lane-wise sweep per block.
     */
    public double[] adjoint() {
        return adjointBlock(lanes());
    }

    /**
     * Paths per block: the largest power of two up to 64 whose block of paths takes at most 4 MB
     * of tape (the engine's rule), measured on a block of 4.
     */
    public int lanes() {
        if (lanes == 0) {
            int probe = 4;
            BlockTape t = new BlockTape(probe);
            LiborPathFunction<Block> f = new LiborPathFunction<>(market.size(), book, t.inputs(inputs));
            long setup = t.highWaterBytes();
            Block[] z = new Block[book.expiry()];
            for (int s = 0; s < z.length; s++) {
                z[s] = t.view(new double[probe]);
            }
            f.discountedPayoff(z);
            double perLane = (double) (t.highWaterBytes() - setup) / probe;
            int w = 64;
            while (w > 1 && w * perLane > TAPE_BUDGET_BYTES) {
                w /= 2;
            }
            lanes = w;
        }
        return lanes;
    }

    /** Price and 161 sensitivities on the per-path tape ({@code Adj}): one recording and sweep per path. */
    public double[] adjointPerPath() {
        Tape tape = new Tape();
        Adj[] x = tape.inputs(inputs);
        LiborPathFunction<Adj> f = new LiborPathFunction<>(market.size(), book, x);
        int mark = tape.mark();
        NormalSource source = normals();
        double[] z = new double[book.expiry()];
        double sum = 0.0;
        for (long p = 0; p < paths; p++) {
            source.next(z);
            Adj y = f.discountedPayoff(z);
            sum += y.getReal();
            tape.sweepPath(y, 1.0, mark);
        }
        tape.backward(0);
        double[] out = new double[1 + x.length];
        out[0] = sum / paths;
        tape.drainInputAdjoints(out, 1);
        for (int k = 1; k < out.length; k++) {
            out[k] /= paths;
        }
        tapeBytes = tape.highWaterBytes();
        return out;
    }

    /**
     * The engine on the block scalar: {@code width} paths per tape node, the setup swept once at
     * the end with lane sums collapsed. A last partial block runs its unused lanes with zero weight.
     */
    public double[] adjointBlock(int width) {
        BlockTape tape = new BlockTape(width);
        Block[] x = tape.inputs(inputs);
        LiborPathFunction<Block> f = new LiborPathFunction<>(market.size(), book, x);
        int mark = tape.mark();
        NormalSource source = normals();
        int steps = book.expiry();
        double[] z = new double[steps];
        double[][] lanes = new double[steps][width];
        Block[] normals = new Block[steps];
        for (int s = 0; s < steps; s++) {
            normals[s] = tape.view(lanes[s]);
        }
        double[] weights = new double[width];
        double[] prices = new double[width];
        for (long p = 0; p < paths; p += width) {
            int used = (int) Math.min(width, paths - p);
            for (int l = 0; l < width; l++) {
                if (l < used) {
                    source.next(z);
                }
                for (int s = 0; s < steps; s++) {
                    lanes[s][l] = z[s];
                }
                weights[l] = l < used ? 1.0 : 0.0;
            }
            Block y = f.discountedPayoff(normals);
            for (int l = 0; l < used; l++) {
                prices[l] += y.lane(l);
            }
            tape.sweepPath(y, weights, mark);
        }
        tape.backwardSummed(0);
        double[] out = new double[1 + x.length];
        for (double v : prices) {
            out[0] += v;
        }
        out[0] /= paths;
        tape.drainInputAdjoints(out, 1);
        for (int k = 1; k < out.length; k++) {
            out[k] /= paths;
        }
        tapeBytes = tape.highWaterBytes();
        return out;
    }

    /** Price and 161 sensitivities by the hand-written reverse recursion. */
    public double[] handwritten() {
        LiborHandAdjoint f = new LiborHandAdjoint(market.size(), book, inputs);
        NormalSource source = normals();
        double[] z = new double[book.expiry()];
        double[] out = new double[1 + inputs.length];
        double sum = 0.0;
        for (long p = 0; p < paths; p++) {
            source.next(z);
            sum += f.payoffAndGradient(z, 1.0, out, 1);
        }
        out[0] = sum;
        for (int k = 0; k < out.length; k++) {
            out[k] /= paths;
        }
        return out;
    }

    /** One-sided differences of the primal on shared normals: 1 + 161 revaluations per path. */
    public double[] bump() {
        int m = inputs.length;
        LiborPrimal base = new LiborPrimal(market.size(), book, inputs);
        LiborPrimal[] up = new LiborPrimal[m];
        double[] h = new double[m];
        for (int k = 0; k < m; k++) {
            h[k] = 1e-6 * Math.abs(inputs[k]);
            double[] u = inputs.clone();
            u[k] += h[k];
            up[k] = new LiborPrimal(market.size(), book, u);
        }
        NormalSource source = normals();
        double[] z = new double[book.expiry()];
        double[] out = new double[1 + m];
        for (long p = 0; p < paths; p++) {
            source.next(z);
            double v = base.payoff(z);
            out[0] += v;
            for (int k = 0; k < m; k++) {
                out[1 + k] += up[k].payoff(z) - v;
            }
        }
        out[0] /= paths;
        for (int k = 0; k < m; k++) {
            out[1 + k] /= h[k] * paths;
        }
        return out;
    }

    /** Forward mode: DerivativeStructure of order 1 with 161 free parameters. */
    public double[] forward() {
        int m = inputs.length;
        DerivativeStructure[] x = new DerivativeStructure[m];
        for (int k = 0; k < m; k++) {
            x[k] = new DerivativeStructure(m, 1, k, inputs[k]);
        }
        LiborPathFunction<DerivativeStructure> f = new LiborPathFunction<>(market.size(), book, x);
        NormalSource source = normals();
        double[] z = new double[book.expiry()];
        double[] out = new double[1 + m];
        for (long p = 0; p < paths; p++) {
            source.next(z);
            double[] all = f.discountedPayoff(z).getAllDerivatives();
            for (int k = 0; k <= m; k++) {
                out[k] += all[k];
            }
        }
        for (int k = 0; k <= m; k++) {
            out[k] /= paths;
        }
        return out;
    }
}
