package dev.adjointgreeks.bench;

import java.util.Arrays;
import java.util.function.Function;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.util.Decimal64;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Block;
import dev.adjointgreeks.ad.BlockProgram;
import dev.adjointgreeks.ad.BlockTape;
import dev.adjointgreeks.ad.Tape;
import dev.adjointgreeks.engine.GreeksEngine;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.RunSettings;
import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.mc.AdjointEvaluator;
import dev.adjointgreeks.mc.BlockRun;
import dev.adjointgreeks.mc.LaneNormals;
import dev.adjointgreeks.mc.NormalSource;
import dev.adjointgreeks.mc.PricingProblem;
import dev.adjointgreeks.mc.RandomStreams;
import dev.adjointgreeks.model.BlackScholesModel;
import dev.adjointgreeks.model.HestonModel;
import dev.adjointgreeks.model.MultiAssetModel;
import dev.adjointgreeks.product.Asian;
import dev.adjointgreeks.product.Averaging;
import dev.adjointgreeks.product.Basket;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.OptionType;

/**
 * One benchmark problem and the ways of pricing it, all on the same normals (one stream from
 * the case's seed) and the same paths:
 * <ul>
 * <li>{@link #primal()}: the price alone, hand-written in doubles ({@link PrimalKernels}): the floor;</li>
 * <li>{@link #generic()}: the field-generic pricer on the passive scalar (what the abstraction costs);</li>
 * <li>{@link #genericBlock()}: the same generic pricer on the passive block scalar, a block of paths at once;</li>
 * <li>{@link #adjoint()}: the price and every listed Greek on the block scalar (the engine's adjoint:
 * one node per operation per block of paths, one lane-wise sweep per block);</li>
 * <li>{@link #pathAdjoint()}: the same on the per-path tape (one sweep per path: the engine before the block scalar);</li>
 * <li>{@link #engine()}: end to end through {@code GreeksEngine.price} (normals, statistics, standard errors);</li>
 * <li>{@link #bump()}: central differences of the primal kernel, all revaluations on the same normals;</li>
 * <li>{@link #forward()}: commons-math3 DerivativeStructure, order 1, one free parameter per Greek.</li>
 * </ul>
 * Each returns numbers that depend on all its work, for the benchmark to consume.
 */
public final class BenchmarkCase {

    /** Market of every asset in every case. */
    public static final double S = 100;
    public static final double K = 100;
    public static final double T = 1;
    public static final double R = 0.05;
    public static final double Q = 0;
    public static final double VOL = 0.2;
    public static final long SEED = 20_261_127L;

    private final String name;
    private final Trade trade;
    private final PricingProblem problem;
    private final long paths;
    private final int[] greeks;
    private final Function<double[], PrimalKernels.Kernel> primalKernel;
    private final double[] inputs;

    BenchmarkCase(String name, Trade trade, long paths, String[] greekInputs,
            Function<double[], PrimalKernels.Kernel> primalKernel) {
        this.name = name;
        this.trade = trade;
        this.problem = trade.problem();
        this.paths = paths;
        this.greeks = Arrays.stream(greekInputs).mapToInt(problem::indexOf).toArray();
        for (int i = 0; i < greeks.length; i++) {
            if (greeks[i] < 0) {
                throw new IllegalArgumentException(name + ": no input " + greekInputs[i]);
            }
        }
        this.primalKernel = primalKernel;
        this.inputs = problem.inputValues();
    }

    /** European call, one exact step: delta, vega, rho, dividend rho, theta. */
    public static BenchmarkCase european(long paths) {
        Trade t = new Trade("european", new European(OptionType.CALL, K, T, false), new BlackScholesModel(S, VOL, R, Q));
        return new BenchmarkCase("european", t, paths, new String[] {"spot", "vol", "rate", "dividend", "maturity"},
                PrimalKernels::european);
    }

    /** Arithmetic Asian call on 52 weekly fixings (no control variate): delta, vega, rho, dividend rho. */
    public static BenchmarkCase asian(long paths) {
        Trade t = new Trade("asian", new Asian(OptionType.CALL, K, T, 52, Averaging.ARITHMETIC, false, false),
                new BlackScholesModel(S, VOL, R, Q));
        return new BenchmarkCase("asian", t, paths, new String[] {"spot", "vol", "rate", "dividend"},
                x -> PrimalKernels.asian(x, 52));
    }

