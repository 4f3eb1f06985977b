package dev.adjointgreeks.engine;

import static dev.adjointgreeks.engine.ScenarioRows.row;
import static dev.adjointgreeks.engine.ScenarioRows.scenarioValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

import dev.adjointgreeks.mc.PricingProblem;

/**
 * The closed form on commons-math3 derivative structures of order 2 (exact derivatives of the
 * formula, the {@link HessianRows} too when asked); Heston by central differences of its Fourier
 * price (no Hessian rows). Standard errors are 0, paths and
 * seed 0.
 */
final class AnalyticEngine implements PricingEngine {

    static final AnalyticEngine INSTANCE = new AnalyticEngine();

    private AnalyticEngine() {
    }

    @Override
    public Method method() {
        return Method.ANALYTIC;
    }

    @Override
    public TradeResult price(Trade trade, RunSettings settings) {
        long start = System.nanoTime();
        Map<String, Double> values = new LinkedHashMap<>();
        values.putAll(analytic(trade.problem(), settings));
        double ms = (System.nanoTime() - start) / 1e6;
        return new TradeResult(trade.id(), trade.product().kind(), trade.modelName(), Method.ANALYTIC.word(), 0, 0,
                values, ms, trade.quantity(), trade.underlying());
    }

    /** Each scenario by the shocked trade's own closed form. */
    @Override
    public List<TradeResult> priceScenarios(Trade trade, RunSettings settings, List<GreeksEngine.Scenario> scenarios,
            double[][] inputs, boolean scenarioGreeks) {
        long t0 = System.nanoTime();
        Map<String, Double> baseValues = analytic(trade.problem(), settings);
        List<TradeResult> out = new ArrayList<>();
        out.add(row(trade, Method.ANALYTIC, 0, 0, scenarioValues(baseValues, 0, 0, true), (System.nanoTime() - t0) / 1e6,
                TradeResult.BASE));
        double basePrice = baseValues.get("price");
        RunSettings own = scenarioGreeks ? settings : settings.withSecondOrder(false);
        for (int k = 0; k < inputs.length; k++) {
            String scenario = scenarios.get(k).name();
            if (inputs[k] == null) {
                out.add(row(trade, Method.ANALYTIC, 0, 0, scenarioValues(baseValues, 0, 0, scenarioGreeks), 0.0,
                        scenario));
                continue;
            }
            long t = System.nanoTime();
            // the shocked trade's own closed form: the same number as pricing its shocked row
            Map<String, Double> v = analytic(scenarios.get(k).shocked().problem(), own);
            if (!scenarioGreeks) {
                v = Map.of("price", v.get("price"), "price_stderr", 0.0);
            }
            out.add(row(trade, Method.ANALYTIC, 0, 0, scenarioValues(v, v.get("price") - basePrice, 0.0, true),
                    (System.nanoTime() - t) / 1e6, scenario));
        }
        return out;
    }

    /** Price and Greeks from the closed form (standard errors 0). */
    static Map<String, Double> analytic(PricingProblem p, RunSettings settings) {
        Analytic formula = ModelTypes.analytic(p.model());
        String reason = formula.unavailableReason(p);
        if (reason != null) {
            throw new UnsupportedOperationException(reason);
        }
        GreekCatalogue catalogue = settings.catalogue(p);
        double[] x = p.inputValues();
        int n = x.length;
        Map<String, Double> v = new LinkedHashMap<>();
        if (!formula.fieldGeneric()) {
            // a price in double precision only (Heston's Fourier inversion): central differences
            double price = formula.price(p, x);
            put(v, "price", price);
            for (Greek.FirstOrder g : catalogue.firstOrder()) {
                int k = g.input();
                double h = 1e-4 * Math.max(Math.abs(x[k]), 0.01);
                double up = formula.price(p, shift(x, k, h));
                double down = formula.price(p, shift(x, k, -h));
                put(v, g.column(), g.sign() * (up - down) / (2 * h));
            }
            for (Greek.Parallel g : catalogue.parallel()) {
                double h = 1e-4;
                double[] up = x.clone();
                double[] down = x.clone();
                for (int k : g.inputs()) {
                    up[k] += h;
                    down[k] -= h;
                }
                put(v, g.column(), g.sign() * (formula.price(p, up) - formula.price(p, down)) / (2 * h));
            }
            for (Greek.SecondOrder g : catalogue.secondOrder()) {
                if (g.isSpotDiagonal()) {
                    int s = g.inputA();
                    double h = settings.spotBump2() * x[s];
                    double up = formula.price(p, shift(x, s, h));
                    double down = formula.price(p, shift(x, s, -h));
                    put(v, g.column(), (up - 2 * price + down) / (h * h));
                }
            }
            return v;
        }
        int order = catalogue.secondOrder().isEmpty() ? 1 : 2;
        DerivativeStructure[] ds = new DerivativeStructure[n];
        for (int k = 0; k < n; k++) {
            ds[k] = new DerivativeStructure(n, order, k, x[k]);
        }
        DerivativeStructure price = formula.price(p, ds);
        put(v, "price", price.getValue());
        int[] orders = new int[n];
        for (Greek.FirstOrder g : catalogue.firstOrder()) {
            orders[g.input()] = 1;
            put(v, g.column(), g.sign() * price.getPartialDerivative(orders));
            orders[g.input()] = 0;
        }
        for (Greek.Parallel g : catalogue.parallel()) {
            double sum = 0.0;
            for (int k : g.inputs()) {
                orders[k] = 1;
                sum += price.getPartialDerivative(orders);
                orders[k] = 0;
            }
            put(v, g.column(), g.sign() * sum);
        }
        for (Greek.SecondOrder g : catalogue.secondOrder()) {
            orders[g.inputA()]++;
            orders[g.inputB()]++;
            put(v, g.column(), price.getPartialDerivative(orders));
            orders[g.inputA()] = 0;
            orders[g.inputB()] = 0;
        }
        if (order == 2 && settings.hessianRows()) {
            for (HessianRows.Entry r : HessianRows.of(p, catalogue)) {
                orders[r.a()] = 1;
                orders[r.k()] = 1;
                put(v, r.column(), price.getPartialDerivative(orders));
                orders[r.a()] = 0;
                orders[r.k()] = 0;
            }
        }
        return v;
    }

    private static void put(Map<String, Double> v, String name, double value) {
        v.put(name, value);
        v.put(name + "_stderr", 0.0);
    }

    private static double[] shift(double[] x, int k, double h) {
        double[] y = x.clone();
        y[k] += h;
        return y;
    }
}
