package dev.adjointgreeks.surface;

import java.util.List;

import org.apache.commons.math3.analysis.solvers.BrentSolver;

import dev.adjointgreeks.closedform.BlackScholesFormula;
import dev.adjointgreeks.closedform.CallPut;
import dev.adjointgreeks.closedform.HestonFormula;

/**
 * A smile from a known model, kept as a fixture for the localvol repricing test: Heston implied
 * vols from the closed form ({@link HestonFormula}), inverted through Black-Scholes with Brent's
 * method, on 5 expiries x 9 absolute strikes. Feller holds ({@code 2 kappa theta = 0.18 > xi^2 =
 * 0.16}); rho = -0.7 gives an equity skew that still turns up at the high strikes.
 */
final class HestonSmile {

    static final HestonFormula.Params PARAMS = new HestonFormula.Params(100.0, 0.04, 2.0, 0.045, 0.4, -0.7, 0.03,
            0.01);
    static final List<String> EXPIRIES = List.of("3M", "6M", "1Y", "18M", "2Y");
    static final List<String> STRIKES = List.of("70", "80", "90", "95", "100", "105", "110", "120", "130");

    private static final CallPut CALL = () -> 1.0;
    private static final CallPut PUT = () -> -1.0;
    /** Brent to 1e-14 in vol: the inversion is then as exact as the Heston price (~1e-12 relative). */
    private static final BrentSolver BRENT = new BrentSolver(1e-14, 1e-14);

    private HestonSmile() {
    }

    static SurfaceAxes axes() {
        return SurfaceAxes.parse(EXPIRIES, STRIKES, StrikeKind.ABSOLUTE);
    }

    /** The quotes: Heston's implied vol at every node. */
    static double[][] vols() {
        return vols(axes());
    }

    /** The 10 x 10 shape of the bench case: 3M to 5Y, strikes 75 to 138. */
    static final List<String> BENCH_EXPIRIES = List.of("3M", "4M", "6M", "9M", "1Y", "15M", "18M", "2Y", "3Y", "5Y");
    static final List<String> BENCH_STRIKES = List.of("75", "82", "89", "96", "103", "110", "117", "124", "131", "138");

    /** Heston's implied vols on any axes of absolute strikes. */
    static double[][] vols(SurfaceAxes axes) {
        double[][] v = new double[axes.expiryCount()][axes.strikeCount()];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v[i].length; j++) {
                v[i][j] = impliedVol(axes.strike(j), axes.expiry(i));
            }
        }
        return v;
    }

    /** The forward {@code S e^{(r - q) T}}. */
    static double forward(double t) {
        return PARAMS.spot() * Math.exp((PARAMS.rate() - PARAMS.dividend()) * t);
    }

    /** Heston's Black-Scholes implied vol at any strike and expiry, from the out-of-the-money option. */
    static double impliedVol(double strike, double t) {
        CallPut type = strike >= forward(t) ? CALL : PUT;
        double target = HestonFormula.price(type, PARAMS, strike, t);
        return BRENT.solve(200, vol -> BlackScholesFormula.price(type, PARAMS.spot(), strike, t, PARAMS.rate(),
                PARAMS.dividend(), vol) - target, 1e-3, 3.0, 0.2);
    }
}
