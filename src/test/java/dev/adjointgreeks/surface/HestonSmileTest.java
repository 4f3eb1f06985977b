package dev.adjointgreeks.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.util.Decimal64;
import org.junit.jupiter.api.Test;

/** The Heston fixture: a realistic smile passes every check and gives a positive local vol everywhere. */
class HestonSmileTest {

    private static final double[][] VOLS = HestonSmile.vols();

    private static VolSurface<Decimal64> surface() {
        Decimal64 spot = new Decimal64(HestonSmile.PARAMS.spot());
        return Surfaces.withCarry(HestonSmile.axes(), Surfaces.lift(VOLS, spot, Decimal64::new), spot,
                HestonSmile.PARAMS.rate(), HestonSmile.PARAMS.dividend());
    }

    @Test
    void passesTheArbitrageChecksAndBuildsAPositiveLocalVolGrid() {
        VolSurface<Decimal64> s = surface();
        double[] times = new double[51];
        for (int n = 0; n < times.length; n++) {
            times[n] = 0.05 * n;                          // 0 to 2.5, past the last expiry
        }
        LocalVolGrid<Decimal64> grid = LocalVolGrid.build(s, times, LocalVolGrid.Axis.ofSpots(30, 300, 101));
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double v : grid.values()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        assertTrue(lo > 0.05 && hi < 1.5, "local vol in [" + lo + ", " + hi + "]");
    }

    @Test
    void theBenchShapedTenByTenSurfacePassesAndBuildsOnAWideGrid() {
        // Its 3M smile turns up at the high strikes, its 4M one less: their linear wings cross near
        // spot 195, which Dupire would see as a calendar arbitrage were local vol not flat beyond
        // the quoted strikes (LocalVolGrid).
        SurfaceAxes axes = SurfaceAxes.parse(HestonSmile.BENCH_EXPIRIES, HestonSmile.BENCH_STRIKES,
                StrikeKind.ABSOLUTE);
        Decimal64 spot = new Decimal64(HestonSmile.PARAMS.spot());
        VolSurface<Decimal64> s = Surfaces.withCarry(axes, Surfaces.lift(HestonSmile.vols(axes), spot,
                Decimal64::new), spot, HestonSmile.PARAMS.rate(), HestonSmile.PARAMS.dividend());
        double[] times = new double[104];
        for (int n = 0; n < times.length; n++) {
            times[n] = n / 104.0;
        }
        LocalVolGrid<Decimal64> grid = LocalVolGrid.build(s, times, LocalVolGrid.Axis.ofSpots(25, 400, 101));
        for (double v : grid.values()) {
            assertTrue(v > 0.05 && v < 1.5, "local vol " + v);
        }
        assertTrue(s.localVariance(new Decimal64(Math.log(195.0 / HestonSmile.forward(0.25))), 0.25).getReal() < 0,
                "the wings do cross");
    }

    @Test
    void theQuotesAreHestonsImpliedVols() {
        // a skew: falling through the money at every expiry
        for (double[] row : VOLS) {
            assertTrue(row[0] > row[4] && row[4] > row[6], java.util.Arrays.toString(row));
        }
        // the inversion: Black-Scholes at the quote gives back Heston's price
        SurfaceAxes axes = HestonSmile.axes();
        for (int i = 0; i < axes.expiryCount(); i++) {
            for (int j = 0; j < axes.strikeCount(); j++) {
                double t = axes.expiry(i);
                double k = axes.strike(j);
                assertEquals(VOLS[i][j], HestonSmile.impliedVol(k, t), 0.0, "deterministic");
                double heston = dev.adjointgreeks.closedform.HestonFormula.price(() -> 1.0, HestonSmile.PARAMS, k, t);
                double bs = dev.adjointgreeks.closedform.BlackScholesFormula.price(() -> 1.0, 100, k, t, 0.03, 0.01,
                        VOLS[i][j]);
                // put-call parity moves the OTM put's inversion to the call: rounding of prices ~100
                assertEquals(heston, bs, 1e-10, axes.quoteLabel(i, j));
            }
        }
    }

    @Test
    void interpolationErrorBetweenTheNodes() {
        VolSurface<Decimal64> s = surface();
        SurfaceAxes axes = s.axes();
        double worst = 0;
        String where = "";
        for (int i = 0; i < axes.expiryCount(); i++) {
            double[] ts = i == 0 ? new double[] {axes.expiry(0)}
                    : new double[] {axes.expiry(i), 0.5 * (axes.expiry(i - 1) + axes.expiry(i))};
            for (double t : ts) {
                for (int j = 0; j + 1 < axes.strikeCount(); j++) {
                    double k = 0.5 * (axes.strike(j) + axes.strike(j + 1));
                    double err = s.impliedVol(new Decimal64(k), t).getReal() - HestonSmile.impliedVol(k, t);
                    if (Math.abs(err) > Math.abs(worst)) {
                        worst = err;
                        where = "K=" + k + " T=" + t;
                    }
                }
            }
        }
        System.out.println("Heston smile: largest interpolation error between nodes " + worst + " at " + where);
        assertTrue(Math.abs(worst) < 0.0025, worst + " at " + where);
    }
}
