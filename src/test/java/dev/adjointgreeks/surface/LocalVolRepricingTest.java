package dev.adjointgreeks.surface;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.math3.util.Decimal64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.adjointgreeks.closedform.BlackScholesFormula;
import dev.adjointgreeks.closedform.HestonFormula;
import dev.adjointgreeks.engine.GreeksEngine;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.RunSettings;
import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.model.LocalVolModel;
import dev.adjointgreeks.scenario.JsonScenarioReader;
import dev.adjointgreeks.scenario.ScenarioRow;

/**
 * Repricing Heston's smile off the grid: the 5 x 9 Heston surface ({@link HestonSmile}) under
 * {@code localvol}, Europeans at strikes and expiries between the grid's, 200,000 paths. The
 * Monte Carlo price is within 4 standard errors plus 0.25 vol point (converted to price by the
 * Black-Scholes vega at Heston's implied vol) of Heston's closed form. The error has two parts,
 * reported separately: the interpolation error (Black-Scholes at the surface's interpolated vol
 * against Heston: the surface is not Heston's between its nodes; it stays) and the discretisation
 * error (the Monte Carlo against Black-Scholes at the interpolated vol: the same surface, so only
 * the time steps, the local-vol grid and the flat local vol beyond the quoted strikes remain),
 * which shrinks as the time steps and the grid are refined.
 */
@Tag("slow")
class LocalVolRepricingTest {

    private static final int PATHS = 200_000;
    private static final double[] TIMES = {0.75, 1.25};
    private static final double[] STRIKES = {85, 102.5, 115};
    /** (time steps, log-spot points) from coarse to fine. */
    private static final int[][] REFINEMENTS = {{10, 11}, {25, 26}, {50, 51}, {100, 101}};

    @TempDir
    Path dir;

    private static double bs(double k, double t, double vol) {
        return BlackScholesFormula.price(() -> 1.0, HestonSmile.PARAMS.spot(), k, t, HestonSmile.PARAMS.rate(),
                HestonSmile.PARAMS.dividend(), vol);
    }

    private static double bsVega(double k, double t, double vol) {
        double h = 1e-5;
        return (bs(k, t, vol + h) - bs(k, t, vol - h)) / (2 * h);
    }

