package dev.adjointgreeks.libor;

import java.util.List;

import dev.adjointgreeks.scenario.FieldException;
import dev.adjointgreeks.scenario.Fields;
import dev.adjointgreeks.scenario.MarketRanges;

/**
 * The scenario schema of the LIBOR swaption book (product word {@code swaption-portfolio}), in JSON:
 * <pre>
 *   "forward_rate": [0.05, ...],   N initial forward rates L_0 .. L_{N-1}, each &gt; 0
 *   "lambda":       [0.2, ...],    N volatilities lambda_0 .. lambda_{N-1}, each &gt; 0
 *   "accrual":      0.25,          delta, &gt; 0
 *   "expiry":       40,            Nmat, the swaptions' common expiry in steps (periods), 1 .. N-1
 *   "swaptions":    [[4, 0.045], ...]   one row per payer swaption: [swap length in periods, strike]
 *   "notional":     100            optional, default 100
 * </pre>
 * Every refusal is a {@link FieldException} naming the field (and element, 1-based).
 */
public final class LiborScenario {

    /** The JSON keys of a LIBOR trade besides the common ones (id, product, model, paths, seed, ...). */
    public static final List<String> KEYS = List.of("forward_rate", "lambda", "accrual", "expiry",
            "swaptions", "notional");

    public static final String PRODUCT = "swaption-portfolio";
    public static final String MODEL = "libor";

    static {
        // Plausible inputs (README, "Input ranges"); the positivity checks below stay as they are.
        MarketRanges.register(MODEL, List.of(
                new MarketRanges.Range("forward_rate", 0, true, 1, false),
                new MarketRanges.Range("lambda", 0, true, 2, false),
                MarketRanges.closed("accrual", 1.0 / 365, 1)));
    }

    private LiborScenario() {
    }

    /** Makes sure the LIBOR model's input ranges are registered (class initialisation does it). */
    public static void registerRanges() {
        // the static initialiser has run by the time this body executes
    }

    public static LiborMarket market(Fields f) {
        double[] rates = f.numbers("forward_rate");
        double[] lambda = f.numbers("lambda");
        if (rates.length < 2) {
            throw new FieldException("forward_rate", "needs at least 2 rates (found " + rates.length + ")", null);
        }
        if (lambda.length != rates.length) {
            throw new FieldException("lambda", "must have one volatility per forward rate (" + rates.length
                    + " forward rates, " + lambda.length + " volatilities)", null);
        }
        positive(rates, "forward_rate");
        positive(lambda, "lambda");
        double accrual = f.number("accrual");
        if (!(accrual > 0)) {
            throw new FieldException("accrual", "must be > 0", f.text("accrual"));
        }
        return new LiborMarket(rates, lambda, accrual);
    }

    public static SwaptionPortfolio portfolio(Fields f, LiborMarket market) {
        int n = market.size();
        int expiry = f.positiveInt("expiry", -1);
        if (expiry < 0) {
            throw new FieldException("expiry", "is required (the swaptions' expiry in periods)", null);
        }
        if (expiry >= n) {
            throw new FieldException("expiry", "must be before the last forward rate (N = " + n + ")", f.text("expiry"));
        }
        double[][] rows = f.matrix("swaptions");
        if (rows.length == 0) {
            throw new FieldException("swaptions", "must list at least one swaption as [length, strike]", null);
        }
        int[] lengths = new int[rows.length];
        double[] strikes = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            String name = "swaptions[" + (k + 1) + "]";
            if (rows[k].length != 2) {
                throw new FieldException(name, "must be [length in periods, strike]", java.util.Arrays.toString(rows[k]));
            }
            double length = rows[k][0];
            if (length != Math.rint(length) || length < 1) {
                throw new FieldException(name + "[1]", "the swap length must be a whole number of periods >= 1",
                        Double.toString(length));
            }
            if (expiry + length > n) {
                throw new FieldException(name + "[1]", "the swap runs past the curve: expiry " + expiry
                        + " + length must be <= " + n + " forward rates", Double.toString(length));
            }
            if (!Double.isFinite(rows[k][1])) {
                throw new FieldException(name + "[2]", "the strike must be a finite number", Double.toString(rows[k][1]));
            }
            lengths[k] = (int) length;
            strikes[k] = rows[k][1];
        }
        double notional = f.number("notional", 100.0);
        if (!(notional > 0)) {
            throw new FieldException("notional", "must be > 0", f.text("notional"));
        }
        SwaptionPortfolio p = new SwaptionPortfolio(expiry, lengths, strikes, notional);
        p.checkMarket(market);
        return p;
    }

    private static void positive(double[] v, String column) {
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0) || !Double.isFinite(v[i])) {
                throw new FieldException(column + "[" + (i + 1) + "]", "must be > 0 and finite", Double.toString(v[i]));
            }
        }
    }
}
