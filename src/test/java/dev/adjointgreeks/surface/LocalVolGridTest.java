package dev.adjointgreeks.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.Decimal64;
import org.junit.jupiter.api.Test;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Dual;
import dev.adjointgreeks.ad.Tape;

/** Dupire on the grid: flat and term-structure surfaces against their closed forms; the grid's own checks. */
class LocalVolGridTest {

    /** Step starts from 0 through every expiry of the fixture and past the last. */
    private static final double[] TIMES = {0.0, 0.05, 0.25, 0.3, 0.5, 0.6, 1.0, 1.4, 2.0, 2.5, 3.5};
    /** Spots 20 to 500: far beyond the quoted 70 to 130 on both sides. */
    private static final LocalVolGrid.Axis AXIS = LocalVolGrid.Axis.ofSpots(20, 500, 121);

    private static VolSurface<Decimal64> decimal(StrikeKind kind, double[][] vols) {
        Decimal64 spot = new Decimal64(SkewFixture.SPOT);
        return Surfaces.withCarry(SkewFixture.axes(kind), Surfaces.lift(vols, spot, Decimal64::new), spot,
                SkewFixture.RATE, SkewFixture.DIVIDEND);
    }

    @Test
    void aFlatSurfaceGivesFlatLocalVolEverywhereOnTheGrid() {
        for (StrikeKind kind : StrikeKind.values()) {
            LocalVolGrid<Decimal64> grid = LocalVolGrid.build(decimal(kind, Surfaces.flat(4, 7, 0.2)), TIMES, AXIS);
            for (int n = 0; n < TIMES.length; n++) {
                for (int j = 0; j < AXIS.points(); j++) {
                    assertEquals(0.2, grid.at(n, j).getReal(), 1e-10, kind + " t=" + TIMES[n] + " x=" + AXIS.at(j));
                }
            }
        }
    }

    @Test
    void aTermStructureGivesTheForwardVarianceBetweenExpiries() {
        double[] sigma = {0.25, 0.22, 0.20, 0.21};
        double[] expiry = {0.25, 0.5, 1.0, 2.0};
        double[][] vols = new double[4][7];
        for (int i = 0; i < 4; i++) {
            java.util.Arrays.fill(vols[i], sigma[i]);
        }
        LocalVolGrid<Decimal64> grid = LocalVolGrid.build(decimal(StrikeKind.ABSOLUTE, vols), TIMES, AXIS);
        for (int n = 0; n < TIMES.length; n++) {
            double t = TIMES[n];
            // d(sigma^2 T)/dT of the piecewise-linear total variance, taken to the right of t
            double expected;
            if (t < expiry[0]) {
                expected = sigma[0] * sigma[0];
            } else if (t >= expiry[3]) {
                expected = sigma[3] * sigma[3];
            } else {
                int i = 0;
                while (expiry[i + 1] <= t) {
                    i++;
                }
                expected = (sigma[i + 1] * sigma[i + 1] * expiry[i + 1] - sigma[i] * sigma[i] * expiry[i])
                        / (expiry[i + 1] - expiry[i]);
            }
            for (int j = 0; j < AXIS.points(); j++) {
                double v = grid.at(n, j).getReal();
                // a difference of two total variances of the same size: a few ulps of w / (w2 - w1) <= 10
                assertEquals(expected, v * v, 1e-14, "t=" + t + " x=" + AXIS.at(j));
            }
        }
    }

    @Test
    void theGridRejectsACalendarArbitrageBetweenNodesThatTheNodeChecksDoNotSee() {
        // No forward variance from 6M to 1Y but at 100, where 1Y's total variance has a small spike:
        // every node passes, but 1Y's spline overshoots below 6M's flat w beside the spike.
        SurfaceAxes axes = SurfaceAxes.parse(List.of("6M", "1Y"), List.of("80", "90", "100", "110", "120"),
                StrikeKind.ABSOLUTE);
        double[] w1 = {0.0201, 0.0201, 0.024, 0.0201, 0.0201};
        double[][] vols = new double[2][5];
        for (int j = 0; j < 5; j++) {
            vols[0][j] = 0.2;
            vols[1][j] = Math.sqrt(w1[j]);
        }
        Decimal64 spot = new Decimal64(100);
        VolSurface<Decimal64> s = VolSurface.of(axes, Surfaces.lift(vols, spot, Decimal64::new), spot, t -> spot);
        LocalVolGrid.Axis axis = LocalVolGrid.Axis.ofSpots(80, 120, 41);
        LocalVolGrid.build(s, new double[] {0.0, 0.25}, axis);                        // fine before 6M
        SurfaceException e = assertThrows(SurfaceException.class,
                () -> LocalVolGrid.build(s, new double[] {0.0, 0.25, 0.5}, axis));
        int first = 0;
        while (s.localVariance(new Decimal64(axis.at(first) - Math.log(100)), 0.5).getReal() > 0) {
            first++;
        }
        double spotAt = Math.exp(axis.at(first));
        assertTrue(spotAt > 80 && spotAt < 90 || spotAt > 110 && spotAt < 120, "between nodes: " + spotAt);
        double v = s.localVariance(new Decimal64(axis.at(first) - Math.log(100)), 0.5).getReal();
        assertEquals("vol_surface", e.column());
        assertEquals("no local volatility at time 0.5, spot " + SurfaceChecks.fmt(spotAt) + " (Dupire's local variance "
                + SurfaceChecks.fmt(v) + "): calendar or butterfly arbitrage between the surface's nodes", e.getMessage());
    }

