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
import dev.adjointgreeks.closedform.BarrierStyle;
import dev.adjointgreeks.closedform.BlackScholesFormula;
import dev.adjointgreeks.closedform.CallPut;
import dev.adjointgreeks.closedform.GeometricAsianFormula;
import dev.adjointgreeks.closedform.HestonFormula;
import dev.adjointgreeks.closedform.MargrabeFormula;
import dev.adjointgreeks.mc.PricingProblem;
import dev.adjointgreeks.model.BachelierDescriptor;
import dev.adjointgreeks.model.BachelierModel;
import dev.adjointgreeks.model.BlackScholesDescriptor;
import dev.adjointgreeks.model.HestonDescriptor;
import dev.adjointgreeks.model.InputBlock;
import dev.adjointgreeks.model.HestonModel;
import dev.adjointgreeks.model.InputLayout;
import dev.adjointgreeks.model.Inputs;
import dev.adjointgreeks.model.MarketBlocks;
import dev.adjointgreeks.model.MultiAssetModel;
import dev.adjointgreeks.spec.Role;
import dev.adjointgreeks.product.Asian;
import dev.adjointgreeks.product.Averaging;
import dev.adjointgreeks.product.BarrierKind;
import dev.adjointgreeks.product.Barrier;
import dev.adjointgreeks.product.Basket;
import dev.adjointgreeks.product.Digital;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.Exchange;
import dev.adjointgreeks.product.OptionType;
import dev.adjointgreeks.product.Product;
import dev.adjointgreeks.product.ProductCases;

/**
 * Which closed-form formula prices which product under each built-in model, arguments read by
 * block. The formulas are in {@code closedform/}; this is the table. Each product picks its own
 * row ({@link Product#match}), so no product is recognised by {@code instanceof}.
 */
final class ClosedFormTables {

    private ClosedFormTables() {
    }

    /** The formulas' view of a product's option type. */
    static CallPut cp(OptionType t) {
        return CallPut.ofSign(t.sign());
    }

    /** The formulas' view of a product's barrier. */
    static BarrierStyle style(BarrierKind k) {
        return BarrierStyle.of(k.down(), k.knockOut());
    }

    /** The closed forms of the built-in model named {@code word}, or {@link Analytic#NONE}. */
    static Analytic forModel(String word) {
        switch (word) {
            case BlackScholesDescriptor.WORD: return BLACK_SCHOLES;
            case HestonDescriptor.WORD: return HESTON;
            case BachelierDescriptor.WORD: return BACHELIER;
            default: return Analytic.NONE;
        }
    }

