package dev.adjointgreeks.curve;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.apache.commons.math3.RealFieldElement;

/**
 * A curve as read from a market file: its column ({@code discount_curve}, {@code dividend_curve}),
 * its pillars in strictly increasing time and one continuously compounded rate per pillar (zero
 * rates for a discount curve, yields for a dividend or borrow curve). Immutable.
 *
 * <p>{@link #parse} checks the structure and throws {@link CurveException} of kind
 * {@link CurveError.Kind#STRUCTURE}; {@link #rangeError} checks the values against a documented
 * range and returns the first fault of kind {@link CurveError.Kind#RANGE}, so the caller can reject
 * the market's trades rather than the file.
 */
public final class CurveQuotes {

    private final String column;
    private final List<Pillar> pillars;
    private final double[] times;
    private final double[] rates;

    private CurveQuotes(String column, List<Pillar> pillars, double[] rates) {
        this.column = column;
        this.pillars = Collections.unmodifiableList(new ArrayList<>(pillars));
        this.times = pillars.stream().mapToDouble(Pillar::years).toArray();
        this.rates = rates.clone();
    }

    /**
     * The curve of {@code column} with pillars {@code words} (tenors or year fractions, kept as
     * written) and {@code rates}. Structure errors: no pillar, lengths that differ, a word that is
     * not a pillar, pillars not strictly increasing in time (a duplicate included, also two words
     * for one time such as {@code 12M} and {@code 1Y}).
     */
    public static CurveQuotes parse(String column, List<String> words, double[] rates) {
        if (words.isEmpty()) {
            throw structure(column, "a curve needs at least one pillar", "");
        }
        if (words.size() != rates.length) {
            throw structure(column, words.size() + " pillars but " + rates.length + " rates: the lengths must match",
                    String.valueOf(rates.length));
        }
        List<Pillar> ps = new ArrayList<>(words.size());
        for (String w : words) {
            Pillar p = Pillar.parse(column, w);
            if (!ps.isEmpty()) {
                Pillar before = ps.get(ps.size() - 1);
                if (p.years() == before.years()) {
                    throw structure(column, "duplicate pillar: " + p.label() + " is the same time as " + before.label(),
                            p.label());
                }
                if (p.years() < before.years()) {
                    throw structure(column, "pillars must be in increasing time: " + p.label() + " comes after "
                            + before.label(), p.label());
                }
            }
            ps.add(p);
        }
        return new CurveQuotes(column, ps, rates);
    }

    /**
     * The first rate that is not finite or lies outside {@code [low, high]}, as a range error naming
     * the pillar; empty if all are in range. Today's flat {@code rate} and {@code dividend} use
     * {@code [-1, 1]}.
     */
    public Optional<CurveError> rangeError(double low, double high) {
        for (int i = 0; i < rates.length; i++) {
            double r = rates[i];
            if (!Double.isFinite(r) || r < low || r > high) {
                String reason = "rate at pillar " + pillars.get(i).label() + " must lie in [" + number(low) + ", "
                        + number(high) + "]";
                return Optional.of(new CurveError(column, CurveError.Kind.RANGE, reason, Double.toString(r)));
            }
        }
        return Optional.empty();
    }

    /** The field curve on these pillars with {@code rates} (the tape's inputs for this curve). */
    public <T extends RealFieldElement<T>> ZeroCurve<T> curve(T[] fieldRates) {
        return ZeroCurve.of(times, fieldRates);
    }

    public String column() {
        return column;
    }

    public List<Pillar> pillars() {
        return pillars;
    }

    public int size() {
        return times.length;
    }

    /** The pillars' labels as written: the buckets of the curve's sensitivities. */
    public List<String> labels() {
        return pillars.stream().map(Pillar::label).toList();
    }

    public double[] times() {
        return times.clone();
    }

    public double[] rates() {
        return rates.clone();
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e6 ? Long.toString((long) d) : Double.toString(d);
    }

    private static CurveException structure(String column, String reason, String value) {
        return new CurveException(new CurveError(column, CurveError.Kind.STRUCTURE, reason, value));
    }
}
