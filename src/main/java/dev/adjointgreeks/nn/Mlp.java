package dev.adjointgreeks.nn;

import java.util.Arrays;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

import dev.adjointgreeks.ad.Fn;

/**
 * A multilayer perceptron: dense layers {@code a_l = f_l(W_l a_{l-1} + b_l)} with an activation per
 * layer. Its parameters live in one flat array (layer by layer: W row-major, then b), so that the
 * trainer can register them all as tape inputs, and the forward pass is written once for any
 * field: recorded on the tape it gives parameter gradients (training) and input gradients
 * (surrogate Greeks) from the same sweep. Each neuron's weighted sum is one n-ary node.
 *
 * <p>The network itself never differentiates anything: that is the tape's job (or, beside it,
 * {@link Backprop}'s, by the textbook recursion).
 */
public final class Mlp {

    /** How initial weights are drawn. */
    public enum Init {
        /** Glorot/Xavier: normal with variance 2 / (fan_in + fan_out); for tanh, sigmoid, softplus. */
        XAVIER,
        /** He: normal with variance 2 / fan_in; for ReLU. */
        HE
    }

    private final int[] sizes;
    private final Activation[] activations;
    private final int[] offsets;     // start of layer l's parameters in the flat array
    private final double[] params;

    /**
     * @param sizes       layer widths, inputs first, outputs last
     * @param activations one per layer after the input (sizes.length - 1 of them)
     */
    public Mlp(int[] sizes, Activation[] activations, double[] params) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("a network needs an input and an output layer");
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("layer sizes must be >= 1: " + Arrays.toString(sizes));
            }
        }
        if (activations.length != sizes.length - 1) {
            throw new IllegalArgumentException(activations.length + " activations for " + (sizes.length - 1) + " layers");
        }
        this.sizes = sizes.clone();
        this.activations = activations.clone();
        this.offsets = new int[sizes.length];
        int n = 0;
        for (int l = 1; l < sizes.length; l++) {
            offsets[l] = n;
            n += sizes[l] * (sizes[l - 1] + 1);
        }
        if (params.length != n) {
            throw new IllegalArgumentException("this architecture has " + n + " parameters, not " + params.length);
        }
        this.params = params.clone();
    }

    /** A network with weights drawn from a seeded generator and zero biases. */
    public static Mlp initialised(int[] sizes, Activation[] activations, Init init, long seed) {
        int n = 0;
        for (int l = 1; l < sizes.length; l++) {
            n += sizes[l] * (sizes[l - 1] + 1);
        }
        double[] p = new double[n];
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int k = 0;
        for (int l = 1; l < sizes.length; l++) {
            int in = sizes[l - 1];
            int out = sizes[l];
            double sd = init == Init.HE ? Math.sqrt(2.0 / in) : Math.sqrt(2.0 / (in + out));
            for (int i = 0; i < out * in; i++) {
                p[k++] = sd * g.sample();
            }
            k += out;   // biases start at 0
        }
        return new Mlp(sizes, activations, p);
    }

    public int[] sizes() {
        return sizes.clone();
    }

    public Activation[] activations() {
        return activations.clone();
    }

    public int layers() {
        return sizes.length - 1;
    }

    public int inputs() {
        return sizes[0];
    }

    public int outputs() {
        return sizes[sizes.length - 1];
    }

    public int parameterCount() {
        return params.length;
    }

    public double[] parameters() {
        return params.clone();
    }

    /** Start of layer {@code l}'s weights (l = 1..layers) in the flat parameter array; its biases follow. */
    public int offset(int l) {
        return offsets[l];
    }

    public Mlp withParameters(double[] p) {
        return new Mlp(sizes, activations, p);
    }

    /** True for a parameter that is a weight (not a bias): L2 decay applies to weights only. */
    public boolean[] weightMask() {
        boolean[] mask = new boolean[params.length];
        for (int l = 1; l < sizes.length; l++) {
            int w = sizes[l] * sizes[l - 1];
            Arrays.fill(mask, offsets[l], offsets[l] + w, true);
        }
        return mask;
    }

    /** The forward pass on any field, with the parameters {@code p} (flat, as {@link #parameters()}). */
    public <T extends RealFieldElement<T>> T[] forward(T[] p, T[] x) {
        T one = Fn.constant(x[0], 1.0);
        T[] a = x;
        for (int l = 1; l < sizes.length; l++) {
            int in = sizes[l - 1];
            int out = sizes[l];
            int base = offsets[l];
            T[] next = MathArrays.buildArray(x[0].getField(), out);
            T[] w = MathArrays.buildArray(x[0].getField(), in + 1);
            T[] v = MathArrays.buildArray(x[0].getField(), in + 1);
            System.arraycopy(a, 0, v, 0, in);
            v[in] = one;
            for (int j = 0; j < out; j++) {
                System.arraycopy(p, base + j * in, w, 0, in);
                w[in] = p[base + out * in + j];                   // the bias times one
                next[j] = activations[l - 1].apply(Fn.sumOfProducts(w, v, in + 1));
            }
            a = next;
        }
        return a;
    }

    /** Fast inference in doubles. */
    public double[] forward(double[] x) {
        double[] a = x;
        for (int l = 1; l < sizes.length; l++) {
            int in = sizes[l - 1];
            int out = sizes[l];
            int base = offsets[l];
            double[] next = new double[out];
            for (int j = 0; j < out; j++) {
                double z = 0.0;
                int row = base + j * in;
                for (int i = 0; i < in; i++) {
                    z += params[row + i] * a[i];
                }
                z += params[base + out * in + j];
                next[j] = activations[l - 1].apply(z);
            }
            a = next;
        }
        return a;
    }
}
