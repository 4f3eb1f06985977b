package dev.adjointgreeks.bench;

import static dev.adjointgreeks.model.MarketBlocks.DIVIDEND;
import static dev.adjointgreeks.model.MarketBlocks.RATE;
import static dev.adjointgreeks.model.MarketBlocks.SPOT;
import static dev.adjointgreeks.model.MarketBlocks.VOL;
import static dev.adjointgreeks.product.Product.MATURITY;
import static dev.adjointgreeks.product.Product.STRIKE;

import dev.adjointgreeks.model.BlackScholesModel;
import dev.adjointgreeks.model.InputBlock;
import dev.adjointgreeks.model.HestonModel;
import dev.adjointgreeks.model.InputLayout;
import dev.adjointgreeks.model.MarketBlocks;
import dev.adjointgreeks.model.MultiAssetModel;

/**
 * The primal floor: each benchmark case's price, hand-written in primitive doubles with the same
 * algorithm, the same normals and the same order of work as the field-generic pricer, and no
 * shortcut the other methods do not take. A kernel is set up once per input vector (the
 * bump-and-revalue engine sets up one per bumped input) and then evaluated path by path.
 */
public final class PrimalKernels {

    /** The input layouts of the cases' pricing problems: the model's blocks, then the product's. */
    private static final InputLayout STRIKE_AND_MATURITY = InputLayout.of(STRIKE, MATURITY);
    private static final InputLayout SINGLE = BlackScholesModel.INPUTS.then(STRIKE_AND_MATURITY);
    private static final InputLayout HESTON = HestonModel.INPUTS.then(STRIKE_AND_MATURITY);

    private PrimalKernels() {
    }

    /** One path's discounted payoff from its normals. */
    public interface Kernel {
        double payoff(double[] z);
    }

    /** European call, one exact step; inputs spot, vol, rate, dividend, strike, maturity. */
    public static Kernel european(double[] x) {
        double s = SINGLE.get(x, SPOT);
        double vol = SINGLE.get(x, VOL);
        double r = SINGLE.get(x, RATE);
        double q = SINGLE.get(x, DIVIDEND);
        double k = SINGLE.get(x, STRIKE);
        double t = SINGLE.get(x, MATURITY);
        double variance = vol * vol * t;
        double first = Math.log(s) + (r - q) * t - 0.5 * variance;
        double volSqrtT = vol * Math.sqrt(t);
        double df = Math.exp(-r * t);
        return z -> Math.max(Math.exp(first + volSqrtT * z[0]) - k, 0.0) * df;
    }

    /** Arithmetic Asian call on n fixings, one exact step per fixing; same inputs as European. */
    public static Kernel asian(double[] x, int n) {
        double s = SINGLE.get(x, SPOT);
        double vol = SINGLE.get(x, VOL);
        double r = SINGLE.get(x, RATE);
        double q = SINGLE.get(x, DIVIDEND);
        double k = SINGLE.get(x, STRIKE);
        double t = SINGLE.get(x, MATURITY);
        double dt = t / n;
        double stepVariance = vol * vol * dt;
        double drift = (r - q) * dt - 0.5 * stepVariance;
        double logS0 = Math.log(s);
        double volSqrtDt = vol * Math.sqrt(dt);
        double df = Math.exp(-r * dt * n);
        double w = 1.0 / n;
        return z -> {
            double l = logS0 + drift + volSqrtDt * z[0];
            double sum = w * Math.exp(l);
            for (int i = 1; i < n; i++) {
                l = l + drift + volSqrtDt * z[i];
                sum += w * Math.exp(l);
            }
            return Math.max(sum - k, 0.0) * df;
        };
    }

    /**
     * Basket call on n assets, one step, full Cholesky product; inputs spot_i, vol_i, dividend_i,
     * rate, corr_i_j, strike, maturity (the multi-asset model's order).
     */
    public static Kernel basket(double[] x, int n, double[] weights) {
        InputLayout in = MultiAssetModel.layout(n).then(STRIKE_AND_MATURITY);
        InputBlock spots = MarketBlocks.spots(n);
        InputBlock vols = MarketBlocks.vols(n);
        InputBlock dividends = MarketBlocks.dividends(n);
        double rate = in.get(x, RATE);
        double[][] corr = new double[n][n];
        for (int i = 0; i < n; i++) {
            corr[i][i] = 1.0;
            for (int j = i + 1; j < n; j++) {
                InputBlock c = MarketBlocks.correlations(n);
                corr[i][j] = in.get(x, c, c.pairIndex(i, j));
                corr[j][i] = corr[i][j];
            }
        }
        double k = in.get(x, STRIKE);
        double t = in.get(x, MATURITY);
        double[][] l = MultiAssetModel.cholesky(corr);
        double[] first = new double[n];
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            double vol = in.get(x, vols, i);
            double variance = vol * vol * t;
            first[i] = Math.log(in.get(x, spots, i)) + (rate - in.get(x, dividends, i)) * t - 0.5 * variance;
            double volSqrtT = vol * Math.sqrt(t);
            a[i] = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                a[i][j] = volSqrtT * l[i][j];
            }
        }
        double df = Math.exp(-rate * t);
        return z -> {
            double basket = 0.0;
            for (int i = 0; i < n; i++) {
                double[] row = a[i];
                double logS = first[i];
                for (int j = 0; j <= i; j++) {
                    logS += row[j] * z[j];
                }
                basket += weights[i] * Math.exp(logS);
            }
            return Math.max(basket - k, 0.0) * df;
        };
    }

    /**
     * Heston call by full-truncation Euler; inputs spot, v0, kappa, theta, xi, rho, rate,
     * dividend, strike, maturity.
     */
    public static Kernel heston(double[] x, int steps) {
        double logS0 = Math.log(HESTON.get(x, SPOT));
        double v0 = HESTON.get(x, HestonModel.V0);
        double kappa = HESTON.get(x, HestonModel.KAPPA);
        double theta = HESTON.get(x, HestonModel.THETA);
        double xi = HESTON.get(x, HestonModel.XI);
        double rho = HESTON.get(x, HestonModel.RHO);
        double r = HESTON.get(x, RATE);
        double q = HESTON.get(x, DIVIDEND);
        double k = HESTON.get(x, STRIKE);
        double t = HESTON.get(x, MATURITY);
        double dt = t / steps;
        double sqrtDt = Math.sqrt(dt);
        double carryDt = (r - q) * dt;
        double kappaThetaDt = kappa * theta * dt;
        double minusKappaDt = -kappa * dt;
        double xiRhoSqrtDt = xi * rho * sqrtDt;
        double xiRhoBarSqrtDt = xi * Math.sqrt(1 - rho * rho) * sqrtDt;
        double minusHalfDt = -0.5 * dt;
        double df = Math.exp(-r * dt * steps);
        return z -> {
            double l = logS0;
            double v = v0;
            for (int s = 0; s < steps; s++) {
                double z1 = z[2 * s];
                double z2 = z[2 * s + 1];
                double vPlus = v > 0 ? v : 0.0;
                double sqrtV = v > 0 ? Math.sqrt(v) : 0.0;
                l = l + carryDt + vPlus * minusHalfDt + sqrtV * (sqrtDt * z1);
                double shock = z1 * xiRhoSqrtDt + z2 * xiRhoBarSqrtDt;
                v = v + kappaThetaDt + minusKappaDt * vPlus + sqrtV * shock;
            }
            return Math.max(Math.exp(l) - k, 0.0) * df;
        };
    }
}