    /** {@link #asian}'s trade on a 12-pillar discount and an 8-pillar dividend curve ({@link CurveCase}): spot, vol, 20 pillars. */
    public static BenchmarkCase curves(long paths) {
        Trade t = CurveCase.trade();
        return new BenchmarkCase(CurveCase.NAME, t, paths, CurveCase.greekInputs(t), CurveCase::kernel);
    }

    /** The {@code curves} case: central differences of every pillar, 41 primal kernels on the same normals. */
    public double[] bumpBuckets() {
        return CurveCase.bumpBuckets(inputs, paths, problem.dimension());
    }

    /** Basket call on n assets, weights 1/n, pairwise correlation 0.5: n deltas, n vegas, rho. */
    public static BenchmarkCase basket(int n, long paths) {
        double[] spots = new double[n];
        double[] vols = new double[n];
        double[] weights = new double[n];
        double[][] corr = new double[n][n];
        Arrays.fill(spots, S);
        Arrays.fill(vols, VOL);
        Arrays.fill(weights, 1.0 / n);
        for (int i = 0; i < n; i++) {
            Arrays.fill(corr[i], 0.5);
            corr[i][i] = 1.0;
        }
        Trade t = new Trade("basket-" + n, new Basket(OptionType.CALL, K, T, weights, false),
                new MultiAssetModel(spots, vols, new double[n], R, corr));
        String[] g = new String[2 * n + 1];
        for (int i = 0; i < n; i++) {
            g[i] = "spot_" + (i + 1);
            g[n + i] = "vol_" + (i + 1);
        }
        g[2 * n] = "rate";
        return new BenchmarkCase("basket-" + n, t, paths, g, x -> PrimalKernels.basket(x, n, weights));
    }

    /** Heston call, 100 full-truncation Euler steps: delta, v0, kappa, theta, xi, rho, r. */
    public static BenchmarkCase heston(long paths) {
        Trade t = new Trade("heston", new European(OptionType.CALL, K, T, false),
                new HestonModel(S, 0.04, 1.5, 0.04, 0.3, -0.7, R, Q), 0, 100, null, 1, null);
        return new BenchmarkCase("heston", t, paths, new String[] {"spot", "heston_v0", "heston_kappa", "heston_theta",
            "heston_xi", "heston_rho", "rate"}, x -> PrimalKernels.heston(x, 100));
    }

    public String name() {
        return name;
    }

    public Trade trade() {
        return trade;
    }

    public long paths() {
        return paths;
    }

    /** Number of Greeks each method computes. */
    public int sensitivities() {
        return greeks.length;
    }

    private NormalSource normals() {
        return NormalSource.pseudoRandom(RandomStreams.block(SEED, 0));
    }

    /** The primal floor: the price alone, in primitive doubles. */
    public double primal() {
        return primal(paths);
    }

    /** The primal floor on the first {@code paths} paths (a short run warms the JIT up: see {@link MethodFork}). */
    public double primal(long paths) {
        PrimalKernels.Kernel kernel = primalKernel.apply(inputs);
        NormalSource source = normals();
        double[] z = new double[problem.dimension()];
        double sum = 0.0;
        for (long p = 0; p < paths; p++) {
            source.next(z);
            sum += kernel.payoff(z);
        }
        return sum / paths;
    }

    /** The field-generic pricer on the passive scalar. */
    public double generic() {
        Decimal64[] x = new Decimal64[inputs.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = new Decimal64(inputs[i]);
        }
        PricingProblem.PathFunction<Decimal64> f = problem.setup(x);
        NormalSource source = normals();
        double[] z = new double[problem.dimension()];
        Decimal64[] zx = problem.normalsArray(x[0]);
        double sum = 0.0;
        for (long p = 0; p < paths; p++) {
            source.next(z);
            sum += f.discountedPayoff(PricingProblem.constants(x[0], z, zx)).getReal();
        }
        return sum / paths;
    }

    private int lanes;

    /** Lanes of the block scalar for this case: as the engine chooses them (measured once). */
    public int lanes() {
        if (lanes == 0) {
            lanes = AdjointEvaluator.chooseLanes(problem, inputs);
        }
        return lanes;
    }

