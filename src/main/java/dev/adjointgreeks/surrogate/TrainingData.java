package dev.adjointgreeks.surrogate;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Block;
import dev.adjointgreeks.ad.BlockTape;
import dev.adjointgreeks.ad.Tape;
import dev.adjointgreeks.ad.TangentAdjoint;
import dev.adjointgreeks.engine.Analytic;
import dev.adjointgreeks.engine.ModelTypes;
import dev.adjointgreeks.mc.NormalSource;
import dev.adjointgreeks.mc.PricingProblem;

/**
 * Training samples: the varying inputs {@code x}, the label {@code y} and the differential labels
 * {@code dydx} (d y / d x_j), in original units.
 *
 * <p>Pathwise labels come from the engine's own pricing function: per sample the inputs are
 * registered on the tape, the trade's setup and one path (or an antithetic pair, averaged) are
 * recorded and one backward sweep gives the pathwise derivatives of the discounted payoff with
 * respect to every input, of which the varying ones are kept. Their expectation given x is the
 * price and its gradient, which is what the network regresses to.
 *
 * <p>Second-order labels ({@link #generateSecondOrder}) add {@code d2ydx0dx[s][k]}, the pathwise
 * {@code d2 y / dx_0 dx_k} along the first varying input (the spot): they need an estimator smooth
 * path by path, so they take the payoff as priced (conditioned), never {@code pathwise()}.
 *
 * @param d2ydx0dx second derivatives along input 0, or null
 */
public record TrainingData(double[][] x, double[] y, double[][] dydx, double[][] d2ydx0dx) {

    public TrainingData(double[][] x, double[] y, double[][] dydx) {
        this(x, y, dydx, null);
    }

    /** Samples per block of {@link #generateSecondOrder}. */
    static final int LANES = 64;

    public int size() {
        return y.length;
    }

    /**
     * {@code m} samples of {@code spec}. The states are drawn from one stream of {@code seed} and the
     * paths from another, so a seed gives the same samples whatever the labels are used for.
     */
    public static TrainingData generate(SurrogateSpec spec, int m, long seed) {
        if (m < 1) {
            throw new IllegalArgumentException("samples must be >= 1 (value " + m + ")");
        }
        PricingProblem priced = spec.trade().problem();
        // pathwise labels are one simulated payoff per sample, not a conditional expectation
        PricingProblem problem = spec.labels() == SurrogateSpec.Labels.PATHWISE
                ? new PricingProblem(priced.model(), priced.product().pathwise(), priced.steps())
                : priced;
        double[] base = problem.inputValues();
        int n = spec.inputs();
        int[] idx = varied(problem, spec);
        UniformRandomProvider states = states(seed);
        ZigguratSampler.NormalizedGaussian stateNormal = ZigguratSampler.NormalizedGaussian.of(states);
        NormalSource paths = pathNormals(seed);
        double[] z = new double[problem.dimension()];
        double[] zAnti = new double[z.length];
        double[][] x = new double[m][n];
        double[] y = new double[m];
        double[][] dydx = new double[m][n];
        Tape tape = new Tape();
        boolean closedForm = spec.labels() == SurrogateSpec.Labels.CLOSED_FORM;
        if (closedForm && ModelTypes.analytic(problem.model()).unavailableReason(problem) != null) {
            throw new IllegalArgumentException("labels: " + ModelTypes.analytic(problem.model()).unavailableReason(problem));
        }
        double[] values = base.clone();
        Adj[] normals = new Adj[z.length];
        for (int s = 0; s < m; s++) {
            for (int j = 0; j < n; j++) {
                x[s][j] = spec.vary().get(j).sample(states, stateNormal);
                values[idx[j]] = x[s][j];
            }
            tape.reset();
            Adj[] in = tape.inputs(values);
            Adj label;
            if (closedForm) {
                label = ModelTypes.analytic(problem.model()).price(problem, in);
            } else {
                PricingProblem.PathFunction<Adj> f = problem.setup(in);
                paths.next(z);
                label = f.discountedPayoff(PricingProblem.constants(in[0], z, normals));
                if (spec.antithetic()) {
                    for (int k = 0; k < z.length; k++) {
                        zAnti[k] = -z[k];
                    }
                    label = label.add(f.discountedPayoff(PricingProblem.constants(in[0], zAnti, normals))).multiply(0.5);
                }
            }
            y[s] = label.getReal();
            double[] g = tape.gradient(label);
            for (int j = 0; j < n; j++) {
                dydx[s][j] = g[idx[j]];
            }
        }
        return new TrainingData(x, y, dydx);
    }

