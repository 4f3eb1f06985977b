package dev.adjointgreeks.curve;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A curve node: its label exactly as written (the bucket label of its sensitivity) and its time in
 * years.
 *
 * <p>A label is a tenor {@code <n>D}, {@code <n>W}, {@code <n>M} or {@code <n>Y}, n a positive whole
 * number written without a sign or leading zeros, meaning {@code n/365}, {@code 7n/365},
 * {@code n/12} or {@code n} years (no calendar, no business-day rolls, upper-case unit), or a year
 * fraction written as a plain positive number ({@code 0.25}, {@code 7}, {@code 1.5e1}). Anything
 * else is refused with a {@link CurveError.Kind#STRUCTURE} error.
 */
public record Pillar(String label, double years) {

    /** Largest tenor count accepted: 10^6 days is 2740 years, far past any curve. */
    public static final long MAX_COUNT = 1_000_000;

    private static final Pattern TENOR = Pattern.compile("([1-9][0-9]*)([DWMY])");
    /** A JSON number without sign: digits, an optional fraction, an optional exponent. */
    private static final Pattern YEARS = Pattern.compile("(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    public Pillar {
        if (label == null || !(years > 0) || !Double.isFinite(years)) {
            throw new IllegalArgumentException("a pillar needs a label and a finite time > 0 (" + label + ", " + years
                    + ")");
        }
    }

    /**
     * Parses a pillar of {@code column}; throws {@link CurveException} (structure) naming the word.
     */
    public static Pillar parse(String column, String text) {
        if (text == null) {
            throw structure(column, "a pillar is missing", "");
        }
        Matcher m = TENOR.matcher(text);
        if (m.matches()) {
            String digits = m.group(1);
            if (digits.length() > 7 || Long.parseLong(digits) > MAX_COUNT) {
                throw structure(column, "tenor count must be at most " + MAX_COUNT, text);
            }
            long n = Long.parseLong(digits);
            return new Pillar(text, years(n, m.group(2).charAt(0)));
        }
        if (YEARS.matcher(text).matches()) {
            double t = Double.parseDouble(text);
            if (!(t > 0) || !Double.isFinite(t)) {
                throw structure(column, "a pillar's year fraction must be a finite number > 0", text);
            }
            return new Pillar(text, t);
        }
        throw structure(column, "unknown tenor word: expected <n>D, <n>W, <n>M, <n>Y (n a positive whole number) "
                + "or a year fraction > 0", text);
    }

    /** The time of {@code n} units: D n/365, W 7n/365, M n/12, Y n years. */
    static double years(long n, char unit) {
        switch (unit) {
            case 'D':
                return n / 365.0;
            case 'W':
                return 7.0 * n / 365.0;
            case 'M':
                return n / 12.0;
            case 'Y':
                return n;
            default:
                throw new IllegalArgumentException("tenor unit " + unit);
        }
    }

    private static CurveException structure(String column, String reason, String value) {
        return new CurveException(new CurveError(column, CurveError.Kind.STRUCTURE, reason, value));
    }
}
