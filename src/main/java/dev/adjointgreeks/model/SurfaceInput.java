package dev.adjointgreeks.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.Decimal64;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.spec.FieldException;
import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.spec.Role;
import dev.adjointgreeks.surface.StrikeKind;
import dev.adjointgreeks.surface.SurfaceAxes;
import dev.adjointgreeks.surface.SurfaceException;
import dev.adjointgreeks.surface.VolSurface;

/**
 * The implied-volatility surface a model reads: the market's quotes as one
 * {@link InputBlock.Shape#LABELLED} block {@code vol_surface} of role {@link Role#VOL_SURFACE}, one
 * input per quote, row-major (expiries x strikes), each labelled {@code <expiry>/<strike>} as
 * written ({@code 1Y/90}, {@code 18M/0.9}; wide column {@code d_vol_surface_1Y_90}, long layout
 * factor {@code vol_surface} bucket {@code 1Y/90}). The model builds the field surface from the
 * block's inputs with {@link #surface}, once per trade. Immutable.
 *
 * <p>Faults come out as the field {@code vol_surface}'s ({@link FieldException}): a quote above 5
 * (the flat vol's range) by {@link #of}; an arbitrage, at the forwards of the trade's own rates, by
 * {@link #check}: {@code vol_surface: calendar arbitrage between 6M and 1Y at strike 90 (vols 0.25,
 * 0.17)}. Each rejects the trade; every trade on the market meets the same fault, each once.
 */
public final class SurfaceInput {

    /** The words of {@link MarketInputs#VOL_SURFACE_AXIS}. */
    public static final String AXIS_STRIKE = "strike";
    public static final String AXIS_MONEYNESS = "moneyness";

    /** The flat vol's upper bound ({@link MarketInputs#VOL}). */
    static final double VOL_HIGH = 5.0;

    private static final String COLUMN = MarketInputs.VOL_SURFACE.field();

    private final InputBlock block;
    private final SurfaceAxes axes;
    private final double[] values;

    private SurfaceInput(InputBlock block, SurfaceAxes axes, double[] values) {
        this.block = block;
        this.axes = axes;
        this.values = values;
    }

    /** Whether the row carries a surface (its market's or its own). */
    public static boolean has(Fields f) {
        return f.has(COLUMN);
    }

    /** The row's surface, read from the four flattened fields ({@link MarketInputs#SURFACE}). */
    public static SurfaceInput of(Fields f) {
        String expiries = f.text(MarketInputs.VOL_SURFACE_EXPIRIES.field());
        String strikes = f.text(MarketInputs.VOL_SURFACE_STRIKES.field());
        if (expiries == null || strikes == null) {
            throw new FieldException(COLUMN, "has no expiries or strikes", null);
        }
        String axis = f.word(MarketInputs.VOL_SURFACE_AXIS.field(), AXIS_STRIKE);
        StrikeKind kind;
        if (axis.equals(AXIS_STRIKE)) {
            kind = StrikeKind.ABSOLUTE;
        } else if (axis.equals(AXIS_MONEYNESS)) {
            kind = StrikeKind.MONEYNESS;
        } else {
            throw new FieldException(MarketInputs.VOL_SURFACE_AXIS.field(), "must be " + AXIS_STRIKE + " or "
                    + AXIS_MONEYNESS, axis);
        }
        double[] v = f.numbers(COLUMN);
        try {
            SurfaceAxes axes = SurfaceAxes.parse(split(expiries), split(strikes), kind);
            int n = axes.expiryCount();
            int m = axes.strikeCount();
            if (v.length != n * m) {
                throw new FieldException(COLUMN, "has " + v.length + " quotes, expected " + n + " expiries x " + m
                        + " strikes", null);
            }
            VolSurface.checkQuotes(axes, grid(v, n, m));
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    if (v[i * m + j] > VOL_HIGH) {
                        throw new FieldException(COLUMN, "vol " + axes.quoteLabel(i, j) + " must lie in (0, 5]",
                                Double.toString(v[i * m + j]));
                    }
                    labels.add(axes.quoteLabel(i, j));
                }
            }
            return new SurfaceInput(InputBlock.labelled(COLUMN, labels, Role.VOL_SURFACE), axes, v.clone());
        } catch (SurfaceException e) {
            throw field(e);
        }
    }

    public InputBlock block() {
        return block;
    }

    public SurfaceAxes axes() {
        return axes;
    }

    /** The quotes, in the block's order (row-major). */
    public double[] values() {
        return values.clone();
    }

    /** The quote at expiry {@code i}, strike {@code j}. */
    public double quote(int i, int j) {
        return values[i * axes.strikeCount() + j];
    }

    /**
     * The field surface read from the block's inputs.
     *
     * @param spot    the spot (moneyness strikes are {@code moneyness * spot}: sticky moneyness)
     * @param forward {@code F(t)}, from the model's spot, rates and dividends
     * @throws FieldException ({@code vol_surface}) on an arbitrage at these forwards
     */
    public <T extends RealFieldElement<T>> VolSurface<T> surface(Inputs<T> p, T spot, DoubleFunction<T> forward) {
        T[] flat = p.all(block);
        int m = axes.strikeCount();
        T[][] vols = MathArrays.buildArray(spot.getField(), axes.expiryCount(), m);
        for (int i = 0; i < vols.length; i++) {
            System.arraycopy(flat, i * m, vols[i], 0, m);
        }
        try {
            return VolSurface.of(axes, vols, spot, forward);
        } catch (SurfaceException e) {
            throw field(e);
        }
    }

    /**
     * The arbitrage checks at the trade's forwards, on plain numbers (no tape): what a model runs
     * when it is created, so that a surface with an arbitrage rejects the trade before any pricing.
     */
    public VolSurface<Decimal64> check(double spot, DoubleUnaryOperator forward) {
        Decimal64[][] vols = new Decimal64[axes.expiryCount()][axes.strikeCount()];
        for (int i = 0; i < vols.length; i++) {
            for (int j = 0; j < vols[i].length; j++) {
                vols[i][j] = new Decimal64(quote(i, j));
            }
        }
        try {
            return VolSurface.of(axes, vols, new Decimal64(spot), t -> new Decimal64(forward.applyAsDouble(t)));
        } catch (SurfaceException e) {
            throw field(e);
        }
    }

    private static List<String> split(String labels) {
        return Arrays.asList(labels.split(",", -1));
    }

    private static double[][] grid(double[] v, int n, int m) {
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(v, i * m, out[i], 0, m);
        }
        return out;
    }

    /** A surface fault as the field {@code vol_surface}'s: its reason (naming the quote) and value as written. */
    static FieldException field(SurfaceException e) {
        return new FieldException(COLUMN, e.getMessage(), e.value());
    }
}
