package dev.adjointgreeks.surface;

import java.util.List;

import dev.adjointgreeks.curve.CurveException;
import dev.adjointgreeks.curve.Pillar;

/**
 * The two axes of a volatility surface, with their labels exactly as written: expiries (rows) as
 * tenors or year fractions, strikes (columns) as absolute strikes or moneyness. A quote's label is
 * {@code <expiry>/<strike>}, e.g. {@code 1Y/90} or {@code 18M/0.9}.
 *
 * <p>Both axes must be strictly increasing and positive. Expiries are read as a curve's pillars
 * ({@link Pillar}): {@code <n>D}, {@code <n>W}, {@code <n>M}, {@code <n>Y} with a positive whole
 * {@code n}, meaning {@code n/365}, {@code 7n/365}, {@code n/12} and {@code n} years, or a plain
 * positive year fraction such as {@code 0.5}.
 */
public final class SurfaceAxes {

    private final List<String> expiryLabels;
    private final double[] expiries;
    private final List<String> strikeLabels;
    private final double[] strikes;
    private final StrikeKind kind;

    private SurfaceAxes(List<String> expiryLabels, double[] expiries, List<String> strikeLabels, double[] strikes,
            StrikeKind kind) {
        this.expiryLabels = List.copyOf(expiryLabels);
        this.expiries = expiries;
        this.strikeLabels = List.copyOf(strikeLabels);
        this.strikes = strikes;
        this.kind = kind;
    }

    /** Parses both axes from their labels; rejects with the column and the label at fault. */
    public static SurfaceAxes parse(List<String> expiryLabels, List<String> strikeLabels, StrikeKind kind) {
        double[] t = new double[expiryLabels.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = yearFraction(expiryLabels.get(i));
        }
        double[] k = new double[strikeLabels.size()];
        for (int j = 0; j < k.length; j++) {
            k[j] = number(kind.column(), strikeLabels.get(j), "a strike");
        }
        return of(expiryLabels, t, strikeLabels, k, kind);
    }

    /** Axes from values already parsed, with the labels to report them by. */
    public static SurfaceAxes of(List<String> expiryLabels, double[] expiries, List<String> strikeLabels,
            double[] strikes, StrikeKind kind) {
        if (expiryLabels.size() != expiries.length || strikeLabels.size() != strikes.length) {
            throw new IllegalArgumentException("labels and values differ in length");
        }
        increasingPositive(SurfaceException.EXPIRIES, "expiry", "expiries", expiryLabels, expiries, 1);
        increasingPositive(kind.column(), "strike", "strikes", strikeLabels, strikes, 2);
        return new SurfaceAxes(expiryLabels, expiries.clone(), strikeLabels, strikes.clone(), kind);
    }

    private static void increasingPositive(String column, String what, String plural, List<String> labels, double[] v,
            int min) {
        if (v.length < min) {
            throw new SurfaceException(column, "needs at least " + min + " " + (min > 1 ? plural : what) + ", has "
                    + v.length, null);
        }
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0) || !Double.isFinite(v[i])) {
                throw new SurfaceException(column, what + " " + labels.get(i) + " must be a positive finite number",
                        labels.get(i));
            }
            if (i > 0 && !(v[i] > v[i - 1])) {
                throw new SurfaceException(column, plural + " must be strictly increasing: " + labels.get(i)
                        + " follows " + labels.get(i - 1), labels.get(i));
            }
        }
    }

    /**
     * A tenor ({@code 6M}, {@code 2Y}, {@code 10D}, {@code 3W}) or a year fraction, in years: the
     * curves' rule ({@link Pillar}), so a surface and a curve read the same words the same way.
     */
    static double yearFraction(String label) {
        try {
            return Pillar.parse(SurfaceException.EXPIRIES, label == null ? null : label.trim()).years();
        } catch (CurveException e) {
            throw new SurfaceException(SurfaceException.EXPIRIES, e.error().reason(), e.error().value());
        }
    }

    private static double number(String column, String label, String what) {
        try {
            return Double.parseDouble(label == null ? "" : label.trim());
        } catch (NumberFormatException e) {
            throw new SurfaceException(column, "'" + label + "' is not " + what, label);
        }
    }

    public int expiryCount() {
        return expiries.length;
    }

    public int strikeCount() {
        return strikes.length;
    }

    /** Expiry {@code i} in years. */
    public double expiry(int i) {
        return expiries[i];
    }

    /** Strike {@code j}: absolute, or strike over spot for {@link StrikeKind#MONEYNESS}. */
    public double strike(int j) {
        return strikes[j];
    }

    public String expiryLabel(int i) {
        return expiryLabels.get(i);
    }

    public String strikeLabel(int j) {
        return strikeLabels.get(j);
    }

    public StrikeKind kind() {
        return kind;
    }

    /** The quote's bucket label, {@code <expiry>/<strike>} as written: {@code 1Y/90}. */
    public String quoteLabel(int i, int j) {
        return expiryLabels.get(i) + "/" + strikeLabels.get(j);
    }
}
