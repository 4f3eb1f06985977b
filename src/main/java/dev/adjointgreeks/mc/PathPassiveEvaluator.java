package dev.adjointgreeks.mc;

import org.apache.commons.math3.util.Decimal64;

/** The price alone, path by path on the passive scalar ({@link Decimal64}): the reference for {@link PassiveEvaluator}. */
public final class PathPassiveEvaluator implements Evaluator {

    private final PricingProblem.PathFunction<Decimal64> function;
    private final Decimal64[] normals;

    public PathPassiveEvaluator(PricingProblem problem, double[] inputs) {
        Decimal64[] x = new Decimal64[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            x[i] = new Decimal64(inputs[i]);
        }
        this.function = problem.setup(x);
        this.normals = new Decimal64[problem.dimension()];
    }

    @Override
    public int width() {
        return 1;
    }

    @Override
    public boolean perSample(int i) {
        return true;
    }

    @Override
    public void sample(double[][] paths, double[] out) {
        double sum = 0.0;
        for (double[] z : paths) {
            sum += function.discountedPayoff(PricingProblem.constants(Decimal64.ZERO, z, normals)).getReal();
        }
        out[0] = sum / paths.length;
    }

    @Override
    public void endBlock(double[] blockSums) {
    }
}
