package dev.adjointgreeks.engine;

import static dev.adjointgreeks.model.MarketBlocks.DIVIDEND;
import static dev.adjointgreeks.model.MarketBlocks.RATE;
import static dev.adjointgreeks.model.MarketBlocks.SPOT;
import static dev.adjointgreeks.model.MarketBlocks.VOL;
import static dev.adjointgreeks.product.Product.BARRIER;
import static dev.adjointgreeks.product.Product.MATURITY;
import static dev.adjointgreeks.product.Product.STRIKE;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.closedform.BachelierFormula;
import dev.adjointgreeks.closedform.BarrierFormula;
import dev.adjointgreeks.closedform.BlackScholesFormula;
import dev.adjointgreeks.closedform.GeometricAsianFormula;
import dev.adjointgreeks.closedform.HestonFormula;
import dev.adjointgreeks.closedform.MargrabeFormula;
import dev.adjointgreeks.mc.PricingProblem;
import dev.adjointgreeks.model.BachelierModel;
import dev.adjointgreeks.model.Block;
import dev.adjointgreeks.model.HestonModel;
import dev.adjointgreeks.model.InputLayout;
import dev.adjointgreeks.model.Inputs;
import dev.adjointgreeks.model.MarketBlocks;
import dev.adjointgreeks.product.Asian;
import dev.adjointgreeks.product.Averaging;
import dev.adjointgreeks.product.Barrier;
import dev.adjointgreeks.product.Basket;
import dev.adjointgreeks.product.Digital;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.Exchange;
import dev.adjointgreeks.product.Product;

/**
 * Which closed-form formula prices which product under each built-in model, arguments read by
 * block. The formulas are in {@code closedform/}; this is the table.
 */
final class ClosedFormTables {

    private ClosedFormTables() {
    }

    /** Black-Scholes: one asset ({@code bs}) or several ({@code bs-multi}). */
    static final Analytic BLACK_SCHOLES = new Analytic() {
        private Analytic of(PricingProblem problem) {
            return problem.model().name().equals("bs-multi") ? BLACK_SCHOLES_MULTI : BLACK_SCHOLES_SINGLE;
        }

        @Override
        public String unavailableReason(PricingProblem problem) {
            return of(problem).unavailableReason(problem);
        }

        @Override
        public <T extends RealFieldElement<T>> T price(PricingProblem problem, Inputs<T> m, Inputs<T> x) {
            return of(problem).price(problem, m, x);
        }
    };

    /** Black-Scholes, one asset: European, digital, geometric Asian, barrier. */
    static final Analytic BLACK_SCHOLES_SINGLE = new Analytic() {
        @Override
        public String unavailableReason(PricingProblem problem) {
            Product p = problem.product();
            if (p instanceof Asian a && a.averaging() == Averaging.ARITHMETIC) {
                return "no closed form for arithmetic-average Asian options";
            }
            if (p instanceof Barrier && problem.layout().get(problem.inputValues(), VOL) == 0.0) {
                return "the barrier closed form needs vol > 0";
            }
            return p instanceof European || p instanceof Digital || p instanceof Asian || p instanceof Barrier ? null
                    : "no closed form for product '" + p.kind() + "' under the bs model";
        }

        @Override
        public <T extends RealFieldElement<T>> T price(PricingProblem problem, Inputs<T> m, Inputs<T> x) {
            T spot = m.get(SPOT);
            T vol = m.get(VOL);
            T rate = m.get(RATE);
            T div = m.get(DIVIDEND);
            T strike = x.get(STRIKE);
            T maturity = x.get(MATURITY);
            Product p = problem.product();
            if (p instanceof European e) {
                return BlackScholesFormula.price(e.type(), spot, strike, maturity, rate, div, vol);
            }
            if (p instanceof Digital d) {
                return BlackScholesFormula.digital(d.type(), spot, strike, maturity, rate, div, vol, d.payout());
            }
            if (p instanceof Asian a) {
                return GeometricAsianFormula.price(a.type(), spot, strike, maturity, rate, div, vol, a.fixings());
            }
            Barrier b = (Barrier) p;
            if (b.breachedAtStart(spot.getReal())) {
                return b.barrierKind().knockOut() ? Fn.constant(spot, b.rebate())
                        : BlackScholesFormula.price(b.type(), spot, strike, maturity, rate, div, vol);
            }
            return BarrierFormula.price(b.type(), b.barrierKind(), spot, strike, x.get(BARRIER), b.rebate(), maturity,
                    rate, div, vol);
        }
    };

