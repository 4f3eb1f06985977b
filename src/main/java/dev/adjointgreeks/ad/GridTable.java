package dev.adjointgreeks.ad;

import java.util.Arrays;

/**
 * A table of doubles in rows over a uniform axis {@code x_j = first + j * step}, {@code j < points},
 * read by the paths of a block through one tape operation per lookup: the grid-lookup operation of
 * the block scalar (a local-volatility grid in time x log-spot is its use). The table itself is
 * not on the tape: it is built once per trade, off the tape, and its adjoint is one table-shaped
 * array, so a path block's tape holds one node per lookup whatever the table's size.
 *
 * <p>Within row {@code n} the value at {@code x} is piecewise linear on the axis and flat beyond
 * it. With {@code u = (x - first) / step}, {@code i = floor(u)}, {@code a = u - i}:
 * <pre>
 *   g(x)           = (1 - a) g[i] + a g[i+1]
 *   d g / d x      = (g[i+1] - g[i]) / step      (0 beyond the axis)
 *   d g / d g[i]   = 1 - a,   d g / d g[i+1] = a
 * </pre>
 * Below the axis {@code i = 0, a = 0}; above it {@code i = points - 2, a = 1}. At an axis point the
 * slope is that of the cell to its right.
 *
 * <p><b>The chain rule.</b> {@link #lookup} records one node per block: its entry is the operand
 * {@code x} with the per-lane slope as partial, and it keeps each lane's cell and weight. The
 * backward sweep, at that node, passes {@code slope * bar} to {@code x} like any entry and
 * scatters {@code (1 - a) bar} and {@code a bar} into the table's adjoint (the only two values the
 * lane read). The table's adjoint sums over lanes and blocks; {@link BlockTape#backwardSummed}
 * first carries it to the table's operands (the uniform values it was built from: a model's
 * inputs) through the caller's {@link Reverse} (one reverse sweep of the table's own setup), then
 * sweeps the setup as usual. So a table's adjoint is a lane sum, never a lane's own:
 * {@link BlockTape#backward} (lane by lane) refuses a tape whose tables hold an adjoint.
 *
 * <p>{@link BlockProgram} replays the operation (op code {@code LOOKUP}): the replay rewrites the
 * values, slopes, cells and weights in place, and the kept node scatters as recorded.
 */
public final class GridTable {

    /** The table's adjoint through its setup: the adjoint of each operand, from the table's adjoint. */
    @FunctionalInterface
    public interface Reverse {
        double[] operandAdjoints(double[] tableAdjoint);
    }

    /** One lookup's per-lane cells and weights: kept per node by the tape, rewritten by a replay. */
    static final class Use {
        final GridTable table;
        final int offset;
        final int[] cell;
        final double[] weight;
        /** The generation of the node that owns it (a stale node's use is skipped). */
        int gen = -1;

        Use(GridTable table, int offset, int width) {
            this.table = table;
            this.offset = offset;
            this.cell = new int[width];
            this.weight = new double[width];
        }

        void forward(double[] x, int lanes, double[] out, double[] slope) {
            lookup(table.values, offset, table.first, table.inv, table.points, x, lanes, out, slope, cell, weight);
        }

        void scatter(double[] bar, int lanes) {
            GridTable.scatter(table.adjoint, offset, cell, weight, bar, lanes);
        }
    }

    private final BlockTape tape;
    private final double[] values;
    private final double first;
    private final double inv;
    private final int points;
    private final int rows;
    /** The table-shaped adjoint, or null for a passive table. */
    final double[] adjoint;
    final Block[] operands;
    final Reverse reverse;
    private final double[] scratchX;
    private final double[] scratchSlope;
    private final Use scratch;

    private GridTable(BlockTape tape, double[] values, double first, double step, int points, Block[] operands,
            Reverse reverse) {
        if (points < 2 || !(step > 0) || !Double.isFinite(step) || !Double.isFinite(first)
                || values.length % points != 0 || values.length == 0) {
            throw new IllegalArgumentException("a grid table needs rows of points >= 2 values on a positive finite step"
                    + " (points " + points + ", step " + step + ", values " + values.length + ")");
        }
        this.tape = tape;
        this.values = values.clone();
        this.first = first;
        this.inv = 1.0 / step;
        this.points = points;
        this.rows = values.length / points;
        this.operands = operands;
        this.reverse = reverse;
        this.adjoint = reverse == null ? null : new double[values.length];
        this.scratchX = new double[tape.width];
        this.scratchSlope = new double[tape.width];
        this.scratch = new Use(this, 0, tape.width);
    }

    /** A table whose values are constants (a price-only evaluator): its lookups differentiate in x alone. */
    public static GridTable passive(BlockTape tape, double[] values, double first, double step, int points) {
        return new GridTable(tape, values, first, step, points, null, null);
    }

