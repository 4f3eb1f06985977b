package dev.adjointgreeks.libor;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.adjointgreeks.model.ModelDescriptor;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.Underlying;
import dev.adjointgreeks.spec.FieldException;
import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.spec.Input;
import dev.adjointgreeks.spec.Range;
import dev.adjointgreeks.spec.Role;

/**
 * The LIBOR market model as a scenario names it, word {@link LiborMarket#NAME}, in JSON:
 * <pre>
 *   "forward_rate": [0.05, ...],   N initial forward rates L_0 .. L_{N-1}, each &gt; 0
 *   "lambda":       [0.2, ...],    N volatilities lambda_0 .. lambda_{N-1}, each &gt; 0
 *   "accrual":      0.25,          delta, &gt; 0
 * </pre>
 * The swaption book priced under it is {@link SwaptionPortfolioDescriptor}. Every refusal is a
 * {@link FieldException} naming the field (and element, 1-based).
 */
public final class LiborDescriptor implements ModelDescriptor {

    private static final List<Input> INPUTS = List.of(
            Input.list("forward_rate", "forward_rate", Role.FORWARD_RATE).range(Range.aboveTo(0, 1),
                    "the lognormal LIBOR model needs positive rates (it carries log(delta L)); 100% a period is beyond"
                            + " any quoted curve"),
            Input.list("lambda", "lambda", Role.FORWARD_VOLATILITY).range(Range.aboveTo(0, 2),
                    "a lognormal rate vol of 200% a year is beyond any cap or swaption market"),
            Input.number("accrual", Role.MODEL_PARAMETER).range(Range.closed(1.0 / 365, 1),
                    "from daily to annual periods (years)"));

    @Override
    public String word() {
        return LiborMarket.NAME;
    }

    @Override
    public Set<Underlying> underlyings() {
        return EnumSet.of(Underlying.FORWARD_RATES);
    }

    @Override
    public List<Input> inputs(Underlying u) {
        return INPUTS;
    }

    @Override
    public PathModel create(Fields f, Underlying u) {
        return market(f);
    }

    /** The market of a row. */
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

    private static void positive(double[] v, String column) {
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0) || !Double.isFinite(v[i])) {
                throw new FieldException(column + "[" + (i + 1) + "]", "must be > 0 and finite", Double.toString(v[i]));
            }
        }
    }
}
