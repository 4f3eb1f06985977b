package dev.adjointgreeks.nn;

import java.util.Arrays;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.Decimal64;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Block;
import dev.adjointgreeks.ad.BlockTape;
import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.ad.Tape;

/**
 * The loss of differential training (Huge and Savine, 2020) on normalised data:
 * {@code alpha * MSE(values) + beta * MSE(lambda_j * derivatives_j)}, each mean over the samples
 * (and over the inputs for the derivatives). Differential training takes {@code alpha = 1/(1+n)},
 * {@code beta = n/(1+n)} for n inputs and {@code lambda_j = 1/rms(derivative label j)}; standard
 * training takes {@code alpha = 1, beta = 0}: the same loss with the derivative term dropped.
 *
 * <p>Its gradient with respect to the parameters, two ways:
 * <ul>
 * <li>{@link #tapeGradient}: the per-sample loss, with the network's input gradient from the
 *     hand-written backpropagation of {@link TwinNetwork}, is recorded on the tape and swept once:
 *     the engine differentiates backpropagation once more;</li>
 * <li>{@link #laneGradient}: the same recorded on the block scalar, a chunk of samples as lanes,
 *     one node per operation per chunk;</li>
 * <li>{@link #twinGradient}: that second reverse pass written out by hand in primitive arrays
 *     (it needs {@code f''}), equal to the tape's to rounding ({@code DifferentialLossTest}).</li>
 * </ul>
 *
 * <p>{@link #withSecondOrder} adds {@code weight * mean((lambda2 (d2yhat/dx_0^2 - c))^2)} for
 * second-order labels {@code c} along input 0 (the spot of a surrogate): the network's second
 * derivative by two input tangents carried forward ({@link TwinNetwork#secondDerivative}), its
 * weight gradient by the tape or the lanes sweeping that recorded computation (the activations'
 * third derivatives come from differentiating {@link Activation#secondDerivative}); the
 * hand-written twin pass has no such term.
 */
public final class DifferentialLoss {

    private final double[][] x;
    private final double[] y;
    private final double[][] dydx;
    private final double[] lambda;
    private final double alpha;
    private final double beta;
    /** Normalised second-derivative labels along input 0, one per sample, or null. */
    private final double[] curvature;
    /** Their scale {@code 1 / rms(curvature)} and the term's weight (0: no second-order term). */
    private final double lambda2;
    private final double weight2;