    /** The price and the listed Greeks on the block scalar: the engine's adjoint method. */
    public double[] adjoint() {
        return adjoint(lanes(), null, paths);
    }

    /** As {@link #adjoint()}, recording the tape's high-water bytes in {@code highWater[0]}. */
    public double[] adjoint(long[] highWater) {
        return adjoint(lanes(), highWater, paths);
    }

    /** The adjoint's tape high-water bytes and replay working set at {@code paths} paths (per block: flat in paths). */
    public long[] adjointBytes(long paths) {
        long[] bytes = new long[2];
        adjoint(lanes(), bytes, paths);
        return bytes;
    }

    /**
     * The price and the listed Greeks with {@code lanes} paths per block, recorded once and replayed
     * per block, the setup swept once with the lanes summed; in {@code highWater}, if given, the
     * tape's high-water bytes and (with room) the replay's working set, 0 without replay.
     */
    private double[] adjoint(int lanes, long[] highWater, long paths) {
        BlockTape tape = new BlockTape(lanes);
        tape.recyclePassiveLanes(true);
        Block[] x = new Block[inputs.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = tape.constant(inputs[i]);
        }
        for (int g : greeks) {
            x[g] = tape.input(inputs[g]);
        }
        PricingProblem.PathFunction<Block> f = problem.setup(x);
        int mark = tape.mark();
        int dim = problem.dimension();
        double[][] zl = new double[dim][lanes];
        Block[] zb = new Block[dim];
        for (int k = 0; k < dim; k++) {
            zb[k] = tape.view(zl[k]);
        }
        double[] weights = new double[lanes];
        Arrays.fill(weights, 1.0);
        NormalSource source = normals();
        LaneNormals normalLanes = new LaneNormals(dim);
        double sum = 0.0;
        BlockRun run = new BlockRun(tape, f, zb, zl, mark, BlockProgram.enabled());   // recorded once, replayed
        for (long p = 0; p < paths; p += lanes) {
            int n = (int) Math.min(lanes, paths - p);
            normalLanes.draw(source, zl, 0, n);
            if (n < lanes) {
                Arrays.fill(weights, n, lanes, 0.0);
                tape.setLiveLanes(n);   // the last, partial block computes its own lanes only
            }
            run.forward();
            sum += run.outputSum(n);
            run.sweep(weights);
        }
        tape.backwardSummed(0);
        double[] out = new double[1 + greeks.length];
        out[0] = sum / paths;
        for (int k = 0; k < greeks.length; k++) {
            out[1 + k] = x[greeks[k]].adjoint() / paths;
        }
        if (highWater != null) {
            highWater[0] = tape.highWaterBytes();
            if (highWater.length > 1) {
                highWater[1] = run.program() == null ? 0 : run.program().workingSetBytes();
            }
        }
        return out;
    }

    /** The field-generic pricer on the passive block scalar ({@code lanes} paths per block): the abstraction's cost. */
    public double genericBlock(int lanes) {
        BlockTape tape = new BlockTape(lanes);
        tape.recyclePassiveLanes(true);
        Block[] x = new Block[inputs.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = tape.constant(inputs[i]);
        }
        PricingProblem.PathFunction<Block> f = problem.setup(x);
        int mark = tape.mark();
        int dim = problem.dimension();
        double[][] zl = new double[dim][lanes];
        Block[] zb = new Block[dim];
        for (int k = 0; k < dim; k++) {
            zb[k] = tape.view(zl[k]);
        }
        NormalSource source = normals();
        LaneNormals normalLanes = new LaneNormals(dim);
        double sum = 0.0;
        BlockRun run = new BlockRun(tape, f, zb, zl, mark, BlockProgram.enabled());   // recorded once, replayed
        for (long p = 0; p < paths; p += lanes) {
            int n = (int) Math.min(lanes, paths - p);
            normalLanes.draw(source, zl, 0, n);
            if (n < lanes) {
                tape.setLiveLanes(n);
            }
            run.forward();
            sum += run.outputSum(n);
            run.release();
        }
        return sum / paths;
    }

    /** The field-generic pricer on the passive block scalar, at the engine's lanes. */
    public double genericBlock() {
        return genericBlock(lanes());
    }

    /** Price and Greeks by one backward sweep per path on the per-path tape (the engine before the block scalar). */
    public double[] pathAdjoint() {
        return pathAdjoint(null);
    }

