package dev.adjointgreeks.nn;

import java.util.Arrays;

import dev.adjointgreeks.ad.Block;
import dev.adjointgreeks.ad.BlockTape;

/**
 * The training loss recorded on the block scalar: a minibatch's samples are the lanes, the
 * parameters uniform inputs. {@link Mlp#forward(org.apache.commons.math3.RealFieldElement[],
 * org.apache.commons.math3.RealFieldElement[]) Mlp.forward}, unchanged, then records one node per
 * neuron per chunk of {@link #width()} samples instead of one per neuron per sample, and one
 * lane-wise backward sweep per chunk leaves each parameter's per-lane adjoints, whose lane sums are
 * the gradient. The chain rule is still the tape's: nothing here differentiates by hand.
 *
 * <p>The tape is reset and the parameters registered once per step; each chunk is recorded after
 * the mark, swept back to it and rewound, so the tape holds one chunk at a time and stops
 * allocating once it has reached its high-water mark. A last, partial chunk computes only its own
 * lanes ({@link BlockTape#setLiveLanes}). One per thread.
 */
public final class LaneTape {

    /** Lanes per chunk: wide enough for the lane loops, narrow enough for the adjoints to stay in cache. */
    public static final int DEFAULT_WIDTH = 128;

    final BlockTape tape;
    final int width;
    /** {@code x[i][l]}: input i of the sample on lane l, read in place by the views. */
    final double[][] x;
    final Block[] in;
    /** Per-lane labels (the differential loss reads value and derivative labels through these). */
    final double[][] labels;
    final Block[] label;
    final double[] weights;

    public LaneTape(int inputs, int labelColumns, int width) {
        this.width = width;
        this.tape = new BlockTape(width);
        this.x = new double[inputs][width];
        this.in = new Block[inputs];
        for (int i = 0; i < inputs; i++) {
            in[i] = tape.view(x[i]);
        }
        this.labels = new double[labelColumns][width];
        this.label = new Block[labelColumns];
        for (int k = 0; k < labelColumns; k++) {
            label[k] = tape.view(labels[k]);
        }
        this.weights = new double[width];
    }

    /** For {@link #meanSquared} on {@code net}. */
    public LaneTape(Mlp net) {
        this(net.inputs(), 0, DEFAULT_WIDTH);
    }

    public int width() {
        return width;
    }

    /** Registers the parameters as uniform inputs on a reset tape; returns them. The mark follows. */
    Block[] begin(double[] p) {
        tape.reset();
        Block[] params = tape.inputs(p);
        tape.mark();
        return params;
    }

    /** Loads rows {@code rows[from .. from+n-1]} of {@code src} onto lanes 0..n-1 and sets n live lanes. */
    void load(double[][] src, int[] rows, int from, int n) {
        tape.setLiveLanes(n);
        int columns = x.length;
        for (int l = 0; l < n; l++) {
            double[] row = src[rows[from + l]];
            for (int i = 0; i < columns; i++) {
                x[i][l] = row[i];
            }
        }
    }

    /**
     * The loss of {@link Loss#meanSquared(Mlp, org.apache.commons.math3.RealFieldElement[], double[][],
     * double[][], int[], double)} and its gradient into {@code gradient}, as
     * {@link Backprop#lossAndGradient(Mlp, double[], double[][], double[][], int[], double, double[],
     * Backprop.Workspace)}: per chunk, the network's outputs are recorded and seeded lane by lane with
     * {@code dL/dyhat = (yhat - y) / n}; the squared errors and the decay term are summed in doubles.
     */
    public double meanSquared(Mlp net, double[] p, double[][] xs, double[][] ys, int[] rows, double lambda,
            double[] gradient) {
        if (net.inputs() != x.length) {
            throw new IllegalArgumentException("a lane tape for " + x.length + " inputs, not " + net.inputs());
        }
        Block[] params = begin(p);
        int mark = tape.size();
        double invN = 1.0 / rows.length;
        double sum = 0.0;
        int outputs = net.outputs();
        for (int from = 0; from < rows.length; from += width) {
            int n = Math.min(width, rows.length - from);
            load(xs, rows, from, n);
            Block[] out = net.forward(params, in);
            for (int k = 0; k < outputs; k++) {
                Block o = out[k];
                for (int l = 0; l < n; l++) {
                    double err = o.lane(l) - ys[rows[from + l]][k];
                    sum += err * err;
                    weights[l] = err * invN;
                }
                if (k < outputs - 1) {
                    tape.seed(o, weights);
                } else {
                    tape.sweepPath(o, weights, mark);
                }
            }
        }
        Arrays.fill(gradient, 0.0);
        tape.drainInputAdjoints(gradient, 0);
        double loss = sum * 0.5 * invN;
        if (lambda != 0.0) {
            boolean[] mask = net.weightMask();
            double s = 0.0;
            for (int i = 0; i < p.length; i++) {
                if (mask[i]) {
                    gradient[i] += lambda * p[i];
                    s += p[i] * p[i];
                }
            }
            loss += 0.5 * lambda * s;
        }
        return loss;
    }
}