    private String market() {
        double[][] v = HestonSmile.vols();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            rows.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < v[i].length; j++) {
                rows.append(j == 0 ? "" : ", ").append(v[i][j]);
            }
            rows.append(']');
        }
        return "\"h\": {\"spot\": 100, \"rate\": " + HestonSmile.PARAMS.rate() + ", \"dividend\": "
                + HestonSmile.PARAMS.dividend() + ", \"vol_surface\": {\"expiries\": [\"3M\", \"6M\", \"1Y\", \"18M\", \"2Y\"],"
                + " \"strikes\": [70, 80, 90, 95, 100, 105, 110, 120, 130], \"vols\": [" + rows + "]}}";
    }

    private List<Trade> trades(int steps) throws IOException {
        List<String> rows = new ArrayList<>();
        int id = 0;
        for (double t : TIMES) {
            for (double k : STRIKES) {
                rows.add("{\"id\": \"e" + id + "\", \"model\": \"localvol\", \"market\": \"h\", \"product\": \"european\","
                        + " \"type\": \"call\", \"strike\": " + k + ", \"maturity\": " + t + ", \"steps\": " + steps
                        + ", \"seed\": " + (500 + id) + "}");
                id++;
            }
        }
        Path f = Files.createTempFile(dir, "heston", ".json");
        Files.writeString(f, "{\"markets\": {" + market() + "},\n\"trades\": [\n" + String.join(",\n", rows) + "]}");
        List<Trade> out = new ArrayList<>();
        for (ScenarioRow r : JsonScenarioReader.read(f, false).rows()) {
            assertInstanceOf(ScenarioRow.Parsed.class, r, () -> r instanceof ScenarioRow.Rejected j ? j.message() : "");
            out.add(((ScenarioRow.Parsed) r).trade());
        }
        return out;
    }

    @Test
    void repricesHestonOffTheGridAndTheDiscretisationErrorShrinks() throws IOException {
        Decimal64 spot = new Decimal64(HestonSmile.PARAMS.spot());
        VolSurface<Decimal64> surface = Surfaces.withCarry(HestonSmile.axes(), Surfaces.lift(HestonSmile.vols(), spot,
                Decimal64::new), spot, HestonSmile.PARAMS.rate(), HestonSmile.PARAMS.dividend());
        RunSettings s = RunSettings.defaults(PATHS, 7).withThreads(2).withGreeks(Set.of("price"));
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "| steps x points | T | K | Heston | vol Heston | vol interp. | interp. err (price) | localvol MC +- SE"
                        + " | discr. err (MC - BS(interp.)) | z discr. |%n|---|---|---|---|---|---|---|---|---|---|%n"));
        double[] meanAbsZ = new double[REFINEMENTS.length];
        for (int c = 0; c < REFINEMENTS.length; c++) {
            int steps = REFINEMENTS[c][0];
            int points = REFINEMENTS[c][1];
            List<Trade> ts = trades(steps);
            int n = 0;
            for (Trade t0 : ts) {
                Trade t = new Trade(t0.id(), t0.product(), ((LocalVolModel) t0.model()).withPoints(points), t0.paths(),
                        t0.steps(), t0.seed(), t0.quantity(), t0.underlying());
                double tt = TIMES[n / STRIKES.length];
                double k = STRIKES[n % STRIKES.length];
                n++;
                double heston = HestonFormula.price(() -> 1.0, HestonSmile.PARAMS, k, tt);
                double volH = HestonSmile.impliedVol(k, tt);
                double volI = surface.impliedVol(new Decimal64(k), tt).getReal();
                double interp = bs(k, tt, volI);
                TradeResult r = GreeksEngine.price(t, Method.ADJOINT, s);
                double mc = r.get("price");
                double se = r.get("price_stderr");
                double discr = mc - interp;
                meanAbsZ[c] += Math.abs(discr / se) / ts.size();
                table.append(String.format(Locale.ROOT, "| %d x %d | %.2f | %.1f | %.4f | %.4f | %.4f | %+.4f | %.4f +- %.4f"
                        + " | %+.4f | %+.1f |%n", steps, points, tt, k, heston, volH, volI, interp - heston, mc, se, discr,
                        discr / se));
                if (c == REFINEMENTS.length - 1) {
                    double allowance = 4 * se + 0.0025 * bsVega(k, tt, volH);
                    assertTrue(Math.abs(mc - heston) <= allowance, String.format(Locale.ROOT,
                            "T %.2f K %.1f: localvol %.5f vs Heston %.5f, |diff| %.5f > 4 SE + 0.25 vol pt %.5f", tt, k,
                            mc, heston, Math.abs(mc - heston), allowance));
                }
            }
        }
        System.out.println(table);
        for (int c = 0; c < REFINEMENTS.length; c++) {
            System.out.printf(Locale.ROOT, "steps x points %d x %d: mean |discretisation error| / SE %.2f%n",
                    REFINEMENTS[c][0], REFINEMENTS[c][1], meanAbsZ[c]);
        }
        // the coarsest grid's discretisation error is seen above the noise, the finest's is not
        // pure noise gives a mean |z| near 0.8: the coarsest grid's error is seen well above it (4.2
        // measured), the finest's is noise (0.95), and it shrinks in between (2.25, 1.07)
        assertTrue(meanAbsZ[0] > 3, "coarse: " + meanAbsZ[0]);
        assertTrue(meanAbsZ[REFINEMENTS.length - 1] < 2.5, "fine: " + meanAbsZ[REFINEMENTS.length - 1]);
        assertTrue(meanAbsZ[0] > meanAbsZ[1] && meanAbsZ[1] > meanAbsZ[REFINEMENTS.length - 1], "shrinks");
    }
}