    /** Black-Scholes: one asset ({@code bs}) or several ({@code bs-multi}). */
    static final Analytic BLACK_SCHOLES = new Analytic() {
        private Analytic of(PricingProblem problem) {
            if (problem.model().name().equals("bs-multi")) {
                return BLACK_SCHOLES_MULTI;   // Margrabe reads each asset's yield to maturity, curve or flat
            }
            for (InputBlock b : problem.model().inputs().blocks()) {
                if (b.role() == Role.VOL_SURFACE) {
                    return SurfaceClosedForms.INSTANCE;   // a European at the surface's vol at its strike and maturity
                }
                if (b.role().curve()) {
                    return CurveClosedForms.INSTANCE;   // a discount or dividend curve: z(T), q(T), fixings' forwards
                }
            }
            return BLACK_SCHOLES_SINGLE;
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
                    return problem.layout().get(problem.inputValues(), VOL) == 0.0
                            ? "the barrier closed form needs vol > 0" : null;
                }
            });
        }

        @Override
        public <T extends RealFieldElement<T>> T price(PricingProblem problem, Inputs<T> m, Inputs<T> x) {
            T spot = m.get(SPOT);
            T vol = m.get(VOL);
            T rate = m.get(RATE);
            T div = m.get(DIVIDEND);
            T strike = x.get(STRIKE);
            T maturity = x.get(MATURITY);
            return problem.product().match(new ProductCases<T>() {
                @Override
                public T other(Product p) {
                    throw new IllegalArgumentException(unavailableReason(problem));
                }

                @Override
                public T european(European e) {
                    return BlackScholesFormula.price(cp(e.type()), spot, strike, maturity, rate, div, vol);
                }

                @Override
                public T digital(Digital d) {
                    return BlackScholesFormula.digital(cp(d.type()), spot, strike, maturity, rate, div, vol, d.payout());
                }

                @Override
                public T asian(Asian a) {
                    return GeometricAsianFormula.price(cp(a.type()), spot, strike, maturity, rate, div, vol, a.fixings());
                }

                @Override
                public T barrier(Barrier b) {
                    if (b.breachedAtStart(spot.getReal())) {
                        return b.barrierKind().knockOut() ? Fn.constant(spot, b.rebate())
                                : BlackScholesFormula.price(cp(b.type()), spot, strike, maturity, rate, div, vol);
                    }
                    return BarrierFormula.price(cp(b.type()), style(b.barrierKind()), spot, strike, x.get(BARRIER), b.rebate(),
                            maturity, rate, div, vol);
                }
            });
        }
    };

    /**
     * Black-Scholes, several assets: the exchange option (Margrabe), which reads no rate; under
     * per-asset dividend curves at each yield to maturity {@code q_i(T)}, exact for deterministic yields.
     */
    static final Analytic BLACK_SCHOLES_MULTI = new Analytic() {
        @Override
        public String unavailableReason(PricingProblem problem) {
            return problem.product().match(new ProductCases<String>() {
                @Override
                public String other(Product p) {
                    return "no closed form for product '" + p.kind() + "' under the bs model";
                }

                @Override
                public String exchange(Exchange e) {
                    return null;
                }

                @Override
                public String basket(Basket b) {
                    return "no closed form for basket options";
                }
            });
        }

        @Override
        public <T extends RealFieldElement<T>> T price(PricingProblem problem, Inputs<T> m, Inputs<T> x) {
            InputBlock spots = MarketBlocks.spots(2);
            InputBlock vols = MarketBlocks.vols(2);
            MultiAssetModel model = (MultiAssetModel) problem.model();
            T maturity = x.get(MATURITY);
            T[] q = MathArrays.buildArray(maturity.getField(), 2);
            for (int i = 0; i < 2; i++) {
                q[i] = model.dividendCurve(i) == null ? m.get(MarketBlocks.dividends(2), i)
                        : model.dividendCurve(i).rateTo(m, maturity);
            }
            return MargrabeFormula.price(m.get(spots, 0), m.get(spots, 1), m.get(vols, 0), m.get(vols, 1), q[0], q[1],
                    m.pair(MarketBlocks.correlations(2), 0, 1), maturity);
        }
    };

    /**
     * Heston: European and digital by Fourier inversion, in double precision. Under curves at the
     * zero rate {@code z(T)} and yield {@code q(T)} to maturity: exact, as the rates are deterministic
     * and only {@code DF(T)} and the forward enter the terminal law.
     */
    static final Analytic HESTON = new Analytic() {
        @Override
        public String unavailableReason(PricingProblem problem) {
            return problem.product().match(new ProductCases<String>() {
                @Override
                public String other(Product p) {
                    return "no closed form for product '" + p.kind() + "' under the Heston model";
                }

                @Override
                public String european(European e) {
                    return null;
                }

                @Override
                public String digital(Digital d) {
                    return null;
                }
            });
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
            HestonModel model = (HestonModel) problem.model();
            double strike = l.get(x, STRIKE);
            double maturity = l.get(x, MATURITY);
            HestonFormula.Params hp = new HestonFormula.Params(l.get(x, SPOT), l.get(x, HestonModel.V0),
                    l.get(x, HestonModel.KAPPA), l.get(x, HestonModel.THETA), l.get(x, HestonModel.XI),
                    l.get(x, HestonModel.RHO), model.discount().rateTo(l, x, maturity),
                    model.dividend().rateTo(l, x, maturity));
            return problem.product().match(new ProductCases<Double>() {
                @Override
                public Double other(Product p) {
                    throw new IllegalArgumentException(unavailableReason(problem));
                }

                @Override
                public Double european(European e) {
                    return HestonFormula.price(cp(e.type()), hp, strike, maturity);
                }

                @Override
                public Double digital(Digital d) {
                    return HestonFormula.digital(cp(d.type()), hp, strike, maturity, d.payout());
                }
            });
        }
    };

    /**
     * Bachelier, one asset or several: European, digital, arithmetic Asian (exact: an average of
     * normals is normal), basket and exchange (a weighted sum of normals is normal). Under curves
     * European, digital, basket and exchange at {@code z(T)}, {@code q_i(T)}, exact (they read only
     * the forwards to maturity and {@code DF(T)}); the Asian's formula assumes constant rates, so a
     * curve of several pillars refuses it.
     */
    static final Analytic BACHELIER = new Analytic() {
        @Override
        public String unavailableReason(PricingProblem problem) {
            return problem.product().match(new ProductCases<String>() {
                @Override
                public String other(Product p) {
                    return "no closed form for product '" + p.kind() + "' under the bachelier model";
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
                    BachelierModel model = (BachelierModel) problem.model();
                    if (a.averaging() == Averaging.ARITHMETIC && model.hasCurve()
                            && (model.discount().varies() || model.dividend().varies())) {
                        return "the bachelier Asian closed form assumes a constant rate and dividend yield, and a"
                                + " curve of several pillars has neither: price the Asian by Monte Carlo";
                    }
                    return a.averaging() == Averaging.ARITHMETIC ? null : other(a);
                }

                @Override
                public String basket(Basket b) {
                    return null;
                }

                @Override
                public String exchange(Exchange e) {
                    return null;
                }
            });
        }

        @Override
        public <T extends RealFieldElement<T>> T price(PricingProblem problem, Inputs<T> m, Inputs<T> x) {
            BachelierModel model = (BachelierModel) problem.model();
            T maturity = x.get(MATURITY);
            T rate = model.discount() == null ? m.get(RATE) : model.discount().rateTo(m, maturity);
            return problem.product().match(new ProductCases<T>() {
                @Override
                public T other(Product p) {
                    throw new IllegalArgumentException(unavailableReason(problem));
                }

                @Override
                public T european(European e) {
                    return BachelierFormula.european(e.type().sign(), spot(), x.get(STRIKE), maturity, rate, div(),
                            vol());
                }

                @Override
                public T digital(Digital d) {
                    return BachelierFormula.digital(d.type().sign(), spot(), x.get(STRIKE), maturity, rate, div(),
                            vol(), d.payout());
                }

                @Override
                public T asian(Asian a) {
                    return BachelierFormula.arithmeticAsian(a.type().sign(), spot(), x.get(STRIKE), maturity, rate,
                            div(), vol(), a.fixings());
                }

                @Override
                public T basket(Basket b) {
                    return basketOf(b.type().sign(), b.weights(), x.get(STRIKE));
                }

                @Override
                public T exchange(Exchange e) {
                    return basketOf(1.0, new double[] {1.0, -1.0}, Fn.constant(maturity, 0.0));
                }

                private T spot() {
                    return m.get(model.spotBlock(), 0);
                }

                private T vol() {
                    return m.get(model.volBlock(), 0);
                }

                private T div() {
                    return model.dividend() == null ? m.get(model.dividendBlock(), 0) : model.dividend().rateTo(m, maturity);
                }

                private T basketOf(double sign, double[] weights, T strike) {
                    int n = model.assets();
                    T[][] corr = MathArrays.buildArray(maturity.getField(), n, n);
                    for (int i = 0; i < n; i++) {
                        corr[i][i] = Fn.constant(maturity, 1.0);
                        for (int j = i + 1; j < n; j++) {
                            corr[i][j] = m.pair(model.correlationBlock(), i, j);
                            corr[j][i] = corr[i][j];
                        }
                    }
                    return BachelierFormula.basket(sign, weights, m.all(model.spotBlock()), m.all(model.volBlock()),
                            yields(n), rate, corr, strike, maturity);
                }

                /** Each asset's yield to maturity: flat, or its curve's {@code q_i(T)}. */
                private T[] yields(int n) {
                    if (model.dividendCurve(0) == null) {
                        return m.all(model.dividendBlock());
                    }
                    T[] q = MathArrays.buildArray(maturity.getField(), n);
                    for (int i = 0; i < n; i++) {
                        q[i] = model.dividendCurve(i).rateTo(m, maturity);
                    }
                    return q;
                }
            });
        }
    };
}
