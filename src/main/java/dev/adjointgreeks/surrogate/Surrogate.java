package dev.adjointgreeks.surrogate;

import org.apache.commons.math3.util.Decimal64;

import com.fasterxml.jackson.databind.JsonNode;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Tape;
import dev.adjointgreeks.mc.PricingProblem;
import dev.adjointgreeks.nn.Mlp;
import dev.adjointgreeks.nn.Normalization;
import dev.adjointgreeks.nn.TrainedModel;
import dev.adjointgreeks.nn.TwinNetwork;

/**
 * A trained surrogate pricing network: the spec it learned (kept as its JSON document), the network
 * and its normalisation, how it was trained, and a preview of its training samples for charts.
 *
 * @param preview up to {@value #PREVIEW} training samples, each {@code (x_1..x_n, y)}
 */
public record Surrogate(JsonNode specDocument, SurrogateSpec spec, Mlp network, Normalization normalization,
        Training training, double[][] preview) {

    public static final int PREVIEW = 2000;

    /**
     * How a surrogate was trained.
     *
     * @param secondOrder weight of the second-order term on second-order labels (0: none)
     */
    public record Training(int samples, long seed, boolean differential, int epochs, String gradient, double loss,
            double dataSeconds, double trainSeconds, double secondOrder) {

        public Training(int samples, long seed, boolean differential, int epochs, String gradient, double loss,
                double dataSeconds, double trainSeconds) {
            this(samples, seed, differential, epochs, gradient, loss, dataSeconds, trainSeconds, 0.0);
        }

        public String mode() {
            return differential ? "differential" : "standard";
        }

        /** The mode, with the second-order labels when used. */
        public String description() {
            return secondOrder > 0 ? mode() + " (second-order labels, weight " + secondOrder + ")" : mode();
        }
    }

    public Surrogate {
        if (network.inputs() != spec.inputs() || network.outputs() != 1) {
            throw new IllegalArgumentException("the network has " + network.inputs() + " inputs and " + network.outputs()
                    + " outputs; the spec varies " + spec.inputs() + " inputs");
        }
        if (normalization.inputMean().length != spec.inputs()) {
            throw new IllegalArgumentException("normalisation of " + normalization.inputMean().length
                    + " inputs for " + spec.inputs() + " varying inputs");
        }
    }

    /** Keeps every k-th sample so that at most {@value #PREVIEW} remain. */
    public static double[][] preview(TrainingData data) {
        int m = data.size();
        int step = Math.max(1, (m + PREVIEW - 1) / PREVIEW);
        int n = data.x()[0].length;
        double[][] p = new double[(m + step - 1) / step][n + 1];
        for (int i = 0, k = 0; i < m; i += step, k++) {
            System.arraycopy(data.x()[i], 0, p[k], 0, n);
            p[k][n] = data.y()[i];
        }
        return p;
    }

    public PricingProblem problem() {
        return spec.trade().problem();
    }

    /** Evaluates the network; not thread-safe (one per thread, or {@link #evaluator()}). */
    public Evaluator evaluator() {
        return new Evaluator(this);
    }

    /**
     * Price and Greeks of the varying inputs: one forward pass and one reverse sweep through the
     * network (hand-written in primitive arrays, {@link TwinNetwork}), in original units.
     */
    public static final class Evaluator {
        private final double[] params;
        private final Mlp net;
        private final Normalization norm;
        private final TwinNetwork.Workspace ws;
        private final double[] xn;
        private final double[] gn;
        private Decimal64[] exactParams;

        Evaluator(Surrogate s) {
            net = s.network();
            params = net.parameters();
            norm = s.normalization();
            ws = new TwinNetwork.Workspace(net);
            xn = new double[net.inputs()];
            gn = new double[net.inputs()];
        }

        /** Writes the price into {@code out[0]} and d price / d x_j into {@code out[1 + j]}. */
        public void priceAndGreeks(double[] x, double[] out) {
            for (int j = 0; j < xn.length; j++) {
                xn[j] = (x[j] - norm.inputMean()[j]) / norm.inputStd()[j];
            }
            double v = TwinNetwork.valueAndGradient(net, params, xn, gn, ws);
            out[0] = v * norm.outputStd() + norm.outputMean();
            for (int j = 0; j < xn.length; j++) {
                out[1 + j] = gn[j] * norm.outputStd() / norm.inputStd()[j];
            }
        }

        /**
         * d2 price / d x_0^2 (gamma for a spot) in original units: the network's second derivative
         * along its first input by forward tangents ({@link TwinNetwork#secondDerivative}), in
         * double precision through {@link Decimal64}; for reports, not for speed.
         */
        public double secondDerivative(double[] x) {
            if (exactParams == null) {
                exactParams = new Decimal64[params.length];
                for (int i = 0; i < params.length; i++) {
                    exactParams[i] = new Decimal64(params[i]);
                }
            }
            Decimal64[] in = new Decimal64[xn.length];
            for (int j = 0; j < xn.length; j++) {
                in[j] = new Decimal64((x[j] - norm.inputMean()[j]) / norm.inputStd()[j]);
            }
            double s0 = norm.inputStd()[0];
            return TwinNetwork.secondDerivative(net, exactParams, in, 0).getReal() * norm.outputStd() / (s0 * s0);
        }

        /**
         * The same numbers by the engine: the normalised network recorded on {@code tape} with the
         * inputs registered and the parameters passive, and one reverse sweep.
         */
        public void priceAndGreeksByTape(double[] x, double[] out, Tape tape) {
            tape.reset();
            Adj[] in = tape.inputs(x);
            Adj[] p = new Adj[params.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = tape.constant(params[i]);
            }
            Adj y = new TrainedModel(names(x.length), "price", norm, net).predict(p, in);
            double[] g = tape.gradient(y);
            out[0] = y.getReal();
            System.arraycopy(g, 0, out, 1, x.length);
        }

        private static String[] names(int n) {
            String[] s = new String[n];
            java.util.Arrays.fill(s, "x");
            return s;
        }
    }
}
