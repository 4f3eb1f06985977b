package dev.adjointgreeks.product;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.model.Capability;
import dev.adjointgreeks.model.Inputs;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.PathModel.PathGenerator;
import dev.adjointgreeks.spec.FieldException;

/**
 * Cash-or-nothing digital: pays {@code payout} if {@code S_T > K} (call) or {@code S_T < K} (put).
 *
 * <p>The indicator has no useful pathwise derivative. Where the model offers
 * {@link Capability#NORMAL_LAST_STEP} (every built-in model), the Monte Carlo payoff is its
 * conditional expectation over the last time step given the state before it, a normal CDF:
 * {@code payout e^{-rT} Phi(sign (m - k) / s)}, with {@code m} and {@code s} the mean and deviation
 * of the last step's end and {@code k} the strike in the same coordinate ({@code ln K} for log-spot
 * models, {@code K} in price units for the Bachelier model). It is exact (unbiased at every
 * maturity), smooth in every input, and of lower variance than the indicator; with one exact step
 * it is the closed form itself. Under Heston's Euler scheme it is exact for the Euler step.
 *
 * <p>A model without a normal last step falls back to smoothing in log-moneyness,
 * {@code Phi(sign (ln S_T - ln K) / width)}: biased by order {@code width^2 / (vol^2 T)}.
 * Call plus put is exactly the discounted payout either way.
 */
public record Digital(OptionType type, double strike, double maturity, double payout, double width)
        implements StrikeAndMaturity {

    /** Default smoothing width in log-moneyness. */
    public static final double DEFAULT_WIDTH = 0.01;

    public Digital {
        Payoffs.checkStrike(strike);
        Payoffs.checkMaturity(maturity);
        if (!Double.isFinite(payout)) {
            throw new FieldException("payout", "must be a finite number");
        }
        if (!(width > 0) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("smoothing width must be > 0 (value " + width + ")");
        }
    }

    public Digital(OptionType type, double strike, double maturity, double payout) {
        this(type, strike, maturity, payout, DEFAULT_WIDTH);
    }

    @Override
    public String kind() {
        return DigitalDescriptor.WORD;
    }

    @Override
    public boolean smoothPathwise(PathModel model, PathGenerator<?> gen) {
        return model.offers(Capability.NORMAL_LAST_STEP);
    }

    @Override
    public <R> R match(ProductCases<R> cases) {
        return cases.digital(this);
    }

    @Override
    public void checkModel(PathModel model) {
        Product.requireSingleAsset(this, model);
        if (!model.offers(Capability.NORMAL_LAST_STEP)) {
            Product.require(this, model, Capability.LOG_SPOTS, "it is smoothed in log-moneyness");
        }
    }

    @Override
    public int defaultSteps(PathModel model) {
        return model.offers(Capability.EXACT_STEPS) ? 1 : 100;
    }

    @Override
    public <T extends RealFieldElement<T>> PathPayoff<T> payoff(Inputs<T> p, PathModel model, Inputs<T> modelParams,
            PathGenerator<T> gen, int steps) {
        double sign = type.sign();
        if (model.offers(Capability.NORMAL_LAST_STEP)) {
            boolean logs = model.offers(Capability.LOG_SPOTS);
            T k = logs ? p.get(STRIKE).log() : p.get(STRIKE);
            T zero = Fn.constant(k, 0.0);
            return path -> {
                PathModel.NormalStep<T> last = path.lastStep(0);
                T distance = last.mean().subtract(k).multiply(sign);
                T deviation = last.deviation();
                T paid = path.discountFactor(steps).multiply(payout);
                // a degenerate last step (vol 0, or Heston's variance truncated): the indicator. Chosen
                // by select, not a branch, so that a block of paths decides lane by lane.
                T indicator = Fn.select(distance, paid, zero);
                return Fn.select(deviation, Fn.normCdf(distance.divide(deviation)).multiply(paid), indicator);
            };
        }
        T logStrike = p.get(STRIKE).log();
        T scaledPayout = gen.discountFactor(steps).multiply(payout);
        double scale = sign / width;
        return path -> Fn.normCdf(path.logSpot(0, steps).subtract(logStrike).multiply(scale)).multiply(scaledPayout);
    }
}
