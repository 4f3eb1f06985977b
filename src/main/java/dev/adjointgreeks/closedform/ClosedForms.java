package dev.adjointgreeks.closedform;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.mc.PricingProblem;
import dev.adjointgreeks.model.BlackScholesModel;
import dev.adjointgreeks.model.HestonModel;
import dev.adjointgreeks.model.MultiAssetModel;
import dev.adjointgreeks.product.Asian;
import dev.adjointgreeks.product.Averaging;
import dev.adjointgreeks.product.Barrier;
import dev.adjointgreeks.product.Digital;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.Exchange;
import dev.adjointgreeks.product.Product;

/**
 * The closed form of a trade, where one exists, as a function of the same inputs (in the same
 * order) as its Monte Carlo pricing problem. Written for any field: on commons-math3 derivative
 * structures it gives exact Greeks of every order. Heston prices come from Fourier inversion in
 * double precision ({@link HestonFormula}).
 */
public final class ClosedForms {

    private ClosedForms() {
    }

    /** Null if a closed form exists, else why not. */
    public static String unavailableReason(PricingProblem problem) {
        Product p = problem.product();
        if (problem.model() instanceof HestonModel) {
            return (p instanceof European || p instanceof Digital) ? null
                    : "no closed form for product '" + p.kind() + "' under the Heston model";
        }
        if (p instanceof Asian a && a.averaging() == Averaging.ARITHMETIC) {
            return "no closed form for arithmetic-average Asian options";
        }
        if (p instanceof dev.adjointgreeks.product.Basket) {
            return "no closed form for basket options";
        }
        if (p instanceof Barrier && problem.inputValues()[1] == 0.0) {
            return "the barrier closed form needs vol > 0";
        }
        return null;
    }

    public static boolean isHeston(PricingProblem problem) {
        return problem.model() instanceof HestonModel;
    }

    /** The closed-form price on any field (not for Heston: see {@link #hestonPrice}). */
    public static <T extends RealFieldElement<T>> T price(PricingProblem problem, T[] x) {
        String reason = unavailableReason(problem);
        if (reason != null || isHeston(problem)) {
            throw new IllegalArgumentException(reason != null ? reason : "Heston prices are not field-generic");
        }
        Product p = problem.product();
        if (problem.model() instanceof BlackScholesModel) {
            T spot = x[0];
            T vol = x[1];
            T rate = x[2];
            T div = x[3];
            T strike = x[4];
            T maturity = x[5];
            if (p instanceof European e) {
                return BlackScholesFormula.price(e.type(), spot, strike, maturity, rate, div, vol);
            }
            if (p instanceof Digital d) {
                return BlackScholesFormula.digital(d.type(), spot, strike, maturity, rate, div, vol, d.payout());
            }
            if (p instanceof Asian a) {
                return GeometricAsianFormula.price(a.type(), spot, strike, maturity, rate, div, vol, a.fixings());
            }
            if (p instanceof Barrier b) {
                if (b.breachedAtStart(spot.getReal())) {
                    return b.barrierKind().knockOut() ? Fn.constant(spot, b.rebate())
                            : BlackScholesFormula.price(b.type(), spot, strike, maturity, rate, div, vol);
                }
                return BarrierFormula.price(b.type(), b.barrierKind(), spot, strike, x[6], b.rebate(), maturity, rate,
                        div, vol);
            }
        }
        if (problem.model() instanceof MultiAssetModel m && p instanceof Exchange) {
            int n = m.assets();
            // inputs: spot_1, spot_2, vol_1, vol_2, dividend_1, dividend_2, rate, corr_1_2, maturity
            return MargrabeFormula.price(x[0], x[1], x[n], x[n + 1], x[2 * n], x[2 * n + 1], x[3 * n + 1], x[3 * n + 2]);
        }
        throw new IllegalArgumentException("no closed form for product '" + p.kind() + "'");
    }

    /** Heston European or digital price by Fourier inversion, inputs in the problem's order. */
    public static double hestonPrice(PricingProblem problem, double[] x) {
        HestonFormula.Params hp = new HestonFormula.Params(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]);
        Product p = problem.product();
        if (p instanceof European e) {
            return HestonFormula.price(e.type(), hp, x[8], x[9]);
        }
        if (p instanceof Digital d) {
            return HestonFormula.digital(d.type(), hp, x[8], x[9], d.payout());
        }
        throw new IllegalArgumentException(unavailableReason(problem));
    }
}