    @Test
    void localVolIsFlatInSpotBeyondTheQuotedStrikes() {
        // Beyond the quoted strikes each grid row repeats Dupire at the edge strike (the same
        // arithmetic: ln K - ln F(t)), not Dupire on the wings.
        boolean differs = false;
        for (StrikeKind kind : StrikeKind.values()) {
            VolSurface<Decimal64> s = decimal(kind, SkewFixture.VOLS);
            LocalVolGrid<Decimal64> grid = LocalVolGrid.build(s, TIMES, AXIS);
            double lowSpot = s.strike(0).getReal();
            double highSpot = s.strike(6).getReal();
            for (int n = 0; n < TIMES.length; n++) {
                Decimal64 logForward = s.forward(TIMES[n]).log();
                double below = Math.sqrt(s.localVariance(s.strike(0).log().subtract(logForward), TIMES[n]).getReal());
                double above = Math.sqrt(s.localVariance(s.strike(6).log().subtract(logForward), TIMES[n]).getReal());
                for (int j = 0; j < AXIS.points(); j++) {
                    double spot = Math.exp(AXIS.at(j));
                    double wing = s.localVariance(new Decimal64(AXIS.at(j)).subtract(logForward), TIMES[n]).getReal();
                    if (spot < lowSpot || spot > highSpot) {
                        differs |= Math.abs(Math.sqrt(Math.max(wing, 0)) - grid.at(n, j).getReal()) > 1e-3;
                    }
                    if (spot < lowSpot) {
                        assertEquals(below, grid.at(n, j).getReal(), 0.0, kind + " t=" + TIMES[n] + " S=" + spot);
                    } else if (spot > highSpot) {
                        assertEquals(above, grid.at(n, j).getReal(), 0.0, kind + " t=" + TIMES[n] + " S=" + spot);
                    }
                }
            }
        }
        assertTrue(differs, "Dupire on the wings would have given other values");
    }

    @Test
    void theLookupIsPiecewiseLinearInLogSpotAndFlatBeyondTheAxis() {
        LocalVolGrid.Axis axis = new LocalVolGrid.Axis(Math.log(50), 0.1, 9);
        double[] grid = new double[2 * 9];
        Random rng = new Random(7);
        for (int i = 0; i < grid.length; i++) {
            grid[i] = 0.1 + 0.3 * rng.nextDouble();
        }
        int lanes = 64;
        double[] x = new double[lanes];
        for (int l = 0; l < lanes; l++) {
            x[l] = axis.first() - 0.3 + 1.4 * (l + 0.37) / lanes;   // below, across and above the axis, off its points
        }
        x[5] = axis.at(3);                                           // exactly on a grid point
        double[] out = new double[lanes];
        double[] slope = new double[lanes];
        int[] cell = new int[lanes];
        double[] weight = new double[lanes];
        int row = 9;
        GridLookup.lookup(grid, row, axis, x, lanes, out, slope, cell, weight);
        double h = 1e-7;
        for (int l = 0; l < lanes; l++) {
            assertEquals(GridLookup.value(grid, row, axis, x[l]), out[l], 0.0, "lane " + l);
            double u = (x[l] - axis.first()) / axis.step();
            if (u <= 0) {
                assertEquals(grid[row], out[l], 0.0, "flat below");
                assertEquals(0.0, slope[l], 0.0);
            } else if (u >= 8) {
                assertEquals(grid[row + 8], out[l], 0.0, "flat above");
                assertEquals(0.0, slope[l], 0.0);
            } else {
                int i = (int) Math.floor(u);
                double a = u - i;
                assertEquals((1 - a) * grid[row + i] + a * grid[row + i + 1], out[l], 1e-16);
                // the value is linear in the cell: a one-sided difference inside it is exact up to rounding
                double fd = (GridLookup.value(grid, row, axis, x[l] + h) - out[l]) / h;
                assertEquals(fd, slope[l], 1e-7, "slope, lane " + l);
            }
        }
        assertEquals(3, cell[5]);
        // (x - first) / step rounds to a few ulps of 3
        assertEquals(0.0, weight[5], 1e-14);
        assertEquals(grid[row + 3], out[5], 1e-14, "a grid point returns its own value");

        // the scatter is the transpose of the lookup: <bar, lookup(g)> == <scatter(bar), g> for any g
        double[] bar = new double[lanes];
        for (int l = 0; l < lanes; l++) {
            bar[l] = rng.nextGaussian();
        }
        double[] adj = new double[grid.length];
        GridLookup.scatter(adj, row, cell, weight, bar, lanes);
        for (int p = 0; p < grid.length; p++) {
            double[] e = new double[grid.length];
            e[p] = 1.0;
            double[] ep = new double[lanes];
            GridLookup.lookup(e, row, axis, x, lanes, ep, new double[lanes], new int[lanes], new double[lanes]);
            double expected = 0;
            for (int l = 0; l < lanes; l++) {
                expected += bar[l] * ep[l];
            }
            assertEquals(expected, adj[p], 1e-14, "grid value " + p);
        }
    }

