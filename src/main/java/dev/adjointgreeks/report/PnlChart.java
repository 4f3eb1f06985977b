package dev.adjointgreeks.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import dev.adjointgreeks.io.AtomicFiles;

/**
 * Portfolio P&amp;L against the shift, one panel per single-factor family of scenarios: full
 * revaluation beside the Greeks' second-order explanation, so the growth of the unexplained part
 * with the size of the move can be seen.
 */
public final class PnlChart {

    /** One family: the shifts of its scenarios in increasing order and the portfolio P&amp;L at each. */
    public record Family(String name, double[] shift, double[] full, double[] explained) {
    }

    private static final int PANEL_WIDTH = 560;
    private static final int PANEL_HEIGHT = 380;

    private PnlChart() {
    }

    public static void write(Path png, String title, List<Family> families) throws IOException {
        if (families.isEmpty()) {
            throw new IllegalArgumentException("no single-factor family of scenarios to chart");
        }
        System.setProperty("java.awt.headless", "true");
        int columns = Math.min(2, families.size());
        int rows = (families.size() + columns - 1) / columns;
        BufferedImage image = new BufferedImage(columns * PANEL_WIDTH, rows * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int f = 0; f < families.size(); f++) {
            JFreeChart chart = panel(title, families.get(f));
            g.drawImage(chart.createBufferedImage(PANEL_WIDTH, PANEL_HEIGHT), (f % columns) * PANEL_WIDTH,
                    (f / columns) * PANEL_HEIGHT, null);
        }
        g.dispose();
        AtomicFiles.write(png, out -> ImageIO.write(image, "png", out));
    }

    private static JFreeChart panel(String title, Family family) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries full = new XYSeries("full revaluation", false, true);
        XYSeries explained = new XYSeries("explained by Greeks", false, true);
        XYSeries unexplained = new XYSeries("unexplained", false, true);
        for (int i = 0; i < family.shift().length; i++) {
            full.add(family.shift()[i], family.full()[i]);
            explained.add(family.shift()[i], family.explained()[i]);
            unexplained.add(family.shift()[i], family.full()[i] - family.explained()[i]);
        }
        data.addSeries(full);
        data.addSeries(explained);
        data.addSeries(unexplained);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        Color[] palette = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x7f7f7f)};
        for (int i = 0; i < palette.length; i++) {
            renderer.setSeriesPaint(i, palette[i]);
            renderer.setSeriesStroke(i, new java.awt.BasicStroke(i == 2 ? 1.0f : 2.0f));
        }
        NumberAxis y = new NumberAxis("portfolio P&L");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, new NumberAxis("shift"), y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return new JFreeChart(title + ": " + family.name(), new java.awt.Font("SansSerif", java.awt.Font.BOLD, 13),
                plot, true);
    }
}
