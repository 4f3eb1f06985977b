package dev.adjointgreeks.surface;

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
 * ({@link LocalVolGrid}). The cost per lane is a multiply, a floor and two reads; no search.
 */
public final class GridLookup {

    private GridLookup() {
    }

    /** {@code sigma(x)} on the row of {@code points} values starting at {@code grid[offset]}. */
    public static double value(double[] grid, int offset, LocalVolGrid.Axis axis, double x) {
        double u = (x - axis.first()) * (1.0 / axis.step());   // as lookup(), to the last bit
        int last = axis.points() - 1;
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
     * {@code sigma} at each lane's log-spot {@code x[l]}, {@code l < lanes}, into {@code out}, with
     * {@code d sigma / dx} into {@code slope} and the cell and weight into {@code cell} and
     * {@code weight} for {@link #scatter}.
     */
    public static void lookup(double[] grid, int offset, LocalVolGrid.Axis axis, double[] x, int lanes, double[] out,
            double[] slope, int[] cell, double[] weight) {
        double first = axis.first();
        double inv = 1.0 / axis.step();
        int last = axis.points() - 1;
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

    /**
     * The reverse of {@link #lookup} into the grid: {@code gridAdjoint[offset + cell] += (1 - a) bar}
     * and {@code gridAdjoint[offset + cell + 1] += a bar} for each lane's adjoint {@code bar[l]}.
     */
    public static void scatter(double[] gridAdjoint, int offset, int[] cell, double[] weight, double[] bar,
            int lanes) {
        for (int l = 0; l < lanes; l++) {
            int i = offset + cell[l];
            double a = weight[l];
            gridAdjoint[i] += (1 - a) * bar[l];
            gridAdjoint[i + 1] += a * bar[l];
        }
    }
}