    /** As {@link #pathAdjoint()}, recording the tape's high-water bytes in {@code highWater[0]} if given. */
    public double[] pathAdjoint(long[] highWater) {
        Tape tape = new Tape();
        Adj[] x = new Adj[inputs.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = tape.constant(inputs[i]);
        }
        for (int g : greeks) {
            x[g] = tape.input(inputs[g]);
        }
        PricingProblem.PathFunction<Adj> f = problem.setup(x);
        int mark = tape.mark();
        NormalSource source = normals();
        double[] z = new double[problem.dimension()];
        Adj[] zx = problem.normalsArray(x[0]);
        double sum = 0.0;
        for (long p = 0; p < paths; p++) {
            source.next(z);
            Adj y = f.discountedPayoff(PricingProblem.constants(x[0], z, zx));
            sum += y.getReal();
            tape.sweepPath(y, 1.0, mark);
        }
        tape.backward(0);
        double[] out = new double[1 + greeks.length];
        out[0] = sum / paths;
        for (int k = 0; k < greeks.length; k++) {
            out[1 + k] = x[greeks[k]].adjoint() / paths;
        }
        if (highWater != null) {
            highWater[0] = tape.highWaterBytes();
        }
        return out;
    }

    /**
     * End to end through the public engine: {@code GreeksEngine.price} with the adjoint method, one
     * thread, first-order Greeks (every input's; the deltas and vegas of a basket, by the engine's
     * Greek selection), normals, statistics and standard errors included.
     * Returns the sum of every reported number, for the benchmark to consume.
     */
    public double engine() {
        RunSettings s = RunSettings.defaults(paths, SEED).withSecondOrder(false).withThreads(1);
        if (name.startsWith("basket")) {
            s = s.withGreeks(java.util.Set.of("delta", "vega"));   // the end-to-end basket problems
        }
        TradeResult r = GreeksEngine.price(trade, Method.ADJOINT, s);
        double sum = 0.0;
        for (double v : r.values().values()) {
            sum += v;
        }
        return sum;
    }

    /** Central differences of the primal kernel, every revaluation on the same normals. */
    public double[] bump() {
        int m = greeks.length;
        PrimalKernels.Kernel base = primalKernel.apply(inputs);
        PrimalKernels.Kernel[] up = new PrimalKernels.Kernel[m];
        PrimalKernels.Kernel[] down = new PrimalKernels.Kernel[m];
        double[] h = new double[m];
        for (int k = 0; k < m; k++) {
            h[k] = 1e-4 * Math.max(Math.abs(inputs[greeks[k]]), 0.01);
            double[] u = inputs.clone();
            double[] d = inputs.clone();
            u[greeks[k]] += h[k];
            d[greeks[k]] -= h[k];
            up[k] = primalKernel.apply(u);
            down[k] = primalKernel.apply(d);
        }
        NormalSource source = normals();
        double[] z = new double[problem.dimension()];
        double[] out = new double[1 + m];
        for (long p = 0; p < paths; p++) {
            source.next(z);
            out[0] += base.payoff(z);
            for (int k = 0; k < m; k++) {
                out[1 + k] += up[k].payoff(z) - down[k].payoff(z);
            }
        }
        out[0] /= paths;
        for (int k = 0; k < m; k++) {
            out[1 + k] /= 2 * h[k] * paths;
        }
        return out;
    }

    /** Forward mode: DerivativeStructure of order 1 with one free parameter per Greek. */
    public double[] forward() {
        int m = greeks.length;
        DerivativeStructure[] x = new DerivativeStructure[inputs.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = new DerivativeStructure(m, 1, inputs[i]);
        }
        for (int k = 0; k < m; k++) {
            x[greeks[k]] = new DerivativeStructure(m, 1, k, inputs[greeks[k]]);
        }
        PricingProblem.PathFunction<DerivativeStructure> f = problem.setup(x);
        NormalSource source = normals();
        double[] z = new double[problem.dimension()];
        DerivativeStructure[] zx = problem.normalsArray(x[0]);
        double[] out = new double[1 + m];
        for (long p = 0; p < paths; p++) {
            source.next(z);
            double[] all = f.discountedPayoff(PricingProblem.constants(x[0], z, zx)).getAllDerivatives();
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
