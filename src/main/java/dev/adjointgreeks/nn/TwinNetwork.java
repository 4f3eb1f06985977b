package dev.adjointgreeks.nn;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;

/**
 * A network's value and its gradient with respect to its inputs, the "twin network" of Huge and
 * Savine (2020): the forward pass, then backpropagation of the single output back to the inputs,
 * written out by hand:
 * <ol>
 * <li>forward: {@code z_l = W_l a_{l-1} + b_l}, {@code a_l = f_l(z_l)}, value {@code a_L};</li>
 * <li>backward: {@code g_L = f_L'(z_L)}; {@code abar_{l-1} = W_l^T g_l};
 *     {@code g_{l-1} = abar_{l-1} * f_{l-1}'(z_{l-1})}; the input gradient is {@code abar_0}.</li>
 * </ol>
 * Written for any field: recorded on the tape with the parameters as inputs, one reverse sweep of a
 * loss on the value and the input gradient differentiates the backward pass once more (what
 * differential training needs). {@link DifferentialLoss} uses it that way; its hand-written twin
 * in primitive arrays is checked against it in {@code DifferentialLossTest}.
 *
 * <p>The network must have one output.
 */
public final class TwinNetwork {

    private TwinNetwork() {
    }

    /**
     * The value of a one-output network at {@code x}, and its input gradient into {@code gradient}
     * (same length as {@code x}).
     */
    public static <T extends RealFieldElement<T>> T valueAndGradient(Mlp net, T[] p, T[] x, T[] gradient) {
        requireOneOutput(net);
        int[] sizes = net.sizes();
        int layers = sizes.length - 1;
        Activation[] act = net.activations();
        var field = x[0].getField();
        T one = Fn.constant(x[0], 1.0);
        T[][] z = MathArrays.buildArray(field, layers + 1, 0);
        T[] a = x;
        int widest = widest(sizes);
        T[] w = MathArrays.buildArray(field, widest + 1);
        T[] v = MathArrays.buildArray(field, widest + 1);
        for (int l = 1; l <= layers; l++) {
            int in = sizes[l - 1];
            int out = sizes[l];
            int base = net.offset(l);
            z[l] = MathArrays.buildArray(field, out);
            T[] next = MathArrays.buildArray(field, out);
            System.arraycopy(a, 0, v, 0, in);
            v[in] = one;
            for (int j = 0; j < out; j++) {
                System.arraycopy(p, base + j * in, w, 0, in);
                w[in] = p[base + out * in + j];
                z[l][j] = Fn.sumOfProducts(w, v, in + 1);
                next[j] = act[l - 1].apply(z[l][j]);
            }
            a = next;
        }
        // backward: g_L = f_L'(z_L), then abar_{l-1} = W_l^T g_l, g_{l-1} = abar_{l-1} f'(z_{l-1})
        T[] g = MathArrays.buildArray(field, 1);
        g[0] = act[layers - 1].derivative(z[layers][0]);
        for (int l = layers; l >= 1; l--) {
            int in = sizes[l - 1];
            int out = sizes[l];
            int base = net.offset(l);
            T[] abar = l == 1 ? gradient : MathArrays.buildArray(field, in);
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < out; j++) {
                    w[j] = p[base + j * in + i];
                }
                abar[i] = Fn.sumOfProducts(w, g, out);
            }
            if (l > 1) {
                T[] previous = MathArrays.buildArray(field, in);
                for (int i = 0; i < in; i++) {
                    previous[i] = abar[i].multiply(act[l - 2].derivative(z[l - 1][i]));
                }
                g = previous;
            }
        }
        return a[0];
    }

    /**
     * The second derivative of a one-output network's value along input {@code input}, by two
     * input tangents carried forward through the layers: with {@code x' = e_input}, {@code x'' = 0},
     * <pre>
     *   z' = W a'_{prev},  z'' = W a''_{prev}   (the bias is constant)
     *   a' = f'(z) z',     a'' = f''(z) z'^2 + f'(z) z''
     * </pre>
     * and the result is {@code a''_L}. Written for any field: recorded on the tape with the
     * parameters as inputs, one reverse sweep gives the weight gradient of a loss on it. In the
     * first layer {@code z'} is the weight column itself and {@code z''} is zero.
     */
    public static <T extends RealFieldElement<T>> T secondDerivative(Mlp net, T[] p, T[] x, int input) {
        requireOneOutput(net);
        int[] sizes = net.sizes();
        int layers = sizes.length - 1;
        Activation[] act = net.activations();
        var field = x[0].getField();
        T one = Fn.constant(x[0], 1.0);
        int widest = widest(sizes);
        T[] w = MathArrays.buildArray(field, widest + 1);
        T[] v = MathArrays.buildArray(field, widest + 1);
        T[] a = x;
        T[] d1 = null;
        T[] d2 = null;
        for (int l = 1; l <= layers; l++) {
            int in = sizes[l - 1];
            int out = sizes[l];
            int base = net.offset(l);
            T[] next = MathArrays.buildArray(field, out);
            T[] n1 = MathArrays.buildArray(field, out);
            T[] n2 = MathArrays.buildArray(field, out);
            System.arraycopy(a, 0, v, 0, in);
            v[in] = one;
            for (int j = 0; j < out; j++) {
                System.arraycopy(p, base + j * in, w, 0, in);
                w[in] = p[base + out * in + j];
                T z = Fn.sumOfProducts(w, v, in + 1);
                T z1 = l == 1 ? p[base + j * in + input] : Fn.sumOfProducts(w, d1, in);
                T fp = act[l - 1].derivative(z);
                T curvature = act[l - 1].secondDerivative(z).multiply(z1.multiply(z1));
                next[j] = act[l - 1].apply(z);
                n1[j] = fp.multiply(z1);
                n2[j] = l == 1 ? curvature : curvature.add(fp.multiply(Fn.sumOfProducts(w, d2, in)));
            }
            a = next;
            d1 = n1;
            d2 = n2;
        }
        return d2[0];
    }

    /** The widest layer's size. */
    private static int widest(int[] sizes) {
        int widest = 0;
        for (int s : sizes) {
            widest = Math.max(widest, s);
        }
        return widest;
    }

    static void requireOneOutput(Mlp net) {
        if (net.outputs() != 1) {
            throw new IllegalArgumentException("a twin network needs one output, not " + net.outputs());
        }
    }

    /**
     * The same in primitive doubles, for inference (a trade's price and Greeks through the network):
     * returns the value and writes the input gradient into {@code gradient}.
     */
    public static double valueAndGradient(Mlp net, double[] p, double[] x, double[] gradient, Workspace ws) {
        ws.forward(p, x);
        ws.inputGradient(p);
        System.arraycopy(ws.abar[0], 0, gradient, 0, x.length);
        return ws.a[ws.layers][0];
    }

    /** Scratch arrays for the primitive passes, reused; one per thread. */
    public static final class Workspace {
        final int layers;
        final int[] sizes;
        final int[] offsets;
        final Activation[] act;
        final double[][] z;      // pre-activations, l = 1..L
        final double[][] a;      // activations, a[0] = x
        final double[][] fp;     // f_l'(z_l), kept from the forward pass
        final double[][] fpp;    // f_l''(z_l)
        final double[][] g;      // g_l = d value / d z_l
        final double[][] abar;   // abar_l = d value / d a_l, l = 0..L-1
        // adjoints of the loss, for the differential gradient
        final double[][] adjZ;
        final double[][] adjG;
        final double[][] adjAbar;

        public Workspace(Mlp net) {
            requireOneOutput(net);
            sizes = net.sizes();
            layers = sizes.length - 1;
            act = net.activations();
            offsets = new int[layers + 1];
            z = new double[layers + 1][];
            a = new double[layers + 1][];
            fp = new double[layers + 1][];
            fpp = new double[layers + 1][];
            g = new double[layers + 1][];
            abar = new double[layers + 1][];
            adjZ = new double[layers + 1][];
            adjG = new double[layers + 1][];
            adjAbar = new double[layers + 1][];
            for (int l = 0; l <= layers; l++) {
                offsets[l] = l == 0 ? 0 : net.offset(l);
                z[l] = new double[sizes[l]];
                a[l] = new double[sizes[l]];
                fp[l] = new double[sizes[l]];
                fpp[l] = new double[sizes[l]];
                g[l] = new double[sizes[l]];
                abar[l] = new double[sizes[l]];
                adjZ[l] = new double[sizes[l]];
                adjG[l] = new double[sizes[l]];
                adjAbar[l] = new double[sizes[l]];
            }
        }

        /** Forward pass storing z, a, f'(z) and f''(z): softplus takes one exponential for all three. */
        void forward(double[] p, double[] x) {
            System.arraycopy(x, 0, a[0], 0, sizes[0]);
            for (int l = 1; l <= layers; l++) {
                int in = sizes[l - 1];
                int out = sizes[l];
                int base = offsets[l];
                double[] prev = a[l - 1];
                double[] zl = z[l];
                double[] al = a[l];
                double[] d1 = fp[l];
                double[] d2 = fpp[l];
                Activation f = act[l - 1];
                for (int j = 0; j < out; j++) {
                    int row = base + j * in;
                    double s = p[base + out * in + j];
                    for (int i = 0; i < in; i++) {
                        s += p[row + i] * prev[i];
                    }
                    zl[j] = s;
                    if (f == Activation.SOFTPLUS) {
                        double e = Math.exp(-Math.abs(s));
                        double sig = s >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
                        al[j] = Math.max(s, 0.0) + Math.log1p(e);
                        d1[j] = sig;
                        d2[j] = sig * (1.0 - sig);
                    } else {
                        al[j] = f.apply(s);
                        d1[j] = f.derivative(s);
                        d2[j] = f.secondDerivative(s);
                    }
                }
            }
        }

        /** After {@link #forward}: g_l and abar_l down to abar_0, the input gradient. */
        void inputGradient(double[] p) {
            g[layers][0] = fp[layers][0];
            for (int l = layers; l >= 1; l--) {
                int in = sizes[l - 1];
                int out = sizes[l];
                int base = offsets[l];
                double[] gl = g[l];
                double[] ab = abar[l - 1];
                java.util.Arrays.fill(ab, 0.0);
                for (int j = 0; j < out; j++) {
                    int row = base + j * in;
                    double gj = gl[j];
                    for (int i = 0; i < in; i++) {
                        ab[i] += p[row + i] * gj;
                    }
                }
                if (l > 1) {
                    double[] gp = g[l - 1];
                    double[] d1 = fp[l - 1];
                    for (int i = 0; i < in; i++) {
                        gp[i] = ab[i] * d1[i];
                    }
                }
            }
        }
    }
}
