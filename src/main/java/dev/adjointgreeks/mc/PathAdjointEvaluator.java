package dev.adjointgreeks.mc;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Tape;

/**
 * The price and its gradient with respect to every input, by one backward sweep per path on the
 * per-path {@link Tape}: the reference the block engine ({@link AdjointEvaluator}) is tested against.
 *
 * <p>The setup is recorded once on this worker's tape, then marked. Each path is recorded,
 * swept back to the mark (its adjoints accumulate in the setup section) and rewound, so the tape
 * never grows. The setup section is swept into the inputs either after every sample, giving
 * per-sample gradients (when the setup is cheap compared with a path), or once per block
 * (standard errors then come from block means).
 */
public final class PathAdjointEvaluator implements Evaluator {

    private final Tape tape = new Tape();
    private final PricingProblem.PathFunction<Adj> function;
    private final Adj[] normals;      // one path's normals as passive constants, refilled per path
    private final int mark;
    private final int inputs;
    private final boolean perSampleGradient;

    public PathAdjointEvaluator(PricingProblem problem, double[] inputValues, AdjointEvaluator.GradientErrors errors) {
        Adj[] x = tape.inputs(inputValues);
        this.function = problem.setup(x);
        this.normals = new Adj[problem.dimension()];
        this.mark = tape.mark();
        this.inputs = inputValues.length;
        boolean perSample;
        switch (errors) {
            case PER_SAMPLE:
                perSample = true;
                break;
            case PER_BLOCK:
                perSample = false;
                break;
            default:
                // Measure one path: sweeping a setup much larger than a path after every path
                // would dominate the cost.
                int before = tape.size();
                function.discountedPayoff(PricingProblem.constants(tape.getZero(), new double[problem.dimension()], normals));
                int pathNodes = tape.size() - before;
                tape.rewind(mark);
                perSample = (mark - inputs) <= 2 * pathNodes + 32;
        }
        this.perSampleGradient = perSample;
    }

    public boolean perSampleGradient() {
        return perSampleGradient;
    }

    public Tape tape() {
        return tape;
    }

    @Override
    public int width() {
        return 1 + inputs;
    }

    @Override
    public boolean perSample(int i) {
        return i == 0 || perSampleGradient;
    }

    @Override
    public void sample(double[][] paths, double[] out) {
        double weight = 1.0 / paths.length;
        double price = 0.0;
        for (double[] z : paths) {
            Adj y = function.discountedPayoff(PricingProblem.constants(tape.getZero(), z, normals));
            price += y.getReal();
            tape.sweepPath(y, weight, mark);
        }
        out[0] = price * weight;
        if (perSampleGradient) {
            tape.backward(0);
            java.util.Arrays.fill(out, 1, 1 + inputs, 0.0);
            tape.drainInputAdjoints(out, 1);
        }
    }

    @Override
    public void endBlock(double[] blockSums) {
        if (!perSampleGradient) {
            tape.backward(0);
            tape.drainInputAdjoints(blockSums, 1);
        }
    }
}
