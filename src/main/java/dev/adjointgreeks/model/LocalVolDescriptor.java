package dev.adjointgreeks.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.math3.util.Decimal64;

import dev.adjointgreeks.spec.FieldException;
import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.spec.Input;

/**
 * Dupire's local volatility on the market's implied-vol surface, word {@code localvol}:
 * {@link LocalVolModel}, single asset. Reads the spot, the surface ({@code vol_surface} and its
 * axes) and a flat rate and dividend or curves, as {@code bs} does; a flat {@code vol} is refused
 * (the surface is the vol). The surface's arbitrage checks run when the trade is built, at its own
 * forwards, so an arbitrage rejects the trade before any pricing.
 */
public final class LocalVolDescriptor implements ModelDescriptor {

    public static final String WORD = LocalVolModel.WORD;

    private static final List<Input> INPUTS;

    static {
        List<Input> in = new ArrayList<>(List.of(MarketInputs.SPOT, MarketInputs.POSITIVE_STRIKE));
        in.addAll(MarketInputs.SURFACE);
        in.addAll(List.of(MarketInputs.RATE, MarketInputs.DIVIDEND, MarketInputs.DISCOUNT_CURVE,
                MarketInputs.DISCOUNT_PILLARS, MarketInputs.DIVIDEND_CURVE, MarketInputs.DIVIDEND_PILLARS));
        INPUTS = List.copyOf(in);
    }

    @Override
    public String word() {
        return WORD;
    }

    @Override
    public Set<Underlying> underlyings() {
        return EnumSet.of(Underlying.SINGLE_ASSET);
    }

    @Override
    public List<Input> inputs(Underlying u) {
        return INPUTS;
    }

    @Override
    public PathModel create(Fields f, Underlying u) {
        if (f.has("vol")) {
            throw new FieldException("vol", "must be empty for the localvol model (its vols are the vol_surface quotes)");
        }
        if (!SurfaceInput.has(f)) {
            throw new FieldException(MarketInputs.VOL_SURFACE.field(), "is required by the localvol model"
                    + " (a market's vol_surface)", null);
        }
        LocalVolModel m = new LocalVolModel(f.number("spot"), SurfaceInput.of(f),
                MarketInputs.curveOrFlat(f, MarketInputs.DISCOUNT_CURVE, MarketBlocks.RATE, "rate"),
                MarketInputs.curveOrFlat(f, MarketInputs.DIVIDEND_CURVE, MarketBlocks.DIVIDEND, "dividend"));
        // the arbitrage checks at the trade's forwards, on plain numbers (FieldException vol_surface)
        double[] v = m.parameterValues();
        Decimal64[] x = new Decimal64[v.length];
        for (int k = 0; k < v.length; k++) {
            x[k] = new Decimal64(v[k]);
        }
        m.surface(m.inputs().view(x, 0));
        return m;
    }
}