    /** Black-Scholes, several assets: the exchange option (Margrabe). */
    static final Analytic BLACK_SCHOLES_MULTI = new Analytic() {
        @Override
        public String unavailableReason(PricingProblem problem) {
            Product p = problem.product();
            if (p instanceof Exchange) {
                return null;
            }
            return p instanceof Basket ? "no closed form for basket options"
                    : "no closed form for product '" + p.kind() + "' under the bs model";
        }

        @Override
        public <T extends RealFieldElement<T>> T price(PricingProblem problem, Inputs<T> m, Inputs<T> x) {
            Block spots = MarketBlocks.spots(2);
            Block vols = MarketBlocks.vols(2);
            Block divs = MarketBlocks.dividends(2);
            return MargrabeFormula.price(m.get(spots, 0), m.get(spots, 1), m.get(vols, 0), m.get(vols, 1),
                    m.get(divs, 0), m.get(divs, 1), m.pair(MarketBlocks.correlations(2), 0, 1), x.get(MATURITY));
        }
    };

    /** Heston: European and digital by Fourier inversion, in double precision. */
    static final Analytic HESTON = new Analytic() {
        @Override
        public String unavailableReason(PricingProblem problem) {
            Product p = problem.product();
            return (p instanceof European || p instanceof Digital) ? null
                    : "no closed form for product '" + p.kind() + "' under the Heston model";
        }

        @Override
        public boolean fieldGeneric() {
            return false;
        }

        @Override
        public <T extends RealFieldElement<T>> T price(PricingProblem problem, Inputs<T> m, Inputs<T> x) {
            throw new IllegalArgumentException("Heston prices are not field-generic");
        }

        @Override
        public double price(PricingProblem problem, double[] x) {
            InputLayout l = problem.layout();
            HestonFormula.Params hp = new HestonFormula.Params(l.get(x, SPOT), l.get(x, HestonModel.V0),
                    l.get(x, HestonModel.KAPPA), l.get(x, HestonModel.THETA), l.get(x, HestonModel.XI),
                    l.get(x, HestonModel.RHO), l.get(x, RATE), l.get(x, DIVIDEND));
            double strike = l.get(x, STRIKE);
            double maturity = l.get(x, MATURITY);
            Product p = problem.product();
            if (p instanceof European e) {
                return HestonFormula.price(e.type(), hp, strike, maturity);
            }
            if (p instanceof Digital d) {
                return HestonFormula.digital(d.type(), hp, strike, maturity, d.payout());
            }
            throw new IllegalArgumentException(unavailableReason(problem));
        }
    };

    /**
     * Bachelier, one asset or several: European, digital, arithmetic Asian (exact: an average of
     * normals is normal), basket and exchange (a weighted sum of normals is normal).
     */
    static final Analytic BACHELIER = new Analytic() {
        @Override
        public String unavailableReason(PricingProblem problem) {
            Product p = problem.product();
            return p instanceof European || p instanceof Digital || p instanceof Basket || p instanceof Exchange
                    || (p instanceof Asian a && a.averaging() == Averaging.ARITHMETIC) ? null
                    : "no closed form for product '" + p.kind() + "' under the bachelier model";
        }

        @Override
        public <T extends RealFieldElement<T>> T price(PricingProblem problem, Inputs<T> m, Inputs<T> x) {
            BachelierModel model = (BachelierModel) problem.model();
            Product p = problem.product();
            T maturity = x.get(MATURITY);
            T rate = m.get(RATE);
            if (p instanceof Basket || p instanceof Exchange) {
                int n = model.assets();
                T[] spots = m.all(model.spotBlock());
                T[] vols = m.all(model.volBlock());
                T[] divs = m.all(model.dividendBlock());
                T[][] corr = MathArrays.buildArray(maturity.getField(), n, n);
                for (int i = 0; i < n; i++) {
                    corr[i][i] = Fn.constant(maturity, 1.0);
                    for (int j = i + 1; j < n; j++) {
                        corr[i][j] = m.pair(model.correlationBlock(), i, j);
                        corr[j][i] = corr[i][j];
                    }
                }
                if (p instanceof Basket b) {
                    return BachelierFormula.basket(b.type().sign(), b.weights(), spots, vols, divs, rate, corr,
                            x.get(STRIKE), maturity);
                }
                return BachelierFormula.basket(1.0, new double[] {1.0, -1.0}, spots, vols, divs, rate, corr,
                        Fn.constant(maturity, 0.0), maturity);
            }
            T spot = m.get(model.spotBlock(), 0);
            T vol = m.get(model.volBlock(), 0);
            T div = m.get(model.dividendBlock(), 0);
            T strike = x.get(STRIKE);
            if (p instanceof European e) {
                return BachelierFormula.european(e.type().sign(), spot, strike, maturity, rate, div, vol);
            }
            if (p instanceof Digital d) {
                return BachelierFormula.digital(d.type().sign(), spot, strike, maturity, rate, div, vol, d.payout());
            }
            Asian a = (Asian) p;
            return BachelierFormula.arithmeticAsian(a.type().sign(), spot, strike, maturity, rate, div, vol,
                    a.fixings());
        }
    };
}
