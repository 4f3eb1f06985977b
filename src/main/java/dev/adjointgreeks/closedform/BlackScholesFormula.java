package dev.adjointgreeks.closedform;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.ad.Fn;

/**
 * Black-Scholes-Merton with continuous dividend yield: the price written once for any field (so
 * derivative structures give its Greeks of every order), and the Greeks written out by hand, as an
 * independent check.
 */
public final class BlackScholesFormula {

    private BlackScholesFormula() {
    }

    public static <T extends RealFieldElement<T>> T price(CallPut type, T spot, T strike, T maturity, T rate,
            T dividend, T vol) {
        T dfRate = rate.multiply(maturity).negate().exp();
        T dfDiv = dividend.multiply(maturity).negate().exp();
        T stdDev = vol.multiply(maturity.sqrt());
        T forwardLeg = spot.multiply(dfDiv);
        T strikeLeg = strike.multiply(dfRate);
        if (stdDev.getReal() == 0.0) {
            // vol 0: the discounted intrinsic value of the forward
            return type.isCall() ? Fn.positivePart(forwardLeg.subtract(strikeLeg))
                    : Fn.positivePart(strikeLeg.subtract(forwardLeg));
        }
        T d1 = forwardLeg.divide(strikeLeg).log().divide(stdDev).add(stdDev.multiply(0.5));
        T d2 = d1.subtract(stdDev);
        if (type.isCall()) {
            return forwardLeg.multiply(Fn.normCdf(d1)).subtract(strikeLeg.multiply(Fn.normCdf(d2)));
        }
        return strikeLeg.multiply(Fn.normCdf(d2.negate())).subtract(forwardLeg.multiply(Fn.normCdf(d1.negate())));
    }

    public static double price(CallPut type, double spot, double strike, double maturity, double rate,
            double dividend, double vol) {
        return greeks(type, spot, strike, maturity, rate, dividend, vol).price();
    }

    /** Price and Greeks, raw partial derivatives per 1.0 of each input; theta = -dV/dT. */
    public record Greeks(double price, double delta, double gamma, double vega, double theta, double rho,
            double dividendRho, double vanna, double volga, double dStrike) {
    }

    /** The textbook formulas, by hand (vol > 0). */
    public static Greeks greeks(CallPut type, double s, double k, double t, double r, double q, double vol) {
        double sqrtT = Math.sqrt(t);
        double sd = vol * sqrtT;
        double dr = Math.exp(-r * t);
        double dq = Math.exp(-q * t);
        double d1 = (Math.log(s / k) + (r - q + 0.5 * vol * vol) * t) / sd;
        double d2 = d1 - sd;
        double pdf = Fn.normPdf(d1);
        double gamma = dq * pdf / (s * sd);
        double vega = s * dq * pdf * sqrtT;
        double vanna = -dq * pdf * d2 / vol;
        double volga = vega * d1 * d2 / vol;
        double decay = -s * dq * pdf * vol / (2 * sqrtT);
        if (type.isCall()) {
            double nd1 = Fn.normCdf(d1);
            double nd2 = Fn.normCdf(d2);
            return new Greeks(s * dq * nd1 - k * dr * nd2, dq * nd1, gamma, vega,
                    decay - r * k * dr * nd2 + q * s * dq * nd1, k * t * dr * nd2, -s * t * dq * nd1, vanna, volga,
                    -dr * nd2);
        }
        double nmd1 = Fn.normCdf(-d1);
        double nmd2 = Fn.normCdf(-d2);
        return new Greeks(k * dr * nmd2 - s * dq * nmd1, -dq * nmd1, gamma, vega,
                decay + r * k * dr * nmd2 - q * s * dq * nmd1, -k * t * dr * nmd2, s * t * dq * nmd1, vanna, volga,
                dr * nmd2);
    }

    /** Cash-or-nothing digital: {@code payout e^{-rT} N(+-d2)}. */
    public static <T extends RealFieldElement<T>> T digital(CallPut type, T spot, T strike, T maturity, T rate,
            T dividend, T vol, double payout) {
        T dfRate = rate.multiply(maturity).negate().exp();
        T stdDev = vol.multiply(maturity.sqrt());
        T logMoneyness = spot.divide(strike).log().add(rate.subtract(dividend).multiply(maturity));
        if (stdDev.getReal() == 0.0) {
            double itm = type.sign() * logMoneyness.getReal() > 0 ? 1.0 : 0.0;
            return dfRate.multiply(payout * itm);
        }
        T d2 = logMoneyness.divide(stdDev).subtract(stdDev.multiply(0.5));
        return Fn.normCdf(d2.multiply(type.sign())).multiply(dfRate).multiply(payout);
    }
}
