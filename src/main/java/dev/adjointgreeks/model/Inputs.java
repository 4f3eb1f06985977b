package dev.adjointgreeks.model;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

/**
 * A model's or product's inputs on some field, read by block: {@code in.get(SPOT)},
 * {@code in.get(VOL, i)}, {@code in.pair(CORR, i, j)}. A view into the pricing problem's flat
 * input vector; nothing is copied.
 */
public final class Inputs<T extends RealFieldElement<T>> {

    private final InputLayout layout;
    private final T[] values;
    private final int offset;

    Inputs(InputLayout layout, T[] values, int offset) {
        if (offset + layout.size() > values.length) {
            throw new IllegalArgumentException("expected " + layout.size() + " inputs " + layout + ", got "
                    + (values.length - offset));
        }
        this.layout = layout;
        this.values = values;
        this.offset = offset;
    }

    public InputLayout layout() {
        return layout;
    }

    public T get(InputBlock scalar) {
        return values[offset + layout.index(scalar, 0)];
    }

    public T get(InputBlock block, int k) {
        return values[offset + layout.index(block, k)];
    }

    /** The element of the pair {@code i < j} (0-based) of a PAIRS block. */
    public T pair(InputBlock block, int i, int j) {
        return get(block, block.pairIndex(i, j));
    }

    /** A copy of the block's values. */
    public T[] all(InputBlock block) {
        T[] out = MathArrays.buildArray(values[0].getField(), block.size());
        for (int k = 0; k < out.length; k++) {
            out[k] = get(block, k);
        }
        return out;
    }

    /** Any element, for code that must not assume a block (e.g. to find the field). */
    public T first() {
        return values[offset];
    }
}
