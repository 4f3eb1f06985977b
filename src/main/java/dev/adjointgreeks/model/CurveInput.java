package dev.adjointgreeks.model;

import java.util.List;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.Decimal64;

import dev.adjointgreeks.curve.CurveQuotes;
import dev.adjointgreeks.curve.ZeroCurve;
import dev.adjointgreeks.spec.Role;

/**
 * The rate or the yield a model reads: a flat number (today's {@code rate} or {@code dividend}
 * block, one input) or a curve from the market file (a {@code discount_curve} or
 * {@code dividend_curve} block, one input per pillar, each element named after its pillar as
 * written). Either way the model sees a {@link ZeroCurve} on the tape; a flat input is a one-pillar
 * curve. Immutable.
 */
public final class CurveInput {

    private final InputBlock block;
    private final double[] times;
    private final double[] values;

    private CurveInput(InputBlock block, double[] times, double[] values) {
        this.block = block;
        this.times = times;
        this.values = values;
    }

    /** A flat rate or yield, the scalar block {@code flat} ({@link MarketBlocks#RATE}, {@link MarketBlocks#DIVIDEND}). */
    public static CurveInput flat(InputBlock flat, double value) {
        return new CurveInput(flat, new double[] {1.0}, new double[] {value});
    }

    /** A curve: block {@code name} of role {@code role}, one element per pillar. */
    public static CurveInput curve(String name, Role role, CurveQuotes q) {
        List<String> labels = q.labels();
        return new CurveInput(InputBlock.labelled(name, labels, role), q.times(), q.rates());
    }

    public InputBlock block() {
        return block;
    }

    /** Whether it is a curve of more than one pillar (closed forms that assume constant rates refuse it). */
    public boolean varies() {
        return values.length > 1;
    }

    /** The inputs' values, in the block's order. */
    public double[] values() {
        return values.clone();
    }

    /**
     * The zero rate (or yield) to {@code t}, {@code z(t)}: what the European and digital closed forms
     * read under a curve. A flat input is read as is (today's closed forms, node for node).
     */
    public <T extends RealFieldElement<T>> T rateTo(Inputs<T> p, T t) {
        return block.shape() == InputBlock.Shape.LABELLED ? curve(p).zeroRate(t) : p.get(block);
    }

    /** {@link #rateTo} in double precision, from the flat input vector {@code x} laid out by {@code layout}. */
    public double rateTo(InputLayout layout, double[] x, double t) {
        if (block.shape() != InputBlock.Shape.LABELLED) {
            return layout.get(x, block);
        }
        Decimal64[] r = new Decimal64[values.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = new Decimal64(layout.get(x, block, k));
        }
        return ZeroCurve.of(times, r).zeroRate(t).getReal();
    }

    /** The field curve read from the block's inputs. */
    public <T extends RealFieldElement<T>> ZeroCurve<T> curve(Inputs<T> p) {
        return block.shape() == InputBlock.Shape.LABELLED ? ZeroCurve.of(times, p.all(block)) : ZeroCurve.flat(p.get(block));
    }
}