    /**
     * A table built from {@code operands} (uniform values of the setup section): its adjoint goes to
     * them through {@code reverse} in the summed sweep of the setup ({@link BlockTape#backwardSummed}).
     */
    public static GridTable active(BlockTape tape, double[] values, double first, double step, int points,
            Block[] operands, Reverse reverse) {
        for (Block b : operands) {
            tape.checkOwn(b);
            if (!b.isUniform()) {
                throw new IllegalArgumentException("a grid table's operands are uniform setup values");
            }
        }
        GridTable t = new GridTable(tape, values, first, step, points, operands.clone(), reverse);
        tape.addTable(t);
        return t;
    }

    public int rows() {
        return rows;
    }

    public int points() {
        return points;
    }

    /** The table's adjoint accumulated so far (a copy; zeros for a passive table). */
    public double[] adjoint() {
        return adjoint == null ? new double[values.length] : adjoint.clone();
    }

    /** Row {@code row} of the table at each lane's {@code x}: one node on the tape (see the class comment). */
    public Block lookup(int row, Block x) {
        if (row < 0 || row >= rows) {
            throw new IllegalArgumentException("row " + row + " of a table of " + rows + " rows");
        }
        BlockTape t = tape;
        t.checkOwn(x);
        int w = t.live;
        double[] xs = x.lanes;
        if (xs == null) {
            xs = scratchX;
            Arrays.fill(xs, x.u);
        }
        int offset = row * points;
        boolean slopeActive = x.isActive();
        if (!slopeActive && adjoint == null) {
            double[] r = t.buffer(false);
            lookupInto(offset, xs, w, r, scratchSlope, scratch);
            if (t.rec != null) {
                t.rec.lookup(r, x, null, new Use(this, offset, t.width));
            }
            return t.passive(r);
        }
        int node = t.begin(slopeActive ? 1 : 0, false);
        double[] r = t.alloc();
        double[] slope = slopeActive ? t.alloc() : scratchSlope;
        Use use = t.use(node, this, offset);
        use.forward(xs, w, r, slope);
        if (slopeActive) {
            t.entry(t.first(node), x.index, slope);
        }
        if (t.rec != null) {
            t.rec.lookup(r, x, slopeActive ? slope : null, use);
        }
        return t.active(node, r);
    }

    private void lookupInto(int offset, double[] xs, int w, double[] r, double[] slope, Use into) {
        lookup(values, offset, first, inv, points, xs, w, r, slope, into.cell, into.weight);
    }

    /** Carries the accumulated adjoint to the operands (see {@link BlockTape#backwardSummed}) and clears it. */
    double[] drain() {
        boolean any = false;
        for (double a : adjoint) {
            if (a != 0.0) {
                any = true;
                break;
            }
        }
        if (!any) {
            return null;
        }
        double[] g = reverse.operandAdjoints(adjoint.clone());
        Arrays.fill(adjoint, 0.0);
        return g;
    }

    boolean holdsAdjoint() {
        if (adjoint != null) {
            for (double a : adjoint) {
                if (a != 0.0) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ the kernels, on primitive arrays

    /** {@code g(x)} on the row of {@code points} values starting at {@code grid[offset]}. */
    public static double value(double[] grid, int offset, double first, double step, int points, double x) {
        double u = (x - first) * (1.0 / step);   // as lookup(), to the last bit
        int last = points - 1;
        if (!(u > 0)) {
            return grid[offset];
        }
        if (u >= last) {
            return grid[offset + last];
        }
        int i = (int) u;
        double a = u - i;
        return (1 - a) * grid[offset + i] + a * grid[offset + i + 1];
    }

    /**
     * {@code g} at each lane's {@code x[l]}, {@code l < lanes}, into {@code out}, with {@code dg/dx}
     * into {@code slope} and the cell and weight into {@code cell} and {@code weight};
     * {@code inv = 1 / step}.
     */
    public static void lookup(double[] grid, int offset, double first, double inv, int points, double[] x, int lanes,
            double[] out, double[] slope, int[] cell, double[] weight) {
        int last = points - 1;
        for (int l = 0; l < lanes; l++) {
            double u = (x[l] - first) * inv;
            int i;
            double a;
            double dx;
            if (!(u > 0)) {
                i = 0;
                a = 0.0;
                dx = 0.0;
            } else if (u >= last) {
                i = last - 1;
                a = 1.0;
                dx = 0.0;
            } else {
                i = (int) u;
                a = u - i;
                dx = (grid[offset + i + 1] - grid[offset + i]) * inv;
            }
            double g0 = grid[offset + i];
            double g1 = grid[offset + i + 1];
            out[l] = (1 - a) * g0 + a * g1;
            slope[l] = dx;
            cell[l] = i;
            weight[l] = a;
        }
    }

    /** The reverse of {@link #lookup} into the table: {@code adj[offset + cell] += (1 - a) bar}, {@code adj[offset + cell + 1] += a bar}. */
    public static void scatter(double[] adj, int offset, int[] cell, double[] weight, double[] bar, int lanes) {
        for (int l = 0; l < lanes; l++) {
            int i = offset + cell[l];
            double a = weight[l];
            adj[i] += (1 - a) * bar[l];
            adj[i + 1] += a * bar[l];
        }
    }
}