    /**
     * The integration contract: paths read the grid as doubles, the lookups' adjoints scatter into one
     * array, and one reverse sweep of the setup tape takes it to every quote and the spot. Checked
     * against forward mode through the same lookups written on the field.
     */
    @Test
    void theScatteredAdjointReversedThroughDupireGivesEveryQuotesSensitivity() {
        int inputs = 4 * 7 + 1;
        double[] point = new double[inputs];
        for (int i = 0; i < 4; i++) {
            System.arraycopy(SkewFixture.VOLS[i], 0, point, i * 7, 7);
        }
        point[4 * 7] = SkewFixture.SPOT;
        double[] times = {0.0, 0.2, 0.45, 0.7, 1.1, 1.6};
        LocalVolGrid.Axis axis = LocalVolGrid.Axis.ofSpots(40, 250, 41);
        Random rng = new Random(11);
        int lanes = 16;
        double[][] x = new double[times.length][lanes];
        for (double[] row : x) {
            for (int l = 0; l < lanes; l++) {
                row[l] = Math.log(100) + 0.5 * rng.nextGaussian();
            }
        }

        // reverse: doubles on the paths, one sweep through the setup
        Tape tape = new Tape();
        Adj[] in = tape.inputs(point);
        LocalVolGrid<Adj> grid = LocalVolGrid.build(moneynessSurface(in), times, axis);
        double[] g = grid.values();
        double[] gridAdjoint = new double[g.length];
        double[] out = new double[lanes];
        int[] cell = new int[lanes];
        double[] weight = new double[lanes];
        double[] bar = new double[lanes];
        for (int n = 0; n < times.length; n++) {
            GridLookup.lookup(g, n * axis.points(), axis, x[n], lanes, out, new double[lanes], cell, weight);
            for (int l = 0; l < lanes; l++) {
                bar[l] = 2 * out[l] * (n + 1);      // d/d sigma of sum_n (n + 1) sigma^2
            }
            GridLookup.scatter(gridAdjoint, n * axis.points(), cell, weight, bar, lanes);
        }
        double[] reverse = tape.vectorJacobianProduct(grid.fieldValues(), gridAdjoint);

        double scale = 0;
        for (double r : reverse) {
            scale = Math.max(scale, Math.abs(r));
        }
        assertTrue(scale > 0);
        for (int p = 0; p < inputs; p++) {
            Dual[] d = new Dual[inputs];
            for (int q = 0; q < inputs; q++) {
                d[q] = q == p ? Dual.variable(point[q]) : Dual.constant(point[q]);
            }
            LocalVolGrid<Dual> dg = LocalVolGrid.build(moneynessSurface(d), times, axis);
            Dual f = Dual.constant(0);
            for (int n = 0; n < times.length; n++) {
                for (int l = 0; l < lanes; l++) {
                    Dual s = fieldLookup(dg, n, axis, x[n][l]);
                    f = f.add(s.multiply(s).multiply(n + 1));
                }
            }
            // forward and reverse through the same rules: rounding only
            assertEquals(f.tangent(), reverse[p], 1e-13 * scale, "input " + p);
        }
    }

    private static <T extends RealFieldElement<T>> VolSurface<T> moneynessSurface(T[] in) {
        T[][] vols = org.apache.commons.math3.util.MathArrays.buildArray(in[0].getField(), 4, 7);
        for (int i = 0; i < 4; i++) {
            System.arraycopy(in, i * 7, vols[i], 0, 7);
        }
        return Surfaces.withCarry(SkewFixture.axes(StrikeKind.MONEYNESS), vols, in[28], SkewFixture.RATE,
                SkewFixture.DIVIDEND);
    }

    /** The lookup written naively on the field: the oracle for the double lookup and its scatter. */
    private static <T extends RealFieldElement<T>> T fieldLookup(LocalVolGrid<T> grid, int n, LocalVolGrid.Axis axis,
            double x) {
        double u = (x - axis.first()) / axis.step();
        if (u <= 0) {
            return grid.at(n, 0);
        }
        if (u >= axis.points() - 1) {
            return grid.at(n, axis.points() - 1);
        }
        int i = (int) Math.floor(u);
        double a = u - i;
        return grid.at(n, i).multiply(1 - a).add(grid.at(n, i + 1).multiply(a));
    }
}
