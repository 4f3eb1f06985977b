package dev.adjointgreeks.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.math3.RealFieldElement;

/**
 * The inputs of a model or product as an ordered list of named {@link Block}s. The layout alone
 * knows where a block's values lie in the flat input vector that the engines differentiate; code
 * reads inputs through {@link #view} (any field) or {@link #get} (doubles) by block.
 */
public final class InputLayout {

    private final List<InputBlock> blocks;
    private final int[] offsets;
    private final String[] names;

    private InputLayout(List<InputBlock> blocks) {
        this.blocks = List.copyOf(blocks);
        this.offsets = new int[blocks.size() + 1];
        List<String> n = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            offsets[b] = n.size();
            InputBlock block = blocks.get(b);
            for (int k = 0; k < block.size(); k++) {
                n.add(block.element(k));
            }
            offsets[b + 1] = n.size();
        }
        this.names = n.toArray(new String[0]);
        if (Arrays.stream(names).distinct().count() != names.length) {
            throw new IllegalArgumentException("input names repeat: " + String.join(", ", names));
        }
    }

    /** A model's parameter vector: the blocks' values one after another, in layout order. */
    public static double[] values(double[]... blocks) {
        int n = 0;
        for (double[] b : blocks) {
            n += b.length;
        }
        double[] out = new double[n];
        int at = 0;
        for (double[] b : blocks) {
            System.arraycopy(b, 0, out, at, b.length);
            at += b.length;
        }
        return out;
    }

    public static InputLayout of(InputBlock... blocks) {
        return of(Arrays.asList(blocks));
    }

    /**
     * The layout of these blocks, made once per list of blocks: a layout is immutable, and a
     * 50-asset basket's (1,376 element names, checked distinct) was rebuilt several times per trade,
     * 17% of its engine time at 2,000 paths (JFR, 2026-12-06 late).
     */
    public static InputLayout of(List<InputBlock> blocks) {
        List<InputBlock> key = List.copyOf(blocks);
        InputLayout known = MADE.get(key);
        if (known != null) {
            return known;
        }
        InputLayout made = new InputLayout(key);
        if (MADE.size() < MAX_MADE) {
            MADE.putIfAbsent(key, made);
        }
        return made;
    }

    /** Layouts made so far, by their blocks (bounded: curves' pillar labels vary by trade). */
    private static final Map<List<InputBlock>, InputLayout> MADE = new ConcurrentHashMap<>();
    private static final int MAX_MADE = 4096;

    /** This layout followed by {@code other} (a model's inputs, then its product's). */
    public InputLayout then(InputLayout other) {
        List<InputBlock> all = new ArrayList<>(blocks);
        all.addAll(other.blocks);
        return of(all);
    }

    public List<InputBlock> blocks() {
        return blocks;
    }

    public int size() {
        return names.length;
    }

    /** Element names in order, e.g. {@code spot, vol, rate, dividend, strike, maturity}. */
    public String[] names() {
        return names.clone();
    }

    public boolean has(InputBlock block) {
        return blocks.contains(block);
    }

    /** The block named {@code name}, or null. */
    public InputBlock block(String name) {
        for (InputBlock b : blocks) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        return null;
    }

    /** Position of element {@code k} of {@code block} in the flat vector. */
    public int index(InputBlock block, int k) {
        int b = blocks.indexOf(block);
        if (b < 0) {
            throw new IllegalArgumentException("no input block " + block.name() + " among " + blocks());
        }
        if (k < 0 || k >= block.size()) {
            throw new IllegalArgumentException("block " + block.name() + " has no element " + k);
        }
        return offsets[b] + k;
    }

    public int index(InputBlock scalar) {
        return index(scalar, 0);
    }

    /** The block holding flat position {@code i}. */
    public InputBlock blockAt(int i) {
        for (int b = 0; b < blocks.size(); b++) {
            if (i < offsets[b + 1]) {
                return blocks.get(b);
            }
        }
        throw new IndexOutOfBoundsException(i);
    }

    /** The element number within its block of flat position {@code i}. */
    public int elementAt(int i) {
        return i - offsets[blocks.indexOf(blockAt(i))];
    }

    /** The value of element {@code k} of {@code block} in {@code x}. */
    public double get(double[] x, InputBlock block, int k) {
        return x[index(block, k)];
    }

    public double get(double[] x, InputBlock scalar) {
        return x[index(scalar, 0)];
    }

    /** A typed view of {@code values} (this layout's inputs, starting at {@code offset}). */
    public <T extends RealFieldElement<T>> Inputs<T> view(T[] values, int offset) {
        return new Inputs<>(this, values, offset);
    }

    @Override
    public String toString() {
        return blocks.toString();
    }
}
