package dev.adjointgreeks.product;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.model.Capability;
import dev.adjointgreeks.model.Inputs;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.PathModel.PathGenerator;
import dev.adjointgreeks.spec.FieldException;

/**
 * Asian call or put on {@code fixings} equally spaced dates {@code i T / n}, i = 1..n (today's spot
 * is not a fixing), arithmetic or geometric average.
 *
 * <p>Maturity sensitivity: the fixing dates scale with T, so "theta" here is the sensitivity to
 * stretching the whole schedule, not the passage of time with fixed dates.
 *
 * <p>With {@code controlVariate} (the default, Black-Scholes only) the arithmetic payoff is
 * estimated as {@code arithmetic - geometric + E[geometric]}, the last term in closed form and
 * recorded on the tape, so the control variate changes the variance and not the derivatives.
 *
 * <p>With {@code conditioned} (the default) and a model with {@link Capability#BROWNIAN_LOG_SPOT}
 * (Black-Scholes, flat or on curves), the payoff is its conditional expectation given the path's
 * Brownian bridge, integrated over the terminal normal in closed form ({@link ConditionalAsian}):
 * smooth path by path, so second-order Greeks from differences of adjoint gradients lose the kink's
 * noise. Otherwise the payoff is the kinked one on the simulated fixings.
 */
public record Asian(OptionType type, double strike, double maturity, int fixings, Averaging averaging,
        boolean controlVariate, boolean conditioned) implements StrikeAndMaturity {

    public Asian {
        Payoffs.checkStrike(strike);
        Payoffs.checkMaturity(maturity);
        if (fixings < 1) {
            throw new FieldException("fixings", "must be >= 1");
        }
    }

    public Asian(OptionType type, double strike, double maturity, int fixings, Averaging averaging,
            boolean controlVariate) {
        this(type, strike, maturity, fixings, averaging, controlVariate, true);
    }

    public Asian(OptionType type, double strike, double maturity, int fixings, Averaging averaging) {
        this(type, strike, maturity, fixings, averaging, true, true);
    }

    @Override
    public String kind() {
        return AsianDescriptor.WORD;
    }

    @Override
    public Product pathwise() {
        return new Asian(type, strike, maturity, fixings, averaging, controlVariate, false);
    }

    @Override
    public boolean smoothPathwise(PathModel model, PathGenerator<?> gen) {
        return conditioned && model.offers(Capability.BROWNIAN_LOG_SPOT) && ConditionalAsian.covers(gen);
    }

    @Override
    public <R> R match(ProductCases<R> cases) {
        return cases.asian(this);
    }

    @Override
    public void checkModel(PathModel model) {
        Product.requireSingleAsset(this, model);
        if (!model.offers(Capability.STEPS_BETWEEN_DATES)) {
            Product.require(this, model, Capability.EXACT_STEPS, "it simulates its fixing dates only");
        }
        if (averaging == Averaging.GEOMETRIC) {
            Product.require(this, model, Capability.LOG_SPOTS, "a geometric average");
        }
    }

    @Override
    public int defaultSteps(PathModel model) {
        if (model.offers(Capability.EXACT_STEPS)) {
            return fixings;
        }
        // a discretised model: at least 100 steps a year, a whole number per fixing
        return fixings * Math.max(1, (int) Math.ceil(100 * maturity / fixings));
    }

    @Override
    public void checkSteps(int steps) {
        StrikeAndMaturity.super.checkSteps(steps);
        if (steps % fixings != 0) {
            throw new FieldException("steps", "(" + steps + ") must be a multiple of fixings (" + fixings + ")");
        }
    }

    @Override
    public <T extends RealFieldElement<T>> PathPayoff<T> payoff(Inputs<T> p, PathModel model, Inputs<T> modelParams,
            PathGenerator<T> gen, int steps) {
        T k = p.get(STRIKE);
        int stride = steps / fixings;
        double[] weights = new double[fixings];
        java.util.Arrays.fill(weights, 1.0 / fixings);
        T[] fixed = MathArrays.buildArray(k.getField(), fixings);
        // The geometric control variate needs the geometric Asian's closed form: a Black-Scholes market.
        boolean useControl = controlVariate && averaging == Averaging.ARITHMETIC
                && model.offers(Capability.BLACK_SCHOLES_MARKET);
        T geometricPrice = useControl
                ? model.geometricAsianPrice(modelParams, type.sign(), k, p.get(MATURITY), fixings)
                : null;
        if (conditioned && model.offers(Capability.BROWNIAN_LOG_SPOT) && ConditionalAsian.covers(gen)) {
            return ConditionalAsian.payoff(type, averaging, k, fixings, steps, gen, geometricPrice);
        }
        boolean needGeometric = useControl || averaging == Averaging.GEOMETRIC;
        return path -> {
            T df = path.discountFactor(steps);
            if (!needGeometric) {
                for (int i = 0; i < fixings; i++) {
                    fixed[i] = path.spot(0, (i + 1) * stride);
                }
                return Payoffs.vanilla(type, Fn.weightedSum(0.0, weights, fixed, fixings), k).multiply(df);
            }
            for (int i = 0; i < fixings; i++) {
                fixed[i] = path.logSpot(0, (i + 1) * stride);
            }
            T geometric = needGeometric ? Fn.weightedSum(0.0, weights, fixed, fixings).exp() : null;
            if (averaging == Averaging.GEOMETRIC) {
                return Payoffs.vanilla(type, geometric, k).multiply(df);
            }
            for (int i = 0; i < fixings; i++) {
                fixed[i] = fixed[i].exp();
            }
            T arithmetic = Fn.weightedSum(0.0, weights, fixed, fixings);
            T payoff = Payoffs.vanilla(type, arithmetic, k).multiply(df);
            if (!useControl) {
                return payoff;
            }
            return payoff.subtract(Payoffs.vanilla(type, geometric, k).multiply(df)).add(geometricPrice);
        };
    }
}
