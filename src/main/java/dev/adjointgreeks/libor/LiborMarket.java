package dev.adjointgreeks.libor;

import java.util.Arrays;

import dev.adjointgreeks.model.Validation;

/**
 * The one-factor LIBOR market model of Giles and Glasserman's "Smoking Adjoints" (Risk, 2006):
 * forward rates {@code L_0 .. L_{N-1}} over periods of length {@code accrual} (delta), and the
 * volatilities {@code lambda_0 .. lambda_{N-1}}, where {@code lambda_k} applies to a rate
 * {@code k + 1} periods after the current step. Rates evolve under the spot measure by log-Euler
 * steps of size delta, one standard normal per step (see {@link LiborPrimal} for the recursion).
 *
 * <p>The inputs in the order every pricer here uses: {@code forward_rate_1 .. forward_rate_N}
 * (for {@code L_0 .. L_{N-1}}), {@code lambda_1 .. lambda_N}, {@code accrual}: {@code 2N + 1} values.
 */
public record LiborMarket(double[] forwardRates, double[] lambda, double accrual) {

    /** The published case: N = 80 rates at 5%, volatilities 0.2, delta = 0.25. */
    public static final int PUBLISHED_N = 80;

    public LiborMarket {
        forwardRates = forwardRates.clone();
        lambda = lambda.clone();
        if (forwardRates.length < 2) {
            throw new IllegalArgumentException("forward_rate needs at least 2 rates (found " + forwardRates.length + ")");
        }
        if (lambda.length != forwardRates.length) {
            throw new IllegalArgumentException("lambda must have one volatility per forward rate (" + forwardRates.length
                    + " forward rates, " + lambda.length + " volatilities)");
        }
        for (int i = 0; i < forwardRates.length; i++) {
            Validation.positive("forward_rate_" + (i + 1), forwardRates[i]);
            Validation.positive("lambda_" + (i + 1), lambda[i]);
        }
        Validation.positive("accrual", accrual);
    }

    /** Giles and Glasserman's parameters: 80 rates of 5%, all volatilities 0.2, delta 0.25. */
    public static LiborMarket published() {
        double[] l = new double[PUBLISHED_N];
        double[] lam = new double[PUBLISHED_N];
        Arrays.fill(l, 0.05);
        Arrays.fill(lam, 0.2);
        return new LiborMarket(l, lam, 0.25);
    }

    /** Number of forward rates, N. */
    public int size() {
        return forwardRates.length;
    }

    @Override
    public double[] forwardRates() {
        return forwardRates.clone();
    }

    @Override
    public double[] lambda() {
        return lambda.clone();
    }

    /** The 2N + 1 inputs: forward rates, volatilities, accrual. */
    public double[] inputValues() {
        int n = size();
        double[] x = new double[2 * n + 1];
        System.arraycopy(forwardRates, 0, x, 0, n);
        System.arraycopy(lambda, 0, x, n, n);
        x[2 * n] = accrual;
        return x;
    }

    /** Their names, 1-based: {@code forward_rate_1 .. forward_rate_N, lambda_1 .. lambda_N, accrual}. */
    public String[] inputNames() {
        return inputNames(size());
    }

    public static String[] inputNames(int n) {
        String[] names = new String[2 * n + 1];
        for (int i = 0; i < n; i++) {
            names[i] = "forward_rate_" + (i + 1);
            names[n + i] = "lambda_" + (i + 1);
        }
        names[2 * n] = "accrual";
        return names;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LiborMarket m && Arrays.equals(forwardRates, m.forwardRates) && Arrays.equals(lambda, m.lambda)
                && Double.compare(accrual, m.accrual) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(forwardRates) + Arrays.hashCode(lambda)) + Double.hashCode(accrual);
    }

    @Override
    public String toString() {
        return "LiborMarket[N=" + size() + ", accrual=" + accrual + "]";
    }
}
