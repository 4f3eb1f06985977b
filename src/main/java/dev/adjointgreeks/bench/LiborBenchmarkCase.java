package dev.adjointgreeks.bench;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Block;
import dev.adjointgreeks.ad.BlockTape;
import dev.adjointgreeks.ad.Tape;
import dev.adjointgreeks.mc.AdjointEvaluator;
import dev.adjointgreeks.mc.NormalSource;
import dev.adjointgreeks.mc.PricingProblem;
import dev.adjointgreeks.libor.LiborHandAdjoint;
import dev.adjointgreeks.libor.LiborMarket;
import dev.adjointgreeks.libor.LiborPathFunction;
import dev.adjointgreeks.libor.LiborPrimal;
import dev.adjointgreeks.libor.SwaptionPortfolio;
import dev.adjointgreeks.mc.RandomStreams;

/**
 * The published LIBOR swaption book priced with all 161 sensitivities five ways, on the same
 * normals (one stream from the case's seed) and the same paths, as the benchmarks count them:
 * <ul>
 * <li>{@link #primal()}: the price alone in plain doubles ({@link LiborPrimal}): the floor;</li>
 * <li>{@link #adjoint()}: the engine: the framework's adjoint evaluator on the block scalar, one
 * sweep per block of paths ({@link #adjointBlock(int)}: at a chosen width; {@link #adjointPerPath()}:
 * on the per-path tape);</li>
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
     * The engine's adjoint: the framework's {@link AdjointEvaluator} on the LIBOR pricing problem,
     * a block of {@link #lanes()} paths per tape node (the engine's choice), the normals handed over
     * a lane block at a time as the Monte Carlo runner does, per-path values summed.
     */
    public double[] adjoint() {
        PricingProblem problem = new PricingProblem(market, book, 0);
        AdjointEvaluator e = new AdjointEvaluator(problem, inputs, AdjointEvaluator.GradientErrors.AUTO);
        int w = e.lanes();
        int dim = problem.dimension();
        double[][][] z = new double[1][dim][w];
        double[][] out = new double[e.width()][w];
        double[] sums = new double[e.width()];
        double[] path = new double[dim];
        NormalSource source = normals();
        for (long first = 0; first < paths; first += w) {
            int count = (int) Math.min(w, paths - first);
            for (int l = 0; l < count; l++) {
                source.next(path);
                for (int k = 0; k < dim; k++) {
                    z[0][k][l] = path[k];
                }
            }
            e.sampleLanes(z, count, out);
            for (int c = 0; c < sums.length; c++) {
                for (int l = 0; l < count; l++) {
                    sums[c] += out[c][l];
                }
            }
        }
        e.endBlock(sums);   // gradients known only per block, if the engine chose so
        for (int c = 0; c < sums.length; c++) {
            sums[c] /= paths;
        }
        lanes = w;
        tapeBytes = e.tape().highWaterBytes();
        return sums;
    }

    /** Paths per block the engine chose in the last {@link #adjoint()} run (0 before). */
    public int lanes() {
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
