package dev.adjointgreeks.surface;

import dev.adjointgreeks.ad.GridTable;

/**
 * The local-vol lookup a path makes once per time step, as plain double code on primitive arrays:
 * within one row of a {@link LocalVolGrid} (fixed time step), piecewise linear in log-spot on the
 * uniform axis, flat beyond it. With {@code u = (x - first) / step}, {@code i = floor(u)} and
 * {@code a = u - i} inside the axis,
 * <pre>
 *   sigma(x)          = (1 - a) g[i] + a g[i+1]
 *   d sigma / d x     = (g[i+1] - g[i]) / step        (0 beyond the axis)
 *   d sigma / d g[i]  = 1 - a,   d sigma / d g[i+1] = a   (the only two grid values it reads)
 * </pre>
 * Below the axis {@code i = 0, a = 0}; above it {@code i = points - 2, a = 1}: the end value, with
 * zero slope in x. At a grid point the slope is the one of the cell to its right.
 *
 * <p>Meant as one tape operation per step and block of lanes: the forward pass ({@link #lookup})
 * keeps, per lane, the cell {@code i} and the weight {@code a} and returns the slope in x as the
 * local partial of the log-spot operand; the reverse pass passes {@code slope * bar} to the log-spot
 * and scatters {@code bar} into the grid's adjoint ({@link #scatter}). The grid is not an operand on
 * the tape; its adjoint is one array per trade, summed over blocks and reversed through Dupire once
 * ({@link LocalVolGrid}). The cost per lane is a multiply, a floor and two reads; no search. The
 * kernels are {@link dev.adjointgreeks.ad.GridTable}'s, the block scalar's lookup operation.
 */
public final class GridLookup {

    private GridLookup() {
    }

    /** {@code sigma(x)} on the row of {@code points} values starting at {@code grid[offset]}. */
    public static double value(double[] grid, int offset, LocalVolGrid.Axis axis, double x) {
        return GridTable.value(grid, offset, axis.first(), axis.step(), axis.points(), x);
    }

    /**
     * {@code sigma} at each lane's log-spot {@code x[l]}, {@code l < lanes}, into {@code out}, with
     * {@code d sigma / dx} into {@code slope} and the cell and weight into {@code cell} and
     * {@code weight} for {@link #scatter}.
     */
    public static void lookup(double[] grid, int offset, LocalVolGrid.Axis axis, double[] x, int lanes, double[] out,
            double[] slope, int[] cell, double[] weight) {
        GridTable.lookup(grid, offset, axis.first(), 1.0 / axis.step(), axis.points(), x, lanes, out, slope, cell,
                weight);
    }

    /**
     * The reverse of {@link #lookup} into the grid: {@code gridAdjoint[offset + cell] += (1 - a) bar}
     * and {@code gridAdjoint[offset + cell + 1] += a bar} for each lane's adjoint {@code bar[l]}.
     */
    public static void scatter(double[] gridAdjoint, int offset, int[] cell, double[] weight, double[] bar,
            int lanes) {
        GridTable.scatter(gridAdjoint, offset, cell, weight, bar, lanes);
    }
}
