package dev.adjointgreeks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

import dev.adjointgreeks.io.AtomicFiles;

/**
 * A heat map of one trade's vega per quote of its volatility surface ({@code --vega-map}): expiries
 * down, strikes across, each cell coloured by {@code dV/d sigma_q} on a scale symmetric about 0
 * (blue negative, white 0, red positive) and labelled with its value, so the quotes that carry the
 * trade's vega, and those that carry none, can be read off at a glance.
 */
public final class VegaMap {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    private VegaMap() {
    }

    /**
     * @param expiries the rows' labels as written ({@code 1M .. 2Y}), top to bottom
     * @param strikes  the columns' labels as written
     * @param vegas    {@code vegas[i][j]}, the sensitivity to the quote at expiry i and strike j
     */
    public static void write(Path png, String title, List<String> expiries, List<String> strikes, double[][] vegas)
            throws IOException {
        if (expiries.isEmpty() || strikes.isEmpty() || vegas.length != expiries.size()) {
            throw new IllegalArgumentException("a vega map needs one row of values per expiry");
        }
        System.setProperty("java.awt.headless", "true");
        int n = expiries.size();
        int m = strikes.size();
        double[] x = new double[n * m];
        double[] y = new double[n * m];
        double[] z = new double[n * m];
        double max = 0;
        for (int i = 0; i < n; i++) {
            if (vegas[i].length != m) {
                throw new IllegalArgumentException("row " + expiries.get(i) + " has " + vegas[i].length + " values");
            }
            for (int j = 0; j < m; j++) {
                x[i * m + j] = j;
                y[i * m + j] = i;
                z[i * m + j] = vegas[i][j];
                max = Math.max(max, Math.abs(vegas[i][j]));
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("vega", new double[][] {x, y, z});
        XYBlockRenderer renderer = new XYBlockRenderer();
        Diverging scale = new Diverging(max > 0 ? max : 1.0);
        renderer.setPaintScale(scale);
        SymbolAxis strikeAxis = new SymbolAxis("strike", strikes.toArray(new String[0]));
        SymbolAxis expiryAxis = new SymbolAxis("expiry", expiries.toArray(new String[0]));
        expiryAxis.setInverted(true);   // the first expiry on top, as the quotes are written
        strikeAxis.setGridBandsVisible(false);
        expiryAxis.setGridBandsVisible(false);
        XYPlot plot = new XYPlot(data, strikeAxis, expiryAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineStroke(new BasicStroke(1f));
        Font font = new Font("SansSerif", Font.PLAIN, n * m > 60 ? 9 : 11);
        for (int k = 0; k < z.length; k++) {
            String label = z[k] == 0.0 ? "0" : String.format(Locale.ROOT, "%.3g", z[k]);
            XYTextAnnotation a = new XYTextAnnotation(label, x[k], y[k]);
            a.setFont(font);
            plot.addAnnotation(a);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        NumberAxis legendAxis = new NumberAxis("dV / d vol quote");
        legendAxis.setRange(-scale.getUpperBound(), scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        AtomicFiles.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
    }

    /** Blue (-bound) through white (0) to red (+bound). */
    private record Diverging(double bound) implements PaintScale {
        @Override
        public double getLowerBound() {
            return -bound;
        }

        @Override
        public double getUpperBound() {
            return bound;
        }

        @Override
        public Paint getPaint(double value) {
            double t = Math.max(-1, Math.min(1, value / bound));
            int fade = (int) Math.round(255 * (1 - Math.abs(t)));
            return t >= 0 ? new Color(255, fade, fade) : new Color(fade, fade, 255);
        }
    }
}