    /**
     * {@code m} samples of {@code spec} with first- and second-order labels: the same states and
     * paths as {@link #generate} for a seed, but labels from the payoff as priced, which must be
     * smooth path by path ({@link PricingProblem#smoothPathwise()}: a conditioned European, digital,
     * Asian or basket), or from the closed form. Per block of {@value #LANES} samples, the states on
     * the lanes of the block scalar with curvature recorded, setup and paths are recorded and one
     * tangent-over-adjoint sweep ({@link TangentAdjoint}, as {@code mc.HessianEvaluator}) in the
     * direction of input 0 gives each lane's gradient and Hessian row. Smoothness is decided at the
     * trade's own inputs, as the engine decides it.
     */
    public static TrainingData generateSecondOrder(SurrogateSpec spec, int m, long seed) {
        if (m < 1) {
            throw new IllegalArgumentException("samples must be >= 1 (value " + m + ")");
        }
        PricingProblem problem = spec.trade().problem();
        boolean closedForm = spec.labels() == SurrogateSpec.Labels.CLOSED_FORM;
        Analytic analytic = ModelTypes.analytic(problem.model());
        if (closedForm && (analytic.unavailableReason(problem) != null || !analytic.fieldGeneric())) {
            String why = analytic.unavailableReason(problem);
            throw new IllegalArgumentException("labels: " + (why != null ? why : "the closed form runs in doubles only"));
        }
        if (!closedForm && !problem.smoothPathwise()) {
            throw new IllegalArgumentException("second-order labels need a payoff smooth path by path (a conditioned "
                    + "European, digital, Asian or basket on a model with smooth paths); this trade's is not, so its "
                    + "pathwise second derivatives would miss the kink");
        }
        double[] base = problem.inputValues();
        int n = spec.inputs();
        int[] idx = varied(problem, spec);
        UniformRandomProvider states = states(seed);
        ZigguratSampler.NormalizedGaussian stateNormal = ZigguratSampler.NormalizedGaussian.of(states);
        NormalSource paths = pathNormals(seed);
        int width = Math.min(LANES, m);
        int dim = problem.dimension();
        double[] z = new double[dim];
        double[][] xLanes = new double[n][width];
        double[][] zLanes = new double[dim][width];
        double[][] antiLanes = new double[dim][width];
        double[][] x = new double[m][n];
        double[] y = new double[m];
        double[][] dydx = new double[m][n];
        double[][] d2 = new double[m][n];
        // rows of drainLanes: 1 + j the gradient, 1 + n + j the Hessian row along input 0
        double[][] out = new double[1 + 2 * n][width];
        int[] gradientRows = new int[n];
        int[][] tangentRows = new int[1][n];
        double[][] direction = new double[1][n];
        for (int j = 0; j < n; j++) {
            gradientRows[j] = 1 + j;
            tangentRows[0][j] = 1 + n + j;
        }
        direction[0][0] = 1.0;
        double[] weights = new double[width];
        BlockTape tape = new BlockTape(width);
        tape.recordCurvature(true);
        Block[] in = new Block[base.length];
        for (int first = 0; first < m; first += width) {
            int live = Math.min(width, m - first);
            for (int l = 0; l < width; l++) {
                int s = first + Math.min(l, live - 1);   // dead lanes repeat the last live one
                if (l < live) {
                    for (int j = 0; j < n; j++) {
                        x[s][j] = spec.vary().get(j).sample(states, stateNormal);
                    }
                    if (!closedForm) {
                        paths.next(z);
                    }
                }
                for (int j = 0; j < n; j++) {
                    xLanes[j][l] = x[s][j];
                }
                for (int k = 0; k < dim; k++) {
                    zLanes[k][l] = z[k];
                    antiLanes[k][l] = -z[k];
                }
            }
            tape.reset();
            tape.setLiveLanes(live);
            for (int k = 0; k < base.length; k++) {
                in[k] = tape.constant(base[k]);
            }
            for (int j = 0; j < n; j++) {
                in[idx[j]] = tape.input(xLanes[j]);
            }
            int mark = tape.mark();
            TangentAdjoint sweep = new TangentAdjoint(tape, direction);
            sweep.setupTangents(mark);
            Block label;
            if (closedForm) {
                label = analytic.price(problem, in);
            } else {
                PricingProblem.PathFunction<Block> f = problem.setup(in);
                Block[] normals = new Block[dim];
                for (int k = 0; k < dim; k++) {
                    normals[k] = tape.view(zLanes[k]);
                }
                label = f.discountedPayoff(normals);
                if (spec.antithetic()) {
                    for (int k = 0; k < dim; k++) {
                        normals[k] = tape.view(antiLanes[k]);
                    }
                    label = label.add(f.discountedPayoff(normals)).multiply(0.5);
                }
            }
            for (int l = 0; l < live; l++) {
                y[first + l] = label.lane(l);
                weights[l] = 1.0;
            }
            sweep.sweepPath(label, weights, mark);
            sweep.backwardSetup(mark, false);
            sweep.drainLanes(out, gradientRows, tangentRows, 0, live);
            for (int l = 0; l < live; l++) {
                for (int j = 0; j < n; j++) {
                    dydx[first + l][j] = out[1 + j][l];
                    d2[first + l][j] = out[1 + n + j][l];
                }
            }
        }
        return new TrainingData(x, y, dydx, d2);
    }

    /** The problem's input index of each varied input, in the spec's order. */
    private static int[] varied(PricingProblem problem, SurrogateSpec spec) {
        int[] idx = new int[spec.inputs()];
        for (int j = 0; j < idx.length; j++) {
            idx[j] = problem.indexOf(spec.vary().get(j).name());
        }
        return idx;
    }

    /** The stream that draws the samples' states: one per seed, the same for every kind of label. */
    private static UniformRandomProvider states(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, 0x5EEDL});
    }

    /** The normals of the samples' paths: a stream of its own, so that states and paths do not interleave. */
    private static NormalSource pathNormals(long seed) {
        return NormalSource.pseudoRandom(RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, 0x9A7AL}));
    }
}
