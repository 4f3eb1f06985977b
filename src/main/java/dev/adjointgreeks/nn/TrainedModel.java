package dev.adjointgreeks.nn;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Tape;

/**
 * A network with its normalisation and the names of its inputs and target: predictions and their
 * input derivatives in original (unnormalised) units. The normalisation is part of the recorded
 * function, so the tape's input gradient is already in original units.
 */
public record TrainedModel(String[] inputNames, String target, Normalization normalization, Mlp network) {

    public TrainedModel {
        if (inputNames.length != network.inputs()) {
            throw new IllegalArgumentException(inputNames.length + " input names for a network of " + network.inputs()
                    + " inputs");
        }
        if (network.outputs() != 1) {
            throw new IllegalArgumentException("a trained model predicts one target, not " + network.outputs());
        }
        if (normalization.inputMean().length != network.inputs()) {
            throw new IllegalArgumentException("normalisation for " + normalization.inputMean().length + " inputs, network has "
                    + network.inputs());
        }
        inputNames = inputNames.clone();
    }

    /** The prediction on any field: normalise, run the network, denormalise. */
    public <T extends RealFieldElement<T>> T predict(T[] p, T[] x) {
        Normalization n = normalization;
        T[] scaled = MathArrays.buildArray(x[0].getField(), x.length);
        for (int i = 0; i < x.length; i++) {
            scaled[i] = x[i].subtract(n.inputMean()[i]).divide(n.inputStd()[i]);
        }
        return network.forward(p, scaled)[0].multiply(n.outputStd()).add(n.outputMean());
    }

    public double predict(double[] x) {
        Normalization n = normalization;
        double[] scaled = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            scaled[i] = (x[i] - n.inputMean()[i]) / n.inputStd()[i];
        }
        return network.forward(scaled)[0] * n.outputStd() + n.outputMean();
    }

    /** Prediction and its derivative with respect to each input, by one reverse sweep. */
    public double[] predictWithGradient(double[] x, Tape tape) {
        tape.reset();
        Adj[] in = tape.inputs(x);
        double[] params = network.parameters();
        Adj[] p = new Adj[params.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = tape.constant(params[i]);
        }
        Adj y = predict(p, in);
        double[] g = tape.gradient(y);
        double[] out = new double[1 + x.length];
        out[0] = y.getReal();
        System.arraycopy(g, 0, out, 1, x.length);
        return out;
    }
}
