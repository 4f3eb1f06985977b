package dev.adjointgreeks.model;

import dev.adjointgreeks.spec.Role;

/**
 * A named block of inputs: a scalar ({@code rate}), one value per asset or rate ({@code spot_1 ..
 * spot_n}, {@code forward_rate_1 .. forward_rate_80}), or one value per pair of assets
 * ({@code corr_1_2 ..}). Element names are the block's name plus a 1-based suffix; they are the
 * scenario columns and, through {@link dev.adjointgreeks.model.InputLayout}, the only way code
 * finds an input: nothing indexes inputs by position. Its {@link Role} decides its Greeks' names,
 * signs and bumps; no code compares a block's name with a word.
 */
public record InputBlock(String name, Shape shape, int count, Role role, java.util.List<String> labels) {

    /** How a block's elements are numbered. */
    public enum Shape {
        /** One value, named {@code name}. */
        SCALAR,
        /** {@code count} values, named {@code name_1 .. name_count}. */
        VECTOR,
        /** One value per pair i &lt; j of {@code count} items, named {@code name_i_j}. */
        PAIRS,
        /**
         * One value per label (a curve's pillars, a surface's quotes), named {@code name_<label>},
         * the label as written with {@code /} as {@code _} ({@code vol_surface_1Y_90} for {@code 1Y/90}).
         */
        LABELLED
    }

    /** A block without labels. */
    public InputBlock(String name, Shape shape, int count, Role role) {
        this(name, shape, count, role, null);
    }

    public InputBlock {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a block needs a name");
        }
        if (role == null) {
            throw new IllegalArgumentException("block " + name + " needs a role");
        }
        if (shape == Shape.LABELLED) {
            if (labels == null || labels.size() != count) {
                throw new IllegalArgumentException("block " + name + " needs one label per element");
            }
            labels = java.util.List.copyOf(labels);
        } else if (labels != null) {
            throw new IllegalArgumentException("block " + name + " is not labelled");
        }
        if (count < (shape == Shape.PAIRS ? 2 : 1)) {
            throw new IllegalArgumentException("block " + name + " needs more items (value " + count + ")");
        }
    }

    public static InputBlock scalar(String name, Role role) {
        return new InputBlock(name, Shape.SCALAR, 1, role);
    }

    public static InputBlock vector(String name, int count, Role role) {
        return new InputBlock(name, Shape.VECTOR, count, role);
    }

    /** One element per label, e.g. a curve's pillars {@code 3M, 1Y, 5Y} or a surface's quotes {@code 1Y/90}. */
    public static InputBlock labelled(String name, java.util.List<String> labels, Role role) {
        return new InputBlock(name, Shape.LABELLED, labels.size(), role, labels);
    }

    public static InputBlock pairs(String name, int count, Role role) {
        return new InputBlock(name, Shape.PAIRS, count, role);
    }

    /** The Greek family of the block: {@code delta}, {@code vega}, {@code theta}, {@code d_heston_kappa}. */
    public String greekFamily() {
        return role.greekFamily(name);
    }

    /** Number of inputs in the block. */
    public int size() {
        switch (shape) {
            case SCALAR: return 1;
            case VECTOR: case LABELLED: return count;
            default: return count * (count - 1) / 2;
        }
    }

    /** The suffix of element {@code k} (0-based): {@code ""}, {@code "_3"} or {@code "_1_2"}. */
    public String suffix(int k) {
        switch (shape) {
            case SCALAR: return "";
            case VECTOR: return "_" + (k + 1);
            case LABELLED: return "_" + labels.get(k).replace('/', '_');
            default: {
                int[] ij = pair(k);
                return "_" + (ij[0] + 1) + "_" + (ij[1] + 1);
            }
        }
    }

    /** The input name of element {@code k}, e.g. {@code spot_2}. */
    public String element(int k) {
        return name + suffix(k);
    }

    /** The element of the pair {@code i < j} (0-based), pairs in row order (1,2), (1,3), .., (2,3), ... */
    public int pairIndex(int i, int j) {
        if (shape != Shape.PAIRS || i < 0 || i >= j || j >= count) {
            throw new IllegalArgumentException("block " + name + " has no pair (" + i + ", " + j + ")");
        }
        return i * count - i * (i + 1) / 2 + (j - i - 1);
    }

    /** The 0-based pair {i, j} of element {@code k} of a PAIRS block. */
    public int[] pair(int k) {
        int e = 0;
        for (int i = 0; i < count; i++) {
            for (int j = i + 1; j < count; j++) {
                if (e++ == k) {
                    return new int[] {i, j};
                }
            }
        }
        throw new IllegalArgumentException("block " + name + " has no element " + k);
    }
}
