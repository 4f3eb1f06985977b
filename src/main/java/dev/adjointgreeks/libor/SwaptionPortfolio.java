package dev.adjointgreeks.libor;

import java.util.Arrays;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.model.InputLayout;
import dev.adjointgreeks.model.Inputs;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.PathModel.PathGenerator;
import dev.adjointgreeks.model.Validation;
import dev.adjointgreeks.product.Product;
import dev.adjointgreeks.spec.FieldException;

/**
 * A book of payer swaptions that all expire at step {@code expiry} (Nmat) of the LIBOR market
 * model. Swaption {@code k} enters a swap of {@code lengths[k]} periods from expiry at fixed rate
 * {@code strikes[k]} and pays {@code notional * max(0, 1 - B_j - K S_j)} with
 * {@code j = expiry + length - 1}, where at expiry {@code B_j = prod_{n=expiry}^{j} 1/(1 + delta L_n)}
 * and {@code S_j = sum_{n=expiry}^{j} delta B_n}. The total is discounted to today by
 * {@code prod_{n<expiry} 1/(1 + delta L_n)}, each rate at its own fixing: the model's numeraire
 * ratio at expiry.
 *
 * <p>As a {@link Product} it has no inputs of its own (its 2N + 1 sensitivities are the model's)
 * and needs a model whose state holds the accrued rates {@code accrued_rate_i = delta L_i} and
 * whose inputs hold the {@code accrual}; it runs exactly {@code expiry} steps.
 */
public record SwaptionPortfolio(int expiry, int[] lengths, double[] strikes, double notional) implements Product {

    /** The scenario's product word. */
    public static final String KIND = "swaption-portfolio";

    public SwaptionPortfolio {
        lengths = lengths.clone();
        strikes = strikes.clone();
        if (expiry < 1) {
            throw new FieldException("expiry", "must be >= 1 step");
        }
        if (lengths.length == 0) {
            throw new FieldException("swaptions", "must not be empty");
        }
        if (strikes.length != lengths.length) {
            throw new FieldException("swaptions", lengths.length + " lengths but " + strikes.length + " strikes");
        }
        for (int k = 0; k < lengths.length; k++) {
            if (lengths[k] < 1) {
                throw new FieldException("swaptions[" + k + "].length", "must be >= 1");
            }
            Validation.finite("swaptions[" + k + "].strike", strikes[k]);
        }
        Validation.positive("notional", notional);
    }

    /** The published book: expiry Nmat = 40; lengths 4, 8, 20, 28, 40 each at strikes 4.5%, 5%, 5.5%; notional 100. */
    public static SwaptionPortfolio published() {
        int[] l = {4, 4, 4, 8, 8, 8, 20, 20, 20, 28, 28, 28, 40, 40, 40};
        double[] k = new double[15];
        for (int i = 0; i < 15; i++) {
            k[i] = new double[] {0.045, 0.05, 0.055}[i % 3];
        }
        return new SwaptionPortfolio(40, l, k, 100.0);
    }

    /** Refuses a market whose curve does not reach the end of every swap, naming the swaption. */
    public void checkMarket(LiborMarket market) {
        int n = market.size();
        if (expiry >= n) {
            throw new FieldException("expiry", "(" + expiry + ") must be before the last forward rate (N = " + n + ")");
        }
        for (int k = 0; k < lengths.length; k++) {
            if (expiry + lengths[k] > n) {
                throw new FieldException("swaptions[" + k + "].length", lengths[k] + " runs past the curve: expiry "
                        + expiry + " + length must be <= " + n + " forward rates");
            }
        }
    }

    public int count() {
        return lengths.length;
    }

    /** Index of the last rate of swaption {@code k}'s swap: {@code expiry + length - 1}. */
    public int lastRate(int k) {
        return expiry + lengths[k] - 1;
    }

    public double strike(int k) {
        return strikes[k];
    }

    // ------------------------------------------------------------------ Product

    @Override
    public String kind() {
        return KIND;
    }

    /** None: the book's sensitivities are the model's inputs. */
    @Override
    public InputLayout inputs() {
        return InputLayout.of();
    }

    @Override
    public double[] parameterValues() {
        return new double[0];
    }

    @Override
    public void checkModel(PathModel model) {
        String[] states = model.stateNames();
        int needed = expiry + maxLength();
        if (!model.inputs().has(LiborMarket.ACCRUAL) || states.length < needed
                || !states[needed - 1].equals("accrued_rate_" + needed)) {
            throw new FieldException("model", "product '" + KIND + "' needs a LIBOR market model whose accrued rates "
                    + "reach period " + needed + " (expiry " + expiry + " + the longest swap); the " + model.name()
                    + " model has none");
        }
        if (expiry >= states.length) {
            throw new FieldException("expiry", "(" + expiry + ") must be before the last forward rate (N = "
                    + states.length + ")");
        }
    }

    @Override
    public int defaultSteps(PathModel model) {
        return expiry;
    }

    /** One step per period up to expiry: the model's steps are its accrual periods. */
    @Override
    public void checkSteps(int steps) {
        if (steps != expiry) {
            throw new FieldException("steps", "must equal expiry (" + expiry + " periods) for a swaption portfolio");
        }
    }

    @Override
    public <T extends RealFieldElement<T>> PathPayoff<T> payoff(Inputs<T> params, PathModel model, Inputs<T> modelParams,
            PathGenerator<T> gen, int steps) {
        T delta = modelParams.get(LiborMarket.ACCRUAL);
        int n = model.stateNames().length;
        return path -> valueAtExpiry(path, delta, n).multiply(path.discountFactor(expiry));
    }

    private int maxLength() {
        int m = 0;
        for (int l : lengths) {
            m = Math.max(m, l);
        }
        return m;
    }

    /**
     * The book's value at expiry on the current path (simulated to {@link #expiry} steps), from the
     * accrued rates {@code y_j = delta L_j} at expiry: {@code B_j = prod 1/(1 + y_n)},
     * {@code S_j = sum delta B_n}, each swaption {@code notional max(1 - B_j - K S_j, 0)} through the
     * engine's {@code max}.
     */
    public <T extends RealFieldElement<T>> T valueAtExpiry(PathGenerator<T> path, T delta, int n) {
        T[] b = MathArrays.buildArray(delta.getField(), n);
        T[] s = MathArrays.buildArray(delta.getField(), n);
        T bj = null;
        T sj = Fn.constant(delta, 0.0);
        for (int j = expiry; j < n; j++) {
            T denominator = path.state(j, expiry).add(1.0);
            bj = bj == null ? denominator.reciprocal() : bj.divide(denominator);
            sj = sj.add(delta.multiply(bj));
            b[j] = bj;
            s[j] = sj;
        }
        T value = Fn.constant(delta, 0.0);
        for (int k = 0; k < lengths.length; k++) {
            int m = lastRate(k);
            T swap = b[m].negate().add(1.0).subtract(s[m].multiply(strikes[k]));
            value = value.add(Fn.max(swap, 0.0).multiply(notional));
        }
        return value;
    }

    @Override
    public int[] lengths() {
        return lengths.clone();
    }

    @Override
    public double[] strikes() {
        return strikes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SwaptionPortfolio p && p.expiry == expiry && Arrays.equals(lengths, p.lengths)
                && Arrays.equals(strikes, p.strikes) && Double.compare(notional, p.notional) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * expiry + Arrays.hashCode(lengths)) + Arrays.hashCode(strikes)) + Double.hashCode(notional);
    }

    @Override
    public String toString() {
        return "SwaptionPortfolio[expiry=" + expiry + ", " + lengths.length + " swaptions]";
    }
}
