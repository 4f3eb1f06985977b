package dev.adjointgreeks.nn;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;

/**
 * Backpropagation written out by hand, as the seed derives it:
 * <ol>
 * <li>forward, storing {@code z_l = W_l a_{l-1} + b_l} and {@code a_l = f_l(z_l)} for every layer;</li>
 * <li>at the output, {@code delta_L = (a_L - y) / n * f_L'(z_L)} (the derivative of the loss
 *     {@code sum (y - a_L)^2 / (2n)});</li>
 * <li>backwards, {@code delta_{l-1} = (W_l^T delta_l) * f_{l-1}'(z_{l-1})};</li>
 * <li>the gradients {@code dL/dW_l = delta_l a_{l-1}^T} and {@code dL/db_l = delta_l}.</li>
 * </ol>
 * Written for any field, so it runs on passive scalars and can itself be recorded on the tape
 * (its gradient differentiated once more, for training on differentials); and once more in
 * primitive doubles for speed. {@code BackpropIsReverseModeTest} shows it equals the tape's
 * reverse sweep of {@link Loss#meanSquared}.
 */
public final class Backprop {

    private Backprop() {
    }

    /** Loss and gradient on any field; {@code gradient} receives dL/dp. */
    public static <T extends RealFieldElement<T>> T lossAndGradient(Mlp net, T[] p, double[][] x, double[][] y,
            int[] rows, double lambda, T[] gradient) {
        int[] sizes = net.sizes();
        int layers = sizes.length - 1;
        T zero = Fn.constant(p[0], 0.0);
        var field = zero.getField();
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = zero;
        }
        T[][] z = MathArrays.buildArray(field, layers + 1, 0);
        T[][] a = MathArrays.buildArray(field, layers + 1, 0);
        double invN = 1.0 / rows.length;
        T sum = zero;
        Activation[] act = net.activations();
        for (int r : rows) {
            // forward, storing z and a
            a[0] = MathArrays.buildArray(field, sizes[0]);
            for (int i = 0; i < sizes[0]; i++) {
                a[0][i] = Fn.constant(zero, x[r][i]);
            }
            for (int l = 1; l <= layers; l++) {
                int in = sizes[l - 1];
                int out = sizes[l];
                int base = net.offset(l);
                z[l] = MathArrays.buildArray(field, out);
                a[l] = MathArrays.buildArray(field, out);
                for (int j = 0; j < out; j++) {
                    T s = zero;
                    for (int i = 0; i < in; i++) {
                        s = s.add(p[base + j * in + i].multiply(a[l - 1][i]));
                    }
                    z[l][j] = s.add(p[base + out * in + j]);
                    a[l][j] = act[l - 1].apply(z[l][j]);
                }
            }
            // output delta
            T[] delta = MathArrays.buildArray(field, sizes[layers]);
            for (int k = 0; k < delta.length; k++) {
                T err = a[layers][k].subtract(y[r][k]);
                sum = sum.add(err.multiply(err));
                delta[k] = err.multiply(invN).multiply(act[layers - 1].derivative(z[layers][k]));
            }
            // backwards through the layers
            for (int l = layers; l >= 1; l--) {
                int in = sizes[l - 1];
                int out = sizes[l];
                int base = net.offset(l);
                for (int j = 0; j < out; j++) {
                    for (int i = 0; i < in; i++) {
                        gradient[base + j * in + i] = gradient[base + j * in + i].add(delta[j].multiply(a[l - 1][i]));
                    }
                    gradient[base + out * in + j] = gradient[base + out * in + j].add(delta[j]);
                }
                if (l > 1) {
                    T[] previous = MathArrays.buildArray(field, in);
                    for (int i = 0; i < in; i++) {
                        T s = zero;
                        for (int j = 0; j < out; j++) {
                            s = s.add(p[base + j * in + i].multiply(delta[j]));
                        }
                        previous[i] = s.multiply(act[l - 2].derivative(z[l - 1][i]));
                    }
                    delta = previous;
                }
            }
        }
        T loss = sum.multiply(0.5 * invN);
        if (lambda != 0.0) {
            boolean[] mask = net.weightMask();
            for (int i = 0; i < p.length; i++) {
                if (mask[i]) {
                    gradient[i] = gradient[i].add(p[i].multiply(lambda));
                }
            }
            loss = loss.add(Loss.decay(net, p, lambda));
        }
        return loss;
    }

    /** The same recursion in primitive doubles: the speed reference for training. */
    public static double lossAndGradient(Mlp net, double[] p, double[][] x, double[][] y, int[] rows, double lambda,
            double[] gradient, Workspace ws) {
        int[] sizes = ws.sizes;
        int layers = sizes.length - 1;
        java.util.Arrays.fill(gradient, 0.0);
        double invN = 1.0 / rows.length;
        double sum = 0.0;
        Activation[] act = ws.activations;
        double[][] z = ws.z;
        double[][] a = ws.a;
        double[][] d = ws.delta;
        for (int r : rows) {
            System.arraycopy(x[r], 0, a[0], 0, sizes[0]);
            for (int l = 1; l <= layers; l++) {
                int in = sizes[l - 1];
                int out = sizes[l];
                int base = ws.offsets[l];
                double[] al = a[l - 1];
                for (int j = 0; j < out; j++) {
                    double s = 0.0;
                    int row = base + j * in;
                    for (int i = 0; i < in; i++) {
                        s += p[row + i] * al[i];
                    }
                    s += p[base + out * in + j];
                    z[l][j] = s;
                    a[l][j] = act[l - 1].apply(s);
                }
            }
            for (int k = 0; k < sizes[layers]; k++) {
                double err = a[layers][k] - y[r][k];
                sum += err * err;
                d[layers][k] = err * invN * act[layers - 1].derivative(z[layers][k]);
            }
            for (int l = layers; l >= 1; l--) {
                int in = sizes[l - 1];
                int out = sizes[l];
                int base = ws.offsets[l];
                double[] al = a[l - 1];
                double[] dl = d[l];
                for (int j = 0; j < out; j++) {
                    int row = base + j * in;
                    double dj = dl[j];
                    for (int i = 0; i < in; i++) {
                        gradient[row + i] += dj * al[i];
                    }
                    gradient[base + out * in + j] += dj;
                }
                if (l > 1) {
                    double[] prev = d[l - 1];
                    for (int i = 0; i < in; i++) {
                        double s = 0.0;
                        for (int j = 0; j < out; j++) {
                            s += p[base + j * in + i] * dl[j];
                        }
                        prev[i] = s * act[l - 2].derivative(z[l - 1][i]);
                    }
                }
            }
        }
        double loss = sum * 0.5 * invN;
        if (lambda != 0.0) {
            boolean[] mask = ws.mask;
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

    /** Scratch arrays for the primitive version, reused across steps. */
    public static final class Workspace {
        final int[] sizes;
        final int[] offsets;
        final Activation[] activations;
        final boolean[] mask;
        final double[][] z;
        final double[][] a;
        final double[][] delta;

        public Workspace(Mlp net) {
            sizes = net.sizes();
            activations = net.activations();
            mask = net.weightMask();
            offsets = new int[sizes.length];
            z = new double[sizes.length][];
            a = new double[sizes.length][];
            delta = new double[sizes.length][];
            for (int l = 0; l < sizes.length; l++) {
                offsets[l] = l == 0 ? 0 : net.offset(l);
                z[l] = new double[sizes[l]];
                a[l] = new double[sizes[l]];
                delta[l] = new double[sizes[l]];
            }
        }
    }
}
