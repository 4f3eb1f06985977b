package dev.adjointgreeks.engine;

import static dev.adjointgreeks.model.MarketBlocks.SPOT;
import static dev.adjointgreeks.product.Product.MATURITY;
import static dev.adjointgreeks.product.Product.STRIKE;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.closedform.BlackScholesFormula;
import dev.adjointgreeks.mc.PricingProblem;
import dev.adjointgreeks.model.BlackScholesSurfaceModel;
import dev.adjointgreeks.model.Inputs;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.Product;
import dev.adjointgreeks.product.ProductCases;

/**
 * The European under Black-Scholes on a surface ({@link BlackScholesSurfaceModel}): Black-Scholes at
 * the interpolated vol {@code sigma(K, T)}, the zero rate {@code z(T)} and the yield {@code q(T)},
 * exact for the model (its paths are lognormal at that vol). Every quote reads through the field,
 * so the analytic method's vegas per quote are exact derivatives of the interpolation.
 */
final class SurfaceClosedForms implements Analytic {

    static final SurfaceClosedForms INSTANCE = new SurfaceClosedForms();

    private SurfaceClosedForms() {
    }

    @Override
    public String unavailableReason(PricingProblem problem) {
        return problem.product() instanceof European ? null
                : "no closed form for product '" + problem.product().kind() + "' on a volatility surface";
    }

    @Override
    public <T extends RealFieldElement<T>> T price(PricingProblem problem, Inputs<T> m, Inputs<T> x) {
        BlackScholesSurfaceModel model = (BlackScholesSurfaceModel) problem.model();
        T strike = x.get(STRIKE);
        T maturity = x.get(MATURITY);
        return problem.product().match(new ProductCases<T>() {
            @Override
            public T other(Product p) {
                throw new IllegalArgumentException(unavailableReason(problem));
            }

            @Override
            public T european(European e) {
                return BlackScholesFormula.price(ClosedFormTables.cp(e.type()), m.get(SPOT), strike, maturity,
                        model.discount().rateTo(m, maturity),
                        model.dividend().rateTo(m, maturity),
                        model.impliedVol(m, strike, maturity));
            }
        });
    }
}
