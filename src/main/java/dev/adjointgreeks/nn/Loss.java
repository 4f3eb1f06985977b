package dev.adjointgreeks.nn;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;

/**
 * The training loss of the seed: the sum of squared errors over {@code 2n}, plus optional L2 weight
 * decay {@code (lambda / 2) sum w^2} over the weights (not the biases). The sum is folded sample by
 * sample and the division is a multiplication by {@code 1 / (2n)}, exactly as the seed evaluates it.
 */
public final class Loss {

    private Loss() {
    }

    /** The loss on any field; recorded on the tape, one backward sweep gives its full gradient. */
    public static <T extends RealFieldElement<T>> T meanSquared(Mlp net, T[] p, double[][] x, double[][] y, int[] rows,
            double lambda) {
        T zero = Fn.constant(p[0], 0.0);
        T sum = zero;
        T[] in = MathArrays.buildArray(zero.getField(), net.inputs());
        for (int r : rows) {
            for (int i = 0; i < in.length; i++) {
                in[i] = Fn.constant(zero, x[r][i]);
            }
            T[] out = net.forward(p, in);
            for (int k = 0; k < out.length; k++) {
                T z = Fn.constant(zero, y[r][k]).subtract(out[k]);
                sum = sum.add(z.multiply(z));
            }
        }
        T loss = sum.multiply(Fn.constant(zero, 2.0 * rows.length).reciprocal());
        return lambda == 0.0 ? loss : loss.add(decay(net, p, lambda));
    }

    /** {@code (lambda / 2) sum w^2} over the weights. */
    static <T extends RealFieldElement<T>> T decay(Mlp net, T[] p, double lambda) {
        boolean[] mask = net.weightMask();
        T s = Fn.constant(p[0], 0.0);
        for (int i = 0; i < p.length; i++) {
            if (mask[i]) {
                s = s.add(p[i].multiply(p[i]));
            }
        }
        return s.multiply(0.5 * lambda);
    }

    /** The loss in doubles, for reporting and validation. */
    public static double meanSquared(Mlp net, double[][] x, double[][] y, int[] rows, double lambda) {
        double sum = 0.0;
        for (int r : rows) {
            double[] out = net.forward(x[r]);
            for (int k = 0; k < out.length; k++) {
                double z = y[r][k] - out[k];
                sum += z * z;
            }
        }
        double loss = sum * (1.0 / (2.0 * rows.length));
        if (lambda != 0.0) {
            boolean[] mask = net.weightMask();
            double[] p = net.parameters();
            double s = 0.0;
            for (int i = 0; i < p.length; i++) {
                if (mask[i]) {
                    s += p[i] * p[i];
                }
            }
            loss += 0.5 * lambda * s;
        }
        return loss;
    }
}
