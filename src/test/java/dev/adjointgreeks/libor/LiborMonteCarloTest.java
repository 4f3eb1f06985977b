package dev.adjointgreeks.libor;

import static dev.adjointgreeks.libor.LiborFixtures.BOOK;
import static dev.adjointgreeks.libor.LiborFixtures.INPUTS;
import static dev.adjointgreeks.libor.LiborFixtures.MARKET;
import static dev.adjointgreeks.libor.LiborFixtures.N;
import static dev.adjointgreeks.libor.LiborFixtures.normals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Monte Carlo properties of the LIBOR case: bumps, the drift (bond prices), convergence. */
class LiborMonteCarloTest {

    private static final double SIGMAS = 4.0;

    private final double[] x = MARKET.inputValues();

    /** Mean and standard error of the mean. */
    private record Estimate(double mean, double stderr) {
        static Estimate of(double sum, double sumSq, long n) {
            double mean = sum / n;
            double var = Math.max(0.0, (sumSq - n * mean * mean) / (n - 1));
            return new Estimate(mean, Math.sqrt(var / n));
        }
    }

    @Test
    void engineAdjointEqualsCentralDifferencesOnTheSamePathsForASampleOfTheSensitivities() {
        String[] names = MARKET.inputNames();
        int[] sample = {0, 9, 39, 40, 59, 79, N, N + 19, N + 38, N + 39, N + 78, N + 79, 2 * N};
        int paths = 1500;
        double[][] z = normals(21, 0, paths);
        LiborFixtures.EngineAdjoint engine = new LiborFixtures.EngineAdjoint(x);
        double[][] adjoint = new double[paths][];
        for (int p = 0; p < paths; p++) {
            adjoint[p] = new double[INPUTS];
            engine.priceAndGradient(z[p], adjoint[p]);
        }
        for (int i : sample) {
            double h = 1e-4 * Math.abs(x[i]);
            double[] up = x.clone();
            double[] down = x.clone();
            up[i] += h;
            down[i] -= h;
            LiborPrimal fu = new LiborPrimal(N, BOOK, up);
            LiborPrimal fd = new LiborPrimal(N, BOOK, down);
            double sum = 0;
            double sumSq = 0;
            double adj = 0;
            for (int p = 0; p < paths; p++) {
                double diff = adjoint[p][i] - (fu.payoff(z[p]) - fd.payoff(z[p])) / (2 * h);
                sum += diff;
                sumSq += diff * diff;
                adj += adjoint[p][i];
            }
            Estimate d = Estimate.of(sum, sumSq, paths);
            adj /= paths;
            // central differences of a smooth expectation: truncation O(h^2), bounded by 1e-6 of the Greek
            double tol = SIGMAS * d.stderr() + 1e-6 * Math.max(1.0, Math.abs(adj));
            assertTrue(Math.abs(d.mean()) <= tol, String.format("%s: adjoint %.8g, bump differs by %.3g > %.3g (SE %.3g)",
                    names[i], adj, d.mean(), tol, d.stderr()));
        }
    }

    @Test
    void zeroCouponBondsImpliedByTheSimulationMatchTheInitialCurve() {
        int paths = 20_000;
        LiborPrimal primal = new LiborPrimal(N, BOOK, x);
        double[] sum = new double[N + 1];
        double[] sumSq = new double[N + 1];
        double[] bonds = new double[N + 1];
        for (double[] z : normals(31, 0, paths)) {
            primal.discountedBonds(z, bonds);
            for (int j = 0; j <= N; j++) {
                sum[j] += bonds[j];
                sumSq[j] += bonds[j] * bonds[j];
            }
        }
        double[] l0 = MARKET.forwardRates();
        double p = 1.0;
        double worst = 0;
        for (int j = 1; j <= N; j++) {
            p /= 1 + MARKET.accrual() * l0[j - 1];
            Estimate e = Estimate.of(sum[j], sumSq[j], paths);
            double zScore = (e.mean() - p) / Math.max(e.stderr(), 1e-300);
            worst = Math.max(worst, Math.abs(zScore));
            assertTrue(Math.abs(zScore) <= SIGMAS || Math.abs(e.mean() - p) <= 1e-12,
                    String.format("bond to T_%d: simulated %.8f, curve %.8f, SE %.3g", j, e.mean(), p, e.stderr()));
        }
        assertTrue(worst > 0, "the bonds after the first fixing are random");
    }

    @Test
    void thePriceConvergesAsThePathsGrow() {
        LiborPrimal primal = new LiborPrimal(N, BOOK, x);
        int[] counts = {1_000, 4_000, 16_000};
        Estimate[] est = new Estimate[counts.length];
        for (int c = 0; c < counts.length; c++) {
            double s = 0;
            double s2 = 0;
            for (double[] z : normals(41, c, counts[c])) {
                double v = primal.payoff(z);
                s += v;
                s2 += v * v;
            }
            est[c] = Estimate.of(s, s2, counts[c]);
        }
        Estimate ref = est[counts.length - 1];
        for (int c = 0; c + 1 < counts.length; c++) {
            double se = Math.hypot(est[c].stderr(), ref.stderr());
            assertTrue(Math.abs(est[c].mean() - ref.mean()) <= SIGMAS * se,
                    String.format("%d paths: %.6f vs %.6f at %d (SE %.3g)", counts[c], est[c].mean(), ref.mean(),
                            counts[counts.length - 1], se));
            double ratio = est[c].stderr() / est[c + 1].stderr();
            assertTrue(ratio > 1.6 && ratio < 2.5, "4x the paths halves the standard error: ratio " + ratio);
        }
    }
}
