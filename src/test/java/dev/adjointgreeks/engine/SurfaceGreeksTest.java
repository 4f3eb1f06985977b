package dev.adjointgreeks.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.adjointgreeks.closedform.BlackScholesFormula;
import dev.adjointgreeks.closedform.CallPut;
import dev.adjointgreeks.model.BlackScholesSurfaceModel;
import dev.adjointgreeks.scenario.JsonScenarioReader;
import dev.adjointgreeks.scenario.ScenarioRow;
import dev.adjointgreeks.surface.StrikeKind;
import dev.adjointgreeks.surface.SurfaceAxes;
import dev.adjointgreeks.surface.VolSurface;

/**
 * A European under Black-Scholes on a volatility surface: the closed form at the interpolated vol
 * (analytic exact, Monte Carlo within 4 standard errors), the quote sensitivities summing to
 * {@code vega_BS(sigma) * sum_q d sigma / d sigma_q} (1 on a flat surface: the flat vega), zero for
 * quotes beyond the first expiry at or after the maturity, bump against adjoint per quote, and the
 * sticky-strike and sticky-moneyness deltas.
 */
class SurfaceGreeksTest {

    /** A hand-written equity skew (4 expiries x 7 strikes; arbitrage-free at r 3%, q 1%). */
    static final String[] EXPIRIES = {"3M", "6M", "1Y", "2Y"};
    static final double[] TIMES = {0.25, 0.5, 1.0, 2.0};
    static final String[] STRIKES = {"70", "80", "90", "100", "110", "120", "130"};
    static final String[] MONEYNESS = {"0.7", "0.8", "0.9", "1.0", "1.1", "1.2", "1.3"};
    static final double[][] VOLS = {
        {0.320, 0.270, 0.225, 0.190, 0.165, 0.155, 0.158},
        {0.300, 0.260, 0.222, 0.192, 0.172, 0.162, 0.162},
        {0.280, 0.250, 0.220, 0.196, 0.180, 0.170, 0.167},
        {0.265, 0.242, 0.220, 0.201, 0.188, 0.179, 0.174},
    };
    static final double SPOT = 100;
    static final double RATE = 0.03;
    static final double DIVIDEND = 0.01;
    private static final Set<String> WANTED = Set.of("price", "delta", "vega", "theta", "d_strike", "d_vol_surface");

    @TempDir
    Path dir;

