package dev.adjointgreeks.libor;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.model.InputBlock;
import dev.adjointgreeks.model.Capability;
import dev.adjointgreeks.model.InputLayout;
import dev.adjointgreeks.model.Inputs;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.Validation;
import dev.adjointgreeks.spec.Role;
import dev.adjointgreeks.spec.FieldException;

/**
 * The one-factor LIBOR market model of Giles and Glasserman's "Smoking Adjoints" (Risk, 2006):
 * forward rates {@code L_0 .. L_{N-1}} over periods of length {@code accrual} (delta), and the
 * volatilities {@code lambda_0 .. lambda_{N-1}}, where {@code lambda_k} applies to a rate
 * {@code k + 1} periods after the current step. Rates evolve under the spot measure by log-Euler
 * steps of size delta, one standard normal per step (see {@link LiborPrimal} for the recursion).
 *
 * <p>The inputs, named blocks in the order every pricer here uses: {@code forward_rate[N]}
 * ({@code forward_rate_1 .. forward_rate_N} for {@code L_0 .. L_{N-1}}), {@code lambda[N]},
 * {@code accrual}: {@code 2N + 1} values. As a {@link PathModel} its state is the accrued rate
 * {@code accrued_rate_i = delta L_i} and its numeraire the spot LIBOR account, which depends on the
 * path ({@link LiborPath}); it offers none of the spot-model {@link Capability capabilities}.
 */
public record LiborMarket(double[] forwardRates, double[] lambda, double accrual) implements PathModel {

    /** The scenario word and the output's {@code model} column. */
    public static final String NAME = "libor";
    /** delta, the accrual of every period (and the step). */
    public static final InputBlock ACCRUAL = InputBlock.scalar("accrual", Role.MODEL_PARAMETER);

    /** The published case: N = 80 rates at 5%, volatilities 0.2, delta = 0.25. */
    public static final int PUBLISHED_N = 80;

    public LiborMarket {
        forwardRates = forwardRates.clone();
        lambda = lambda.clone();
        if (forwardRates.length < 2) {
            throw new FieldException("forward_rate", "needs at least 2 rates (found " + forwardRates.length + ")");
        }
        if (lambda.length != forwardRates.length) {
            throw new FieldException("lambda", "must have one volatility per forward rate (" + forwardRates.length
                    + " forward rates, " + lambda.length + " volatilities)");
        }
        for (int i = 0; i < forwardRates.length; i++) {
            Validation.positive("forward_rate[" + (i + 1) + "]", forwardRates[i]);
            Validation.positive("lambda[" + (i + 1) + "]", lambda[i]);
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

    /** The input blocks of a curve of {@code n} rates: {@code forward_rate[n], lambda[n], accrual}. */
    public static InputLayout layout(int n) {
        return InputLayout.of(forwardRates(n), lambdas(n), ACCRUAL);
    }

    /** {@code forward_rate[n]}: L_0 .. L_{n-1} today. */
    public static InputBlock forwardRates(int n) {
        return InputBlock.vector("forward_rate", n, Role.FORWARD_RATE);
    }

    /** {@code lambda[n]}: the volatility of a rate k + 1 periods ahead, k = 0 .. n-1. */
    public static InputBlock lambdas(int n) {
        return InputBlock.vector("lambda", n, Role.FORWARD_VOLATILITY);
    }

    // ------------------------------------------------------------------ PathModel

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public InputLayout inputs() {
        return layout(size());
    }

    @Override
    public double[] parameterValues() {
        return inputValues();
    }

    /** The rates are the model's underlyings. */
    @Override
    public int assets() {
        return size();
    }

    @Override
    public int normalsPerStep() {
        return 1;
    }

    /** {@code accrued_rate_1 .. accrued_rate_N}: {@code delta L_i}, the interest a period accrues per unit notional. */
    @Override
    public String[] stateNames() {
        String[] s = new String[size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = "accrued_rate_" + (i + 1);
        }
        return s;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.noneOf(Capability.class);
    }

    /** Steps of length delta; the horizon is the product's step count, not an input ({@code maturity} is ignored). */
    @Override
    public <T extends RealFieldElement<T>> LiborPath<T> generator(Inputs<T> params, T maturity, int steps) {
        return new LiborPath<>(params.all(forwardRates(size())), params.all(lambdas(size())), params.get(ACCRUAL), steps);
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
