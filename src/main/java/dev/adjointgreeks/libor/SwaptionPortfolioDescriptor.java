package dev.adjointgreeks.libor;

import java.util.List;
import java.util.Set;

import dev.adjointgreeks.model.Capability;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.Underlying;
import dev.adjointgreeks.product.Product;
import dev.adjointgreeks.product.ProductDescriptor;
import dev.adjointgreeks.spec.FieldException;
import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.spec.Input;
import dev.adjointgreeks.spec.Input.Shape;
import dev.adjointgreeks.spec.Role;

/**
 * The LIBOR swaption book as a scenario names it, word {@link SwaptionPortfolio#KIND}, in JSON:
 * <pre>
 *   "expiry":       40,            Nmat, the swaptions' common expiry in steps (periods), 1 .. N-1
 *   "swaptions":    [[4, 0.045], ...]   one row per payer swaption: [swap length in periods, strike]
 *   "notional":     100            optional, default 100
 * </pre>
 * It is written on forward rates: the {@link LiborDescriptor LIBOR model} prices it.
 */
public final class SwaptionPortfolioDescriptor implements ProductDescriptor {

    private static final List<Input> INPUTS = List.of(Input.term("expiry", Shape.SCALAR, Role.CONTRACT),
            Input.term("swaptions", Shape.MATRIX, Role.CONTRACT), Input.term("notional", Shape.SCALAR, Role.CONTRACT));

    @Override
    public String word() {
        return SwaptionPortfolio.KIND;
    }

    @Override
    public Underlying underlying() {
        return Underlying.FORWARD_RATES;
    }

    @Override
    public Set<Capability> needs() {
        return Set.of();
    }

    @Override
    public List<Input> inputs() {
        return INPUTS;
    }

    @Override
    public Product create(Fields f, PathModel model) {
        if (!(model instanceof LiborMarket market)) {
            throw new FieldException("model", "a swaption portfolio is priced under the " + LiborMarket.NAME
                    + " model only");
        }
        return portfolio(f, market);
    }

    /** The swaption book of a row, on {@code market}'s curve. */
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
}
