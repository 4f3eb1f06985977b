package dev.adjointgreeks.engine;

import static dev.adjointgreeks.model.MarketBlocks.SPOT;
import static dev.adjointgreeks.model.MarketBlocks.VOL;
import static dev.adjointgreeks.product.Product.BARRIER;
import static dev.adjointgreeks.product.Product.MATURITY;
import static dev.adjointgreeks.product.Product.STRIKE;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.closedform.BarrierFormula;
import dev.adjointgreeks.closedform.BlackScholesFormula;
import dev.adjointgreeks.mc.PricingProblem;
import dev.adjointgreeks.model.BlackScholesCurveModel;
import dev.adjointgreeks.model.Inputs;
import dev.adjointgreeks.product.Asian;
import dev.adjointgreeks.product.Averaging;
import dev.adjointgreeks.product.Barrier;
import dev.adjointgreeks.product.Digital;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.Product;
import dev.adjointgreeks.product.ProductCases;

/**
 * The Black-Scholes closed forms under a discount and a dividend curve ({@link BlackScholesCurveModel}):
 * <ul>
 * <li>European and digital: Black-Scholes at the zero rate {@code z(T)} and yield {@code q(T)} to
 *     maturity, exact for deterministic curves (only {@code DF(T)} and the forward {@code F(T)}
 *     enter the payoff's law);
 * <li>geometric Asian: each fixing at its own forward ({@code GeometricAsianCurveFormula}), the
 *     model's own formula, which the arithmetic Asian's control variate uses too;
 * <li>barrier: only for one-pillar curves (flat rates); the continuously monitored barrier formula
 *     assumes a constant drift, which a curve of several pillars does not have, so it is refused.
 * </ul>
 * Every pillar reads through the field, so the analytic method's buckets are exact derivatives.
 */
final class CurveClosedForms implements Analytic {

    static final CurveClosedForms INSTANCE = new CurveClosedForms();

    private CurveClosedForms() {
    }

    @Override
    public String unavailableReason(PricingProblem problem) {
        BlackScholesCurveModel model = (BlackScholesCurveModel) problem.model();
        return problem.product().match(new ProductCases<String>() {
            @Override
            public String other(Product p) {
                return "no closed form for product '" + p.kind() + "' under the bs model";
            }

            @Override
            public String european(European e) {
                return null;
            }

            @Override
            public String digital(Digital d) {
                return null;
            }

            @Override
            public String asian(Asian a) {
                return a.averaging() == Averaging.ARITHMETIC ? "no closed form for arithmetic-average Asian options"
                        : null;
            }

            @Override
            public String barrier(Barrier b) {
                if (model.discount().varies() || model.dividend().varies()) {
                    return "the barrier closed form assumes a constant rate and dividend yield, and a curve of"
                            + " several pillars has neither: price the barrier by Monte Carlo";
                }
                return problem.layout().get(problem.inputValues(), VOL) == 0.0 ? "the barrier closed form needs vol > 0"
                        : null;
            }
        });
    }

    @Override
    public <T extends RealFieldElement<T>> T price(PricingProblem problem, Inputs<T> m, Inputs<T> x) {
        BlackScholesCurveModel model = (BlackScholesCurveModel) problem.model();
        T spot = m.get(SPOT);
        T vol = m.get(VOL);
        T strike = x.get(STRIKE);
        T maturity = x.get(MATURITY);
        T rate = model.discount().rateTo(m, maturity);
        T div = model.dividend().rateTo(m, maturity);
        return problem.product().match(new ProductCases<T>() {
            @Override
            public T other(Product p) {
                throw new IllegalArgumentException(unavailableReason(problem));
            }

            @Override
            public T european(European e) {
                return BlackScholesFormula.price(ClosedFormTables.cp(e.type()), spot, strike, maturity, rate, div, vol);
            }

            @Override
            public T digital(Digital d) {
                return BlackScholesFormula.digital(ClosedFormTables.cp(d.type()), spot, strike, maturity, rate, div, vol,
                        d.payout());
            }

            @Override
            public T asian(Asian a) {
                return model.geometricAsianPrice(m, a.type().sign(), strike, maturity, a.fixings());
            }

            @Override
            public T barrier(Barrier b) {
                String reason = unavailableReason(problem);
                if (reason != null) {
                    throw new IllegalArgumentException(reason);
                }
                if (b.breachedAtStart(spot.getReal())) {
                    return b.barrierKind().knockOut() ? Fn.constant(spot, b.rebate())
                            : BlackScholesFormula.price(ClosedFormTables.cp(b.type()), spot, strike, maturity, rate, div, vol);
                }
                return BarrierFormula.price(ClosedFormTables.cp(b.type()), ClosedFormTables.style(b.barrierKind()), spot,
                        strike, x.get(BARRIER), b.rebate(), maturity, rate, div, vol);
            }
        });
    }
}