    static String surface(String axis, String[] strikes, double[][] vols) {
        StringBuilder s = new StringBuilder("{\"expiries\": [");
        for (int i = 0; i < EXPIRIES.length; i++) {
            s.append(i == 0 ? "" : ", ").append('"').append(EXPIRIES[i]).append('"');
        }
        s.append("], \"").append(axis).append("\": [").append(String.join(", ", strikes)).append("], \"vols\": [");
        for (int i = 0; i < vols.length; i++) {
            s.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < vols[i].length; j++) {
                s.append(j == 0 ? "" : ", ").append(vols[i][j]);
            }
            s.append(']');
        }
        return s.append("]}").toString();
    }

    private List<Trade> trades(String surface, String... trades) throws IOException {
        Path f = Files.createTempFile(dir, "surface", ".json");
        Files.writeString(f, "{\"markets\": {\"m\": {\"spot\": " + SPOT + ", \"rate\": " + RATE + ", \"dividend\": "
                + DIVIDEND + ", \"vol_surface\": " + surface + "}},\n\"trades\": [\n" + String.join(",\n", trades) + "]}");
        List<Trade> out = new ArrayList<>();
        for (ScenarioRow r : JsonScenarioReader.read(f, false).rows()) {
            assertInstanceOf(ScenarioRow.Parsed.class, r, () -> r instanceof ScenarioRow.Rejected j ? j.message() : "");
            out.add(((ScenarioRow.Parsed) r).trade());
        }
        return out;
    }

    static String european(String id, String type, double strike, double maturity) {
        return "{\"id\": \"" + id + "\", \"product\": \"european\", \"type\": \"" + type + "\", \"strike\": " + strike
                + ", \"maturity\": " + maturity + ", \"market\": \"m\", \"seed\": 5}";
    }

    private static RunSettings settings(long paths) {
        return RunSettings.defaults(paths, 7).withThreads(1).withGreeks(WANTED);
    }

    /**
     * The interpolated vol at (K, T) on forward-mode derivatives: value, and its partial derivative in
     * every quote (row-major), independently of the engines' tape.
     */
    static DerivativeStructure sigma(StrikeKind kind, double[][] vols, double strike, double maturity) {
        int n = vols.length * vols[0].length;
        DerivativeStructure[][] q = new DerivativeStructure[vols.length][vols[0].length];
        for (int i = 0; i < vols.length; i++) {
            for (int j = 0; j < vols[i].length; j++) {
                q[i][j] = new DerivativeStructure(n, 1, i * vols[i].length + j, vols[i][j]);
            }
        }
        SurfaceAxes axes = SurfaceAxes.parse(List.of(EXPIRIES), List.of(kind == StrikeKind.ABSOLUTE ? STRIKES : MONEYNESS),
                kind);
        DerivativeStructure spot = new DerivativeStructure(n, 1, SPOT);
        VolSurface<DerivativeStructure> s = VolSurface.of(axes, q, spot,
                t -> new DerivativeStructure(n, 1, SPOT * Math.exp((RATE - DIVIDEND) * t)));
        return s.impliedVol(new DerivativeStructure(n, 1, strike), maturity);
    }

    static double partialSum(DerivativeStructure sigma) {
        int n = sigma.getFreeParameters();
        double s = 0;
        for (int p = 0; p < n; p++) {
            int[] order = new int[n];
            order[p] = 1;
            s += sigma.getPartialDerivative(order);
        }
        return s;
    }

    private static double quoteSum(TradeResult r) {
        double s = 0;
        for (String e : EXPIRIES) {
            for (String k : STRIKES) {
                s += r.get("d_vol_surface_" + e + "_" + k);
            }
        }
        return s;
    }

    @Test
    void analyticIsTheClosedFormAtTheInterpolatedVolAndTheQuotesSumToItsVegaTimesTheFactor() throws IOException {
        double[][] cases = {{95, 0.75}, {118, 1.0}, {72, 0.1}, {104, 2.6}, {100, 0.5}};
        for (double[] c : cases) {
            Trade t = trades(surface("strikes", STRIKES, VOLS), european("e", "call", c[0], c[1])).get(0);
            assertInstanceOf(BlackScholesSurfaceModel.class, t.model());
            TradeResult a = GreeksEngine.price(t, Method.ANALYTIC, settings(2));
            DerivativeStructure sigma = sigma(StrikeKind.ABSOLUTE, VOLS, c[0], c[1]);
            BlackScholesFormula.Greeks bs = BlackScholesFormula.greeks(CallPut.CALL, SPOT, c[0], c[1], RATE, DIVIDEND,
                    sigma.getValue());
            String what = "K " + c[0] + " T " + c[1];
            assertEquals(bs.price(), a.get("price"), 1e-12 * bs.price(), what);
            double expected = bs.vega() * partialSum(sigma);
            assertEquals(expected, quoteSum(a), 1e-10 * Math.abs(expected), what);
            assertEquals(expected, a.get("vega"), 1e-10 * Math.abs(expected), what);
            // sticky strike: the spot moves the forward, and every node with it: delta is Black-Scholes'
            assertEquals(bs.delta(), a.get("delta"), 1e-10, what);
        }
    }

    @Test
    void aFlatSurfaceGivesTheFlatVegaAndQuotesBeyondTheMaturitysExpiryCarryZero() throws IOException {
        double[][] flat = new double[4][7];
        for (double[] row : flat) {
            java.util.Arrays.fill(row, 0.2);
        }
        for (double maturity : new double[] {0.4, 1.0, 1.3}) {
            Trade t = trades(surface("strikes", STRIKES, flat), european("f", "put", 97, maturity)).get(0);
            TradeResult a = GreeksEngine.price(t, Method.ANALYTIC, settings(2));
            BlackScholesFormula.Greeks bs = BlackScholesFormula.greeks(CallPut.PUT, SPOT, 97, maturity, RATE, DIVIDEND, 0.2);
            assertEquals(bs.price(), a.get("price"), 1e-12 * bs.price());
            assertEquals(1.0, partialSum(sigma(StrikeKind.ABSOLUTE, flat, 97, maturity)), 1e-12);
            assertEquals(bs.vega(), a.get("vega"), 1e-10 * bs.vega());
            assertEquals(bs.vega(), quoteSum(a), 1e-10 * bs.vega());
            TradeResult mc = GreeksEngine.price(t, Method.ADJOINT, settings(4000));
            int first = 0;
            while (TIMES[first] < maturity) {
                first++;
            }
            for (int i = 0; i < EXPIRIES.length; i++) {
                for (String k : STRIKES) {
                    String col = "d_vol_surface_" + EXPIRIES[i] + "_" + k;
                    if (i > first) {
                        assertEquals(0.0, a.get(col), col + " analytic at T " + maturity);
                        assertEquals(0.0, mc.get(col), col + " adjoint at T " + maturity);
                    }
                }
            }
            assertTrue(Math.abs(a.get("d_vol_surface_" + EXPIRIES[first] + "_100")) > 1, "the bracketing quotes carry it");
        }
    }

    @Test
    void monteCarloMatchesTheClosedFormAndBucketsSumToVegaOnTheSamePaths() throws IOException {
        for (String type : List.of("call", "put")) {
            Trade t = trades(surface("strikes", STRIKES, VOLS), european("m", type, 108, 1.4)).get(0);
            TradeResult a = GreeksEngine.price(t, Method.ANALYTIC, settings(2));
            TradeResult mc = GreeksEngine.price(t, Method.ADJOINT, settings(40_000));
            for (String g : List.of("price", "delta", "vega", "theta", "d_strike", "d_vol_surface_1Y_110",
                    "d_vol_surface_2Y_100")) {
                McAssert.within(type + " " + g, a.get(g), mc, g, 0.0);
            }
            assertEquals(mc.get("vega"), quoteSum(mc), 1e-10 * Math.abs(mc.get("vega")), type);
        }
    }

    @Test
    void bumpAgreesWithAdjointOnEveryQuote() throws IOException {
        Trade t = trades(surface("moneyness", MONEYNESS, VOLS), european("c", "call", 93, 0.8)).get(0);
        TradeResult r = GreeksEngine.price(t, Method.COMPARE, settings(20_000));
        int seen = 0;
        for (String k : r.values().keySet()) {
            if ((k.startsWith("d_vol_surface_") || k.startsWith("vega") || k.startsWith("delta")) && k.endsWith("_z")
                    && !k.endsWith("_z_analytic")) {
                McAssert.sameOnSamePaths(t.id(), r, k.substring(0, k.length() - 2));
                seen++;
            }
        }
        assertEquals(EXPIRIES.length * STRIKES.length + 2, seen);
    }

    @Test
    void stickyMoneynessMovesTheVolWithTheSpot() throws IOException {
        double strike = 92;
        double maturity = 0.8;
        Trade t = trades(surface("moneyness", MONEYNESS, VOLS), european("s", "call", strike, maturity)).get(0);
        TradeResult a = GreeksEngine.price(t, Method.ANALYTIC, settings(2));
        // the vol at K under spot S is the surface's at moneyness K / S: central differences of the
        // closed form through the interpolation, spot moving the nodes
        double h = 1e-3;
        double up = price(strike, maturity, SPOT + h);
        double down = price(strike, maturity, SPOT - h);
        assertEquals((up - down) / (2 * h), a.get("delta"), 1e-7);
        double sticky = BlackScholesFormula.greeks(CallPut.CALL, SPOT, strike, maturity, RATE, DIVIDEND,
                sigma(StrikeKind.MONEYNESS, VOLS, strike, maturity).getValue()).delta();
        assertTrue(Math.abs(a.get("delta") - sticky) > 1e-3, "the skew moves the delta: " + a.get("delta") + " vs " + sticky);
    }

    /** The closed form with a moneyness surface under spot {@code s}, all in doubles. */
    private static double price(double strike, double maturity, double s) {
        SurfaceAxes axes = SurfaceAxes.parse(List.of(EXPIRIES), List.of(MONEYNESS), StrikeKind.MONEYNESS);
        org.apache.commons.math3.util.Decimal64[][] q = new org.apache.commons.math3.util.Decimal64[4][7];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 7; j++) {
                q[i][j] = new org.apache.commons.math3.util.Decimal64(VOLS[i][j]);
            }
        }
        VolSurface<org.apache.commons.math3.util.Decimal64> v = VolSurface.of(axes, q,
                new org.apache.commons.math3.util.Decimal64(s),
                t -> new org.apache.commons.math3.util.Decimal64(s * Math.exp((RATE - DIVIDEND) * t)));
        double sigma = v.impliedVol(new org.apache.commons.math3.util.Decimal64(strike), maturity).getReal();
        return BlackScholesFormula.price(CallPut.CALL, s, strike, maturity, RATE, DIVIDEND, sigma);
    }
}
