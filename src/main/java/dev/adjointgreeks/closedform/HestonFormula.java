package dev.adjointgreeks.closedform;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.complex.Complex;


/**
 * Heston prices by Fourier inversion, {@code C = S e^{-qT} P1 - K e^{-rT} P2}, with the
 * characteristic function in the "little trap" form of Albrecher, Mayer, Schoutens and Tistaert
 * (2007), which stays on the principal branch of the complex logarithm for long maturities.
 * The integrals run over panels of 32-point Gauss-Legendre (commons-math3) up to a cut-off where
 * the characteristic function has decayed below double precision.
 */
public final class HestonFormula {

    private static final GaussIntegrator PANEL = new GaussIntegratorFactory().legendre(32, 0.0, 1.0);

    private HestonFormula() {
    }

    /** The parameters, annual decimals. */
    public record Params(double spot, double v0, double kappa, double theta, double xi, double rho, double rate,
            double dividend) {
    }

    public static double price(CallPut type, Params p, double strike, double maturity) {
        if (p.xi() == 0.0) {
            return BlackScholesFormula.price(type, p.spot(), strike, maturity, p.rate(), p.dividend(),
                    Math.sqrt(integratedVariance(p, maturity) / maturity));
        }
        double[] prob = probabilities(p, strike, maturity);
        double fwdLeg = p.spot() * Math.exp(-p.dividend() * maturity);
        double strikeLeg = strike * Math.exp(-p.rate() * maturity);
        double call = fwdLeg * prob[0] - strikeLeg * prob[1];
        return type.isCall() ? call : call - fwdLeg + strikeLeg;
    }

    /** Cash-or-nothing digital: {@code payout e^{-rT} P2} (call) or {@code payout e^{-rT} (1 - P2)} (put). */
    public static double digital(CallPut type, Params p, double strike, double maturity, double payout) {
        double df = Math.exp(-p.rate() * maturity);
        double p2;
        if (p.xi() == 0.0) {
            double var = integratedVariance(p, maturity);
            double sd = Math.sqrt(var);
            double d2 = (Math.log(p.spot() / strike) + (p.rate() - p.dividend()) * maturity - 0.5 * var) / sd;
            p2 = dev.adjointgreeks.ad.Fn.normCdf(d2);
        } else {
            p2 = probabilities(p, strike, maturity)[1];
        }
        return payout * df * (type.isCall() ? p2 : 1.0 - p2);
    }

    /** With no vol of vol the variance is deterministic: its integral over [0, T]. */
    private static double integratedVariance(Params p, double t) {
        if (p.kappa() == 0.0) {
            return p.v0() * t;
        }
        return p.theta() * t + (p.v0() - p.theta()) * (1 - Math.exp(-p.kappa() * t)) / p.kappa();
    }

    /** {P1, P2}. */
    static double[] probabilities(Params p, double strike, double t) {
        double logK = Math.log(strike);
        double logS = Math.log(p.spot());
        Complex phiMinusI = new Complex(Math.exp(logS + (p.rate() - p.dividend()) * t));
        double varScale = Math.max(1e-4, Math.min(p.v0(), p.theta()) + 0.5 * Math.abs(p.v0() - p.theta()));
        double cutoff = Math.min(5000.0, Math.max(100.0, Math.sqrt(2 * 40.0 / (varScale * t))));
        int panels = (int) Math.ceil(cutoff / 5.0);
        double width = cutoff / panels;
        double i1 = 0.0;
        double i2 = 0.0;
        for (int j = 0; j < panels; j++) {
            double a = j * width;
            for (int m = 0; m < PANEL.getNumberOfPoints(); m++) {
                double u = a + width * PANEL.getPoint(m);
                double w = width * PANEL.getWeight(m);
                Complex iu = new Complex(0.0, u);
                Complex kernel = new Complex(0.0, -u * logK).exp().divide(iu);
                i2 += w * kernel.multiply(cf(p, new Complex(u, 0.0), logS, t)).getReal();
                i1 += w * kernel.multiply(cf(p, new Complex(u, -1.0), logS, t)).divide(phiMinusI).getReal();
            }
        }
        return new double[] {0.5 + i1 / Math.PI, 0.5 + i2 / Math.PI};
    }

    /** Characteristic function of ln S_T at (complex) u, little-trap form. */
    static Complex cf(Params p, Complex u, double logS, double t) {
        double kappa = p.kappa();
        double xi = p.xi();
        Complex iu = u.multiply(Complex.I);
        Complex kMinus = new Complex(kappa).subtract(iu.multiply(p.rho() * xi));      // kappa - rho xi i u
        Complex d = kMinus.multiply(kMinus).add(iu.add(u.multiply(u)).multiply(xi * xi)).sqrt();
        Complex g = kMinus.subtract(d).divide(kMinus.add(d));
        Complex edt = d.multiply(-t).exp();
        Complex one = Complex.ONE;
        Complex c = iu.multiply((p.rate() - p.dividend()) * t).add(
                kMinus.subtract(d).multiply(t).subtract(one.subtract(g.multiply(edt)).divide(one.subtract(g)).log().multiply(2.0))
                        .multiply(kappa * p.theta() / (xi * xi)));
        Complex dd = kMinus.subtract(d).divide(xi * xi).multiply(one.subtract(edt)).divide(one.subtract(g.multiply(edt)));
        return c.add(dd.multiply(p.v0())).add(iu.multiply(logS)).exp();
    }
}
