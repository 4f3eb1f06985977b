package dev.adjointgreeks.closedform;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.ad.Fn;

/**
 * Continuously monitored single-barrier options with rebate (Reiner and Rubinstein 1991, in the
 * notation of Haug, "The Complete Guide to Option Pricing Formulas", 4.17.1). Knock-out rebates
 * are paid at the hit, knock-in rebates at expiry. Written for any field. Assumes vol &gt; 0 and
 * that the barrier has not been breached today (the product handles that case).
 */
public final class BarrierFormula {

    private BarrierFormula() {
    }

    public static <T extends RealFieldElement<T>> T price(CallPut type, BarrierStyle kind, T s, T k, T h,
            double rebate, T t, T r, T q, T vol) {
        double phi = type.sign();
        double eta = kind.down() ? 1.0 : -1.0;
        T b = r.subtract(q);
        T sigma2 = vol.multiply(vol);
        T sd = vol.multiply(t.sqrt());
        T mu = b.subtract(sigma2.multiply(0.5)).divide(sigma2);
        T lambda = mu.multiply(mu).add(r.multiply(2.0).divide(sigma2)).sqrt();
        T onePlusMuSd = mu.add(1.0).multiply(sd);
        T x1 = s.divide(k).log().divide(sd).add(onePlusMuSd);
        T x2 = s.divide(h).log().divide(sd).add(onePlusMuSd);
        T y1 = h.multiply(h).divide(s.multiply(k)).log().divide(sd).add(onePlusMuSd);
        T y2 = h.divide(s).log().divide(sd).add(onePlusMuSd);
        T z = h.divide(s).log().divide(sd).add(lambda.multiply(sd));
        T carry = b.subtract(r).multiply(t).exp();     // e^{(b - r) T}
        T df = r.multiply(t).negate().exp();
        T hs = h.divide(s);
        T hsMu = hs.pow(mu.multiply(2.0));
        T hsMu1 = hs.pow(mu.add(1.0).multiply(2.0));

        T a = leg(phi, s.multiply(carry), Fn.normCdf(x1.multiply(phi)), k.multiply(df),
                Fn.normCdf(x1.subtract(sd).multiply(phi)));
        T bb = leg(phi, s.multiply(carry), Fn.normCdf(x2.multiply(phi)), k.multiply(df),
                Fn.normCdf(x2.subtract(sd).multiply(phi)));
        T c = leg(phi, s.multiply(carry).multiply(hsMu1), Fn.normCdf(y1.multiply(eta)), k.multiply(df).multiply(hsMu),
                Fn.normCdf(y1.subtract(sd).multiply(eta)));
        T d = leg(phi, s.multiply(carry).multiply(hsMu1), Fn.normCdf(y2.multiply(eta)), k.multiply(df).multiply(hsMu),
                Fn.normCdf(y2.subtract(sd).multiply(eta)));
        T e = Fn.normCdf(x2.subtract(sd).multiply(eta)).subtract(hsMu.multiply(Fn.normCdf(y2.subtract(sd).multiply(eta))))
                .multiply(df).multiply(rebate);
        T f = hs.pow(mu.add(lambda)).multiply(Fn.normCdf(z.multiply(eta)))
                .add(hs.pow(mu.subtract(lambda)).multiply(Fn.normCdf(z.subtract(lambda.multiply(sd).multiply(2.0)).multiply(eta))))
                .multiply(rebate);

        boolean strikeAbove = k.getReal() > h.getReal();
        boolean call = type.isCall();
        if (kind.down() && !kind.knockOut()) {
            if (call) {
                return strikeAbove ? c.add(e) : a.subtract(bb).add(d).add(e);
            }
            return strikeAbove ? bb.subtract(c).add(d).add(e) : a.add(e);
        }
        if (!kind.down() && !kind.knockOut()) {
            if (call) {
                return strikeAbove ? a.add(e) : bb.subtract(c).add(d).add(e);
            }
            return strikeAbove ? a.subtract(bb).add(d).add(e) : c.add(e);
        }
        if (kind.down()) {
            if (call) {
                return strikeAbove ? a.subtract(c).add(f) : bb.subtract(d).add(f);
            }
            return strikeAbove ? a.subtract(bb).add(c).subtract(d).add(f) : f;
        }
        if (call) {
            return strikeAbove ? f : a.subtract(bb).add(c).subtract(d).add(f);
        }
        return strikeAbove ? bb.subtract(d).add(f) : a.subtract(c).add(f);
    }

    /** {@code phi (x N1 - y N2)}. */
    private static <T extends RealFieldElement<T>> T leg(double phi, T x, T n1, T y, T n2) {
        return x.multiply(n1).subtract(y.multiply(n2)).multiply(phi);
    }
}
