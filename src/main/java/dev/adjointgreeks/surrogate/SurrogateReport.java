package dev.adjointgreeks.surrogate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Tape;
import dev.adjointgreeks.engine.Greek;
import dev.adjointgreeks.engine.GreekCatalogue;
import dev.adjointgreeks.engine.ModelTypes;
import dev.adjointgreeks.io.AtomicFiles;
import dev.adjointgreeks.mc.PricingProblem;

/**
 * Test errors of a surrogate against the exact price (the trade's closed form, its Greeks by one
 * reverse sweep of the closed form on the tape) on the spec's held-out test set: with one varying
 * input a grid, with several a uniform draw from the domain with the test set's own seed.
 *
 * @param referenceLevel the trade's own value of the first varying input (spot 100 in the examples):
 *                       errors are also given in % of it
 * @param greekRmse      RMSE of each Greek of a varying input, by output name (delta, delta_1, ...)
 * @param secondColumn   the second-order Greek of the first varying input (gamma, gamma_1_1, ...)
 * @param secondRmse     its RMSE: the network's second derivative against the closed form's (NaN
 *                       where the closed form runs in doubles only)
 */
public record SurrogateReport(int points, double priceRmse, double priceMaxError, double referenceLevel,
        Map<String, Double> greekRmse, String secondColumn, double secondRmse, double[][] states, double[][] exact,
        double[][] predicted) {

    public double priceRmsePercent() {
        return 100 * priceRmse / referenceLevel;
    }

    public double priceMaxErrorPercent() {
        return 100 * priceMaxError / referenceLevel;
    }

    public static SurrogateReport of(Surrogate s) throws SpecException {
        SurrogateSpec spec = s.spec();
        PricingProblem problem = s.problem();
        String why = ModelTypes.analytic(problem.model()).unavailableReason(problem);
        if (why != null) {
            throw new SpecException("report: no exact price to test against: " + why);
        }
        double[][] states = testStates(spec);
        int n = spec.inputs();
        int[] idx = new int[n];
        for (int j = 0; j < n; j++) {
            idx[j] = problem.indexOf(spec.vary().get(j).name());
        }
        double[] values = problem.inputValues();
        double level = values[idx[0]];
        Tape tape = new Tape();
        Surrogate.Evaluator ev = s.evaluator();
        double[][] exact = new double[states.length][n + 1];
        double[][] predicted = new double[states.length][n + 1];
        double se = 0.0;
        double max = 0.0;
        double[] ge = new double[n];
        boolean second = ModelTypes.analytic(problem.model()).fieldGeneric();
        double se2 = 0.0;
        for (int i = 0; i < states.length; i++) {
            for (int j = 0; j < n; j++) {
                values[idx[j]] = states[i][j];
            }
            tape.reset();
            Adj[] in = tape.inputs(values);
            Adj price = ModelTypes.analytic(problem.model()).price(problem, in);
            double[] g = tape.gradient(price);
            exact[i][0] = price.getReal();
            for (int j = 0; j < n; j++) {
                exact[i][1 + j] = g[idx[j]];
            }
            ev.priceAndGreeks(states[i], predicted[i]);
            double e = predicted[i][0] - exact[i][0];
            se += e * e;
            max = Math.max(max, Math.abs(e));
            for (int j = 0; j < n; j++) {
                double d = predicted[i][1 + j] - exact[i][1 + j];
                ge[j] += d * d;
            }
            if (second) {
                double e2 = ev.secondDerivative(states[i]) - exactSecond(problem, values, idx[0]);
                se2 += e2 * e2;
            }
        }
        Map<String, Double> greeks = new LinkedHashMap<>();
        String[] columns = GreekColumns.of(spec);
        for (int j = 0; j < n; j++) {
            greeks.put(columns[j], Math.sqrt(ge[j] / states.length));
        }
        return new SurrogateReport(states.length, Math.sqrt(se / states.length), max, level, greeks,
                secondColumn(problem, idx[0], spec.vary().get(0).name()),
                second ? Math.sqrt(se2 / states.length) : Double.NaN, states, exact, predicted);
    }

    /** d2 price / d x_k^2 of the closed form, on derivative structures of order 2. */
    private static double exactSecond(PricingProblem problem, double[] values, int k) {
        DerivativeStructure[] in = new DerivativeStructure[values.length];
        for (int i = 0; i < values.length; i++) {
            in[i] = i == k ? new DerivativeStructure(1, 2, 0, values[i]) : new DerivativeStructure(1, 2, values[i]);
        }
        return ModelTypes.analytic(problem.model()).price(problem, in).getPartialDerivative(2);
    }

    /** The catalogue's name of the second-order Greek in input k (gamma for a spot), else d2/dNAME2. */
    private static String secondColumn(PricingProblem problem, int k, String name) {
        for (Greek.SecondOrder g : GreekCatalogue.of(problem, true).secondOrder()) {
            if (g.inputA() == k && g.inputB() == k) {
                return g.column();
            }
        }
        return "d2/d" + name + "2";
    }

    /** The held-out states: a grid for one input, else a uniform draw from the domain. */
    public static double[][] testStates(SurrogateSpec spec) {
        SurrogateSpec.TestSet t = spec.test();
        int n = spec.inputs();
        double[][] s = new double[t.points()][n];
        if (n == 1) {
            for (int i = 0; i < t.points(); i++) {
                s[i][0] = t.lower() + (t.upper() - t.lower()) * i / (t.points() - 1);
            }
            return s;
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {t.seed(), 0x7E57L});
        for (int i = 0; i < t.points(); i++) {
            for (int j = 0; j < n; j++) {
                InputRange r = spec.vary().get(j);
                s[i][j] = r.lower() + (r.upper() - r.lower()) * rng.nextDouble();
            }
        }
        return s;
    }

    /** Plain text lines for a terminal. */
    public List<String> lines(Surrogate s) {
        List<String> out = new ArrayList<>();
        Surrogate.Training t = s.training();
        out.add(String.format(Locale.ROOT, "surrogate %s: %s training on %d samples, seed %d, %d epochs, gradient by %s",
                s.spec().name(), t.description(), t.samples(), t.seed(), t.epochs(), t.gradient()));
        out.add(String.format(Locale.ROOT, "test set: %d %s", points,
                s.spec().inputs() == 1 ? "points from " + fmt(s.spec().test().lower()) + " to " + fmt(s.spec().test().upper())
                        : "states drawn uniformly from the domain (seed " + s.spec().test().seed() + ")"));
        out.add(String.format(Locale.ROOT, "price RMSE       %.6f  (%.4f%% of %s)", priceRmse, priceRmsePercent(),
                fmt(referenceLevel)));
        out.add(String.format(Locale.ROOT, "price max error  %.6f  (%.4f%% of %s)", priceMaxError, priceMaxErrorPercent(),
                fmt(referenceLevel)));
        for (Map.Entry<String, Double> e : greekRmse.entrySet()) {
            out.add(String.format(Locale.ROOT, "%-16s %.6f", e.getKey() + " RMSE", e.getValue()));
        }
        if (!Double.isNaN(secondRmse)) {
            out.add(String.format(Locale.ROOT, "%-16s %.6f", secondColumn + " RMSE", secondRmse));
        }
        return out;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * The chart: with one varying input, the surrogate's and the exact price (with the training
     * samples) and first Greek across the test grid; with several, surrogate against exact price.
     */
    public void writePng(Surrogate s, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        SurrogateSpec spec = s.spec();
        String input = spec.vary().get(0).name();
        JFreeChart chart;
        if (spec.inputs() == 1) {
            XYSeriesCollection top = new XYSeriesCollection();
            top.addSeries(series("surrogate price", states, predicted, 0, 1.0));
            top.addSeries(series("exact price", states, exact, 0, 1.0));
            XYSeries samples = new XYSeries("training samples (payoffs)", false, true);
            SurrogateSpec.TestSet t = spec.test();
            for (double[] p : s.preview()) {
                if (p[0] >= t.lower() && p[0] <= t.upper()) {
                    samples.add(p[0], p[1]);
                }
            }
            top.addSeries(samples);
            XYLineAndShapeRenderer r1 = renderer(3);
            r1.setSeriesLinesVisible(2, false);
            r1.setSeriesShapesVisible(2, true);
            r1.setSeriesShape(2, new java.awt.geom.Ellipse2D.Double(-1.5, -1.5, 3, 3));
            r1.setSeriesPaint(2, new Color(150, 150, 150, 90));
            XYPlot pricePlot = new XYPlot(top, null, new NumberAxis("price"), r1);
            XYSeriesCollection bottom = new XYSeriesCollection();
            String greek = GreekColumns.of(spec)[0];
            double sign = GreekColumns.signs(spec)[0];
            bottom.addSeries(series("surrogate " + greek, states, predicted, 1, sign));
            bottom.addSeries(series("exact " + greek, states, exact, 1, sign));
            XYPlot greekPlot = new XYPlot(bottom, null, new NumberAxis(greek), renderer(2));
            NumberAxis axis = new NumberAxis(input);
            axis.setRange(t.lower(), t.upper());
            CombinedDomainXYPlot plot = new CombinedDomainXYPlot(axis);
            plot.add(pricePlot, 3);
            plot.add(greekPlot, 2);
            style(pricePlot);
            style(greekPlot);
            chart = new JFreeChart(String.format(Locale.ROOT, "%s, %s training on %d samples: price RMSE %.4f",
                    spec.name(), s.training().mode(), s.training().samples(), priceRmse), JFreeChart.DEFAULT_TITLE_FONT,
                    plot, true);
        } else {
            XYSeriesCollection d = new XYSeriesCollection();
            XYSeries pts = new XYSeries("test states", false, true);
            XYSeries diag = new XYSeries("exact = surrogate", false, true);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < points; i++) {
                pts.add(exact[i][0], predicted[i][0]);
                lo = Math.min(lo, exact[i][0]);
                hi = Math.max(hi, exact[i][0]);
            }
            diag.add(lo, lo);
            diag.add(hi, hi);
            d.addSeries(pts);
            d.addSeries(diag);
            XYLineAndShapeRenderer r = renderer(2);
            r.setSeriesLinesVisible(0, false);
            r.setSeriesShapesVisible(0, true);
            r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-1.5, -1.5, 3, 3));
            XYPlot plot = new XYPlot(d, new NumberAxis("exact price"), new NumberAxis("surrogate price"), r);
            style(plot);
            chart = new JFreeChart(String.format(Locale.ROOT, "%s, %s training on %d samples: price RMSE %.4f",
                    spec.name(), s.training().mode(), s.training().samples(), priceRmse), JFreeChart.DEFAULT_TITLE_FONT,
                    plot, true);
        }
        JFreeChart c = chart;
        AtomicFiles.write(png, out -> ChartUtils.writeChartAsPNG(out, c, 900, 700));
    }

    private static XYSeries series(String name, double[][] x, double[][] v, int k, double sign) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < x.length; i++) {
            s.add(x[i][0], sign * v[i][k]);
        }
        return s;
    }

    private static XYLineAndShapeRenderer renderer(int n) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        Color[] palette = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c)};
        for (int i = 0; i < n; i++) {
            r.setSeriesPaint(i, palette[i % palette.length]);
            r.setSeriesStroke(i, new BasicStroke(2.0f));
        }
        return r;
    }

    private static void style(XYPlot p) {
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(Color.LIGHT_GRAY);
        p.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }
}
