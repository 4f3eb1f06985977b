package dev.adjointgreeks.surrogate;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Tape;
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
 */
public record TrainingData(double[][] x, double[] y, double[][] dydx) {

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
        int[] idx = new int[n];
        for (int j = 0; j < n; j++) {
            idx[j] = problem.indexOf(spec.vary().get(j).name());
        }
        UniformRandomProvider states = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, 0x5EEDL});
        ZigguratSampler.NormalizedGaussian stateNormal = ZigguratSampler.NormalizedGaussian.of(states);
        NormalSource paths = NormalSource.pseudoRandom(RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, 0x9A7AL}));
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
}