    /**
     * @param x      normalised inputs, one row per sample
     * @param y      normalised labels
     * @param dydx   normalised derivative labels (d y / d x in normalised units); may be null if beta = 0
     * @param lambda weight of each derivative
     */
    public DifferentialLoss(double[][] x, double[] y, double[][] dydx, double[] lambda, double alpha, double beta) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException(x.length + " input rows and " + y.length + " labels");
        }
        if (beta != 0.0 && (dydx == null || dydx.length != x.length || lambda.length != x[0].length)) {
            throw new IllegalArgumentException("differential training needs a derivative label per input and sample");
        }
        this.x = x;
        this.y = y;
        this.dydx = dydx;
        this.lambda = lambda == null ? new double[x[0].length] : lambda.clone();
        this.alpha = alpha;
        this.beta = beta;
        this.curvature = null;
        this.lambda2 = 0.0;
        this.weight2 = 0.0;
    }

    private DifferentialLoss(DifferentialLoss first, double[] curvature, double weight) {
        this.x = first.x;
        this.y = first.y;
        this.dydx = first.dydx;
        this.lambda = first.lambda;
        this.alpha = first.alpha;
        this.beta = first.beta;
        this.curvature = curvature;
        double s = 0.0;
        for (double c : curvature) {
            s += c * c;
        }
        double rms = Math.sqrt(s / curvature.length);
        this.lambda2 = rms > 0 ? 1.0 / rms : 1.0;
        this.weight2 = weight;
    }

    /**
     * This loss plus the second-order term {@code weight * mean((lambda2 (d2yhat/dx_0^2 - c))^2)}, with
     * {@code c} the normalised second-derivative labels along input 0 and {@code lambda2 = 1/rms(c)}
     * (normalised as the first-order term is). The network's second derivative is
     * {@link TwinNetwork#secondDerivative}; the gradient by {@link #laneGradient} or
     * {@link #tapeGradient} (the hand-written twin pass has no second-order term).
     */
    public DifferentialLoss withSecondOrder(double[] curvature, double weight) {
        if (curvature.length != x.length) {
            throw new IllegalArgumentException(curvature.length + " second-order labels for " + x.length + " samples");
        }
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("second-order weight must be > 0 (value " + weight + ")");
        }
        return new DifferentialLoss(this, curvature.clone(), weight);
    }

    /** The weight of the second-order term (0: none). */
    public double secondOrderWeight() {
        return weight2;
    }

    /**
     * Huge and Savine's weights: {@code alpha = 1/(1+n)}, {@code beta = n/(1+n)},
     * {@code lambda_j = 1/rms(dydx_j)}; with {@code differential} false, {@code alpha = 1, beta = 0}.
     */
    public static DifferentialLoss of(double[][] x, double[] y, double[][] dydx, boolean differential) {
        int n = x[0].length;
        if (!differential) {
            return new DifferentialLoss(x, y, dydx, null, 1.0, 0.0);
        }
        double[] lambda = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0.0;
            for (double[] d : dydx) {
                s += d[j] * d[j];
            }
            double rms = Math.sqrt(s / dydx.length);
            lambda[j] = rms > 0 ? 1.0 / rms : 1.0;
        }
        return new DifferentialLoss(x, y, dydx, lambda, 1.0 / (1 + n), (double) n / (1 + n));
    }

    public double alpha() {
        return alpha;
    }

    public double beta() {
        return beta;
    }

    public double[] lambda() {
        return lambda.clone();
    }

    public int samples() {
        return x.length;
    }

    /**
     * One sample's share of the batch loss, on any field:
     * {@code alpha/m (yhat - y)^2 + beta/(m n) sum_j (lambda_j (dyhat_j - dydx_j))^2}.
     */
    public <T extends RealFieldElement<T>> T sample(Mlp net, T[] p, int r, int batch) {
        int n = x[r].length;
        T zero = Fn.constant(p[0], 0.0);
        T[] in = MathArrays.buildArray(zero.getField(), n);
        T[] d = beta == 0.0 ? null : MathArrays.buildArray(zero.getField(), n);
        for (int i = 0; i < n; i++) {
            in[i] = Fn.constant(zero, x[r][i]);
            if (d != null) {
                d[i] = Fn.constant(zero, dydx[r][i]);
            }
        }
        T c = weight2 == 0.0 ? null : Fn.constant(zero, curvature[r]);
        return sample(net, p, in, Fn.constant(zero, y[r]), d, c, batch);
    }

    /**
     * The same with the sample's inputs, label and derivative labels as field values: constants of
     * one sample, or a chunk of samples on the lanes of the block scalar ({@link #laneGradient}).
     */
    <T extends RealFieldElement<T>> T sample(Mlp net, T[] p, T[] in, T label, T[] derivatives, T curvatureLabel,
            int batch) {
        T loss = firstOrder(net, p, in, label, derivatives, batch);
        if (weight2 == 0.0) {
            return loss;
        }
        T c = TwinNetwork.secondDerivative(net, p, in, 0).subtract(curvatureLabel).multiply(lambda2);
        return loss.add(c.multiply(c).multiply(weight2 / batch));
    }

    private <T extends RealFieldElement<T>> T firstOrder(Mlp net, T[] p, T[] in, T label, T[] derivatives, int batch) {
        int n = in.length;
        if (beta == 0.0) {
            T e = net.forward(p, in)[0].subtract(label);
            return e.multiply(e).multiply(alpha / batch);
        }
        T[] grad = MathArrays.buildArray(label.getField(), n);
        T value = TwinNetwork.valueAndGradient(net, p, in, grad);
        T e = value.subtract(label);
        T loss = e.multiply(e).multiply(alpha / batch);
        T s = Fn.constant(label, 0.0);
        for (int j = 0; j < n; j++) {
            T d = grad[j].subtract(derivatives[j]).multiply(lambda[j]);
            s = s.add(d.multiply(d));
        }
        return loss.add(s.multiply(beta / ((double) batch * n)));
    }

    /**
     * As {@link #tapeGradient(Mlp, double[], int[], int, Tape, double[])} on the block scalar: the
     * samples are lanes (inputs, labels and derivative labels per lane), the parameters uniform
     * inputs; each chunk's per-lane losses are recorded (network, its backpropagation to the inputs,
     * loss) and swept once, lane by lane. {@code lanes} is made for {@code n} inputs and
     * {@code 1 + n} label columns ({@code 2 + n} with a second-order term, its labels last). The
     * loss is summed lane by lane in row order, as the tape does.
     */
    public double laneGradient(Mlp net, double[] p, int[] rows, int batch, LaneTape lanes, double[] gradient) {
        int n = x[0].length;
        int columns = labelColumns();
        if (lanes.in.length != n || lanes.label.length != columns) {
            throw new IllegalArgumentException("a lane tape for " + n + " inputs and " + columns + " label columns");
        }
        Block[] params = lanes.begin(p);
        BlockTape tape = lanes.tape;
        int mark = tape.size();
        Block[] derivatives = Arrays.copyOfRange(lanes.label, 1, 1 + n);
        double loss = 0.0;
        for (int from = 0; from < rows.length; from += lanes.width) {
            int m = Math.min(lanes.width, rows.length - from);
            lanes.load(x, rows, from, m);
            for (int l = 0; l < m; l++) {
                int r = rows[from + l];
                lanes.labels[0][l] = y[r];
                if (beta != 0.0) {
                    for (int j = 0; j < n; j++) {
                        lanes.labels[1 + j][l] = dydx[r][j];
                    }
                }
                if (weight2 != 0.0) {
                    lanes.labels[1 + n][l] = curvature[r];
                }
                lanes.weights[l] = 1.0;
            }
            Block l = sample(net, params, lanes.in, lanes.label[0], derivatives, weight2 == 0.0 ? null : lanes.label[1 + n],
                    batch);
            for (int k = 0; k < m; k++) {
                loss += l.lane(k);
            }
            tape.sweepPath(l, lanes.weights, mark);
        }
        Arrays.fill(gradient, 0.0);
        tape.drainInputAdjoints(gradient, 0);
        return loss;
    }

    /** Label columns of a {@link LaneTape} for {@link #laneGradient}: value, derivatives, curvature if any. */
    public int labelColumns() {
        return 1 + x[0].length + (weight2 == 0.0 ? 0 : 1);
    }

    /**
     * The batch loss and its parameter gradient by the tape: parameters registered as inputs, each
     * sample's loss (network, backpropagation to the inputs, loss) recorded, swept back to the mark
     * and rewound, so the tape holds one sample at a time.
     */
    public double tapeGradient(Mlp net, double[] p, int[] rows, Tape tape, double[] gradient) {
        return tapeGradient(net, p, rows, rows.length, tape, gradient);
    }

    /** As above over part of a batch of {@code batch} samples (the means divide by {@code batch}). */
    public double tapeGradient(Mlp net, double[] p, int[] rows, int batch, Tape tape, double[] gradient) {
        tape.reset();
        Adj[] params = tape.inputs(p);
        int mark = tape.mark();
        double loss = 0.0;
        for (int r : rows) {
            Adj l = sample(net, params, r, batch);
            loss += l.getReal();
            tape.sweepPath(l, 1.0, mark);
        }
        Arrays.fill(gradient, 0.0);
        tape.drainInputAdjoints(gradient);
        return loss;
    }

    /**
     * The same loss and gradient by the hand-written second reverse pass in primitive arrays:
     * reverse of the backpropagation to the inputs (l = 1..L, needing f''), then ordinary
     * backpropagation of everything accumulated in the pre-activations (l = L..1).
     */
    public double twinGradient(Mlp net, double[] p, int[] rows, double[] gradient, TwinNetwork.Workspace ws) {
        return twinGradient(net, p, rows, rows.length, gradient, ws);
    }

    /** As above over part of a batch of {@code batch} samples. */
    public double twinGradient(Mlp net, double[] p, int[] rows, int batch, double[] gradient, TwinNetwork.Workspace ws) {
        if (weight2 != 0.0) {
            throw new IllegalStateException("the hand-written twin pass has no second-order term: use the lanes or the tape");
        }
        Arrays.fill(gradient, 0.0);
        int L = ws.layers;
        int[] sizes = ws.sizes;
        int n = sizes[0];
        double a2 = 2.0 * alpha / batch;
        double b2 = 2.0 * beta / ((double) batch * n);
        double loss = 0.0;
        for (int r : rows) {
            ws.forward(p, x[r]);
            double err = ws.a[L][0] - y[r];
            loss += alpha / batch * err * err;
            for (int l = 1; l <= L; l++) {
                Arrays.fill(ws.adjZ[l], 0.0);
            }
            if (beta != 0.0) {
                ws.inputGradient(p);
                double[] adjIn = ws.adjAbar[0];
                double s = 0.0;
                for (int j = 0; j < n; j++) {
                    double d = (ws.abar[0][j] - dydx[r][j]) * lambda[j];
                    s += d * d;
                    adjIn[j] = b2 * d * lambda[j];
                }
                loss += beta / ((double) batch * n) * s;
                // reverse of abar_{l-1} = W_l^T g_l and g_l = abar_l f'(z_l), for l = 1..L
                for (int l = 1; l <= L; l++) {
                    int in = sizes[l - 1];
                    int out = sizes[l];
                    int base = ws.offsets[l];
                    double[] adjAb = ws.adjAbar[l - 1];
                    double[] gl = ws.g[l];
                    double[] adjG = ws.adjG[l];
                    for (int j = 0; j < out; j++) {
                        int row = base + j * in;
                        double gj = gl[j];
                        double s2 = 0.0;
                        for (int i = 0; i < in; i++) {
                            s2 += p[row + i] * adjAb[i];
                            gradient[row + i] += gj * adjAb[i];
                        }
                        adjG[j] = s2;
                    }
                    double[] d1 = ws.fp[l];
                    double[] d2 = ws.fpp[l];
                    double[] adjZ = ws.adjZ[l];
                    if (l < L) {
                        double[] ab = ws.abar[l];
                        double[] adjAbNext = ws.adjAbar[l];
                        for (int j = 0; j < out; j++) {
                            adjAbNext[j] = adjG[j] * d1[j];
                            adjZ[j] += adjG[j] * ab[j] * d2[j];
                        }
                    } else {
                        adjZ[0] += adjG[0] * d2[0];
                    }
                }
            }
            // ordinary backpropagation from the output, l = L..1
            ws.adjZ[L][0] += a2 * err * ws.fp[L][0];
            for (int l = L; l >= 1; l--) {
                int in = sizes[l - 1];
                int out = sizes[l];
                int base = ws.offsets[l];
                double[] adjZ = ws.adjZ[l];
                double[] prev = ws.a[l - 1];
                for (int j = 0; j < out; j++) {
                    int row = base + j * in;
                    double dz = adjZ[j];
                    gradient[base + out * in + j] += dz;
                    for (int i = 0; i < in; i++) {
                        gradient[row + i] += dz * prev[i];
                    }
                }
                if (l > 1) {
                    double[] adjZp = ws.adjZ[l - 1];
                    double[] d1 = ws.fp[l - 1];
                    double[] adjA = ws.adjG[l - 1];   // scratch: the adjoint of a_{l-1}
                    java.util.Arrays.fill(adjA, 0.0);
                    for (int j = 0; j < out; j++) {
                        int row = base + j * in;
                        double dz = adjZ[j];
                        for (int i = 0; i < in; i++) {
                            adjA[i] += p[row + i] * dz;
                        }
                    }
                    for (int i = 0; i < in; i++) {
                        adjZp[i] += adjA[i] * d1[i];
                    }
                }
            }
        }
        return loss;
    }

    /** The loss in doubles over {@code rows} (for progress lines). */
    public double loss(Mlp net, int[] rows, TwinNetwork.Workspace ws) {
        int n = x[0].length;
        double[] p = net.parameters();
        Decimal64[] pd = new Decimal64[p.length];
        for (int i = 0; i < p.length; i++) {
            pd[i] = new Decimal64(p[i]);
        }
        double loss = 0.0;
        for (int r : rows) {
            ws.forward(p, x[r]);
            double err = ws.a[ws.layers][0] - y[r];
            loss += alpha * err * err;
            if (beta != 0.0) {
                ws.inputGradient(p);
                double s = 0.0;
                for (int j = 0; j < n; j++) {
                    double d = (ws.abar[0][j] - dydx[r][j]) * lambda[j];
                    s += d * d;
                }
                loss += beta * s / n;
            }
            if (weight2 != 0.0) {
                Decimal64[] xd = new Decimal64[n];
                for (int j = 0; j < n; j++) {
                    xd[j] = new Decimal64(x[r][j]);
                }
                double c = (TwinNetwork.secondDerivative(net, pd, xd, 0).getReal() - curvature[r]) * lambda2;
                loss += weight2 * c * c;
            }
        }
        return loss / rows.length;
    }
}
