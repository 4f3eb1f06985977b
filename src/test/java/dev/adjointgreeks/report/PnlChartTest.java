package dev.adjointgreeks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PnlChartTest {

    @Test
    void onePanelPerFamilyTiledTwoAcross(@TempDir Path dir) throws Exception {
        double[] s = {-0.2, -0.1, 0, 0.1, 0.2};
        var spot = new PnlChart.Family("* spot (relative)", s, new double[] {-9, -5, 0, 6, 13},
                new double[] {-9.5, -5.1, 0, 6.1, 12.4});
        var vol = new PnlChart.Family("* vol (absolute)", s, new double[] {-7, -3, 0, 4, 8}, new double[] {-7, -3, 0, 4, 8});
        var rate = new PnlChart.Family("* rate (absolute)", s, new double[] {1, 2, 0, 3, 4}, new double[] {1, 2, 0, 3, 4});
        Path png = dir.resolve("pnl.png");
        PnlChart.write(png, "demo", List.of(spot, vol, rate));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(2 * 560, image.getWidth());
        assertEquals(2 * 380, image.getHeight());
    }
}
