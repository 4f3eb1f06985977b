package dev.adjointgreeks.product;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.PathModel.PathGenerator;

/**
 * Cash-or-nothing digital: pays {@code payout} if {@code S_T > K} (call) or {@code S_T < K} (put).
 *
 * <p>The indicator has no useful pathwise derivative, so the Monte Carlo payoff smooths it in log
 * moneyness: {@code payout e^{-rT} Phi(sign (ln S_T - ln K) / width)}. Under Black-Scholes the
 * smoothed price is exactly the digital price with log-variance {@code vol^2 T + width^2}, so the
 * bias is of order {@code width^2 / (vol^2 T)} and vanishes as the width shrinks (checked by
 * quadrature in the tests). Call plus put is exactly the discounted payout, smoothed or not.
 */
public record Digital(OptionType type, double strike, double maturity, double payout, double width)
        implements StrikeAndMaturity {

    /** Default smoothing width in log-moneyness. */
    public static final double DEFAULT_WIDTH = 0.01;

    public Digital {
        Payoffs.checkStrike(strike);
        Payoffs.checkMaturity(maturity);
        if (!Double.isFinite(payout)) {
            throw new IllegalArgumentException("payout must be a finite number (value " + payout + ")");
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
        return "digital";
    }

    @Override
    public void checkModel(PathModel model) {
        Product.requireSingleAsset(this, model);
    }

    @Override
    public int defaultSteps(PathModel model) {
        return model.lognormal() ? 1 : 100;
    }

    @Override
    public <T extends RealFieldElement<T>> PathPayoff<T> payoff(T[] p, PathModel model, T[] modelParams,
            PathGenerator<T> gen, int steps) {
        T logStrike = p[0].log();
        T scaledPayout = gen.discountFactor(steps).multiply(payout);
        double scale = type.sign() / width;
        return logSpots -> Fn.normCdf(logSpots[0][steps].subtract(logStrike).multiply(scale)).multiply(scaledPayout);
    }
}
