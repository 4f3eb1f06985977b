package dev.adjointgreeks.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import dev.adjointgreeks.io.AtomicFiles;

/** Headless PNG line charts (JFreeChart), written atomically. */
public final class Charts {

    /** One named line of (x, y) points. */
    public record Line(String name, double[] x, double[] y) {
    }

    private Charts() {
    }

    public static void writeLineChart(Path png, String title, String xLabel, boolean logX, String yLabel,
            boolean logY, List<Line> lines) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        for (Line line : lines) {
            XYSeries s = new XYSeries(line.name(), false, true);
            for (int i = 0; i < line.x().length; i++) {
                double y = line.y()[i];
                if (logY && !(y > 0)) {
                    y = Double.MIN_NORMAL;   // a log axis cannot show 0: draw it at the floor
                }
                s.add(line.x()[i], y);
            }
            data.addSeries(s);
        }
        ValueAxis xAxis = logX ? logAxis(xLabel) : new NumberAxis(xLabel);
        ValueAxis yAxis = logY ? logAxis(yLabel) : new NumberAxis(yLabel);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        java.awt.Color[] palette = {new java.awt.Color(0x1f77b4), new java.awt.Color(0xd62728),
            new java.awt.Color(0x2ca02c), new java.awt.Color(0xff7f0e), new java.awt.Color(0x9467bd)};
        for (int i = 0; i < lines.size(); i++) {
            renderer.setSeriesPaint(i, palette[i % palette.length]);
            renderer.setSeriesStroke(i, new java.awt.BasicStroke(2.0f));
        }
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        AtomicFiles.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, 900, 560));
    }

    private static LogAxis logAxis(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setSmallestValue(1e-20);
        // plain numbers (0.01, 1, 100), not powers of ten with fractional exponents
        axis.setNumberFormatOverride(new java.text.DecimalFormat("0.###E0"));
        return axis;
    }
}
