package dev.adjointgreeks.model;

import static dev.adjointgreeks.model.MarketBlocks.SPOT;

import java.util.EnumSet;
import java.util.Set;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Block;
import dev.adjointgreeks.ad.GridTable;
import dev.adjointgreeks.ad.Tape;
import dev.adjointgreeks.curve.ZeroCurve;
import dev.adjointgreeks.surface.LocalVolGrid;
import dev.adjointgreeks.surface.SurfaceException;
import dev.adjointgreeks.surface.VolSurface;

/**
 * Dupire's local volatility ({@code localvol}), one asset: log-Euler steps
 * {@code x_k = x_{k-1} + int (r - q) - sigma^2 dt / 2 + sigma sqrt(dt) Z} with
 * {@code sigma = sigma_loc(t_{k-1}, x_{k-1})} read from a grid in time x log-spot, and the
 * discount curve's {@code DF(t_k)} as numeraire; rate and dividend are flat inputs or curves
 * ({@link CurveInput}), as in {@link BlackScholesCurveModel}.
 *
 * <p><b>The grid, once per trade.</b> The setup builds the implied-vol surface from the quotes (every
 * quote an input), the forwards from spot and curves, and {@link LocalVolGrid} (Dupire, on the
 * field) at each step's start and on a uniform log-spot axis over the quoted strikes (local vol is
 * flat beyond them, and the lookup flat beyond the axis). On the block scalar the grid is built
 * once per evaluator on a per-path tape of its own ({@link Tape}) and handed to the paths as a
 * {@link GridTable} of doubles: each step is one lookup node per block whose adjoint scatters into
 * the table; the table's adjoint, summed over the lane blocks, goes back through Dupire, the splines
 * and the forwards to spot, quotes and curves in one vector-Jacobian product on that tape when the
 * setup is swept ({@link Block}'s summed sweep, once per Monte Carlo block: see the package notes).
 * On any other field (per-path tape, dual numbers, {@code Decimal64}) the grid is built on the field
 * and looked up in field arithmetic: the same numbers, the reference the block path is tested on.
 *
 * <p>Capabilities: log-spots, the normal last step (mean {@code x_{N-1} + int (r - q) -
 * sigma^2 dt / 2}, deviation {@code sigma sqrt(dt)} with that step's local vol: the digital's
 * conditional expectation), and {@link Capability#LOCAL_STEP_VARIANCE} (the barrier's Brownian
 * bridge with each step's own local vol). Times are doubles: the grid does not move with the
 * maturity input, so theta misses the local vol's own dependence on time.
 */
public final class LocalVolModel implements PathModel {

    public static final String WORD = "localvol";
    /** Points of the log-spot axis unless told otherwise. */
    public static final int DEFAULT_POINTS = 101;
    /** The axis extends this fraction of the strikes' log-range beyond each end strike. */
    private static final double AXIS_MARGIN = 0.05;

    private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.LOG_SPOTS, Capability.NORMAL_LAST_STEP,
            Capability.LOCAL_STEP_VARIANCE, Capability.STEPS_BETWEEN_DATES);

    private final double spot;
    private final SurfaceInput surface;
    private final CurveInput discount;
    private final CurveInput dividend;
    private final int points;
    private final InputLayout inputs;

    public LocalVolModel(double spot, SurfaceInput surface, CurveInput discount, CurveInput dividend) {
        this(spot, surface, discount, dividend, DEFAULT_POINTS);
    }

    /** With {@code points} on the log-spot axis (the grid's resolution in spot). */
    public LocalVolModel(double spot, SurfaceInput surface, CurveInput discount, CurveInput dividend, int points) {
        Validation.positive("spot", spot);
        if (points < 3) {
            throw new IllegalArgumentException("the local-vol axis needs at least 3 points (value " + points + ")");
        }
        this.spot = spot;
        this.surface = surface;
        this.discount = discount;
        this.dividend = dividend;
        this.points = points;
        this.inputs = InputLayout.of(SPOT, surface.block(), discount.block(), dividend.block());
    }

    public SurfaceInput surface() {
        return surface;
    }

    /** The same model with {@code n} points on the log-spot axis (grid convergence). */
    public LocalVolModel withPoints(int n) {
        return new LocalVolModel(spot, surface, discount, dividend, n);
    }

    public int points() {
        return points;
    }

    @Override
    public String name() {
        return WORD;
    }

    @Override
    public InputLayout inputs() {
        return inputs;
    }

    @Override
    public double[] parameterValues() {
        return InputLayout.values(new double[] {spot}, surface.values(), discount.values(), dividend.values());
    }

    @Override
    public int assets() {
        return 1;
    }

    @Override
    public int normalsPerStep() {
        return 1;
    }

    @Override
    public String[] stateNames() {
        return new String[] {"log_spot"};
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    /** The grid's times: the start of each of {@code steps} equal steps to {@code maturity}. */
    static double[] gridTimes(double maturity, int steps) {
        double[] t = new double[steps];
        for (int n = 0; n < steps; n++) {
            t[n] = maturity * n / steps;
        }
        return t;
    }

    /** The log-spot axis: {@link #points} points over the quoted strikes and a margin beyond. */
    LocalVolGrid.Axis axis(double spotValue) {
        double lo = Math.log(strike(0, spotValue));
        double hi = Math.log(strike(surface.axes().strikeCount() - 1, spotValue));
        double margin = AXIS_MARGIN * (hi - lo);
        return new LocalVolGrid.Axis(lo - margin, (hi - lo + 2 * margin) / (points - 1), points);
    }

    private double strike(int j, double spotValue) {
        double k = surface.axes().strike(j);
        return surface.axes().kind() == dev.adjointgreeks.surface.StrikeKind.MONEYNESS ? k * spotValue : k;
    }

    /** The field surface on {@code p}'s quotes, with forwards {@code S exp(int_0^t (r - q))}. */
    <S extends RealFieldElement<S>> VolSurface<S> surface(Inputs<S> p) {
        S s = p.get(SPOT);
        ZeroCurve<S> r = discount.curve(p);
        ZeroCurve<S> q = dividend.curve(p);
        return surface.surface(p, s, t -> s.multiply(r.integral(t).subtract(q.integral(t)).exp()));
    }

    /** The local-vol grid of {@code steps} steps to {@code maturity}, on the field of {@code p}. */
    public <S extends RealFieldElement<S>> LocalVolGrid<S> grid(Inputs<S> p, double maturity, int steps) {
        return LocalVolGrid.build(surface(p), gridTimes(maturity, steps), axis(p.get(SPOT).getReal()));
    }

    @Override
    public <T extends RealFieldElement<T>> PathGenerator<T> generator(Inputs<T> p, T maturity, int steps) {
        LocalVolPaths.Lookup<T> lookup;
        T s0 = p.get(SPOT);
        try {
            if (s0 instanceof Block) {
                // the block scalar: the grid off its tape, once per evaluator (the class comment)
                @SuppressWarnings("unchecked")
                LocalVolPaths.Lookup<T> l = (LocalVolPaths.Lookup<T>) tableLookup(p, maturity.getReal(), steps);
                lookup = l;
            } else {
                lookup = fieldLookup(grid(p, maturity.getReal(), steps));
            }
        } catch (SurfaceException e) {
            throw SurfaceInput.field(e);   // no local vol somewhere on the grid: the trade's fault
        }
        return new LocalVolPaths<>(s0, discount.curve(p), dividend.curve(p), maturity, steps, lookup);
    }

    /** The grid on the field, read by field arithmetic (cell and weight from the value of x). */
    private static <T extends RealFieldElement<T>> LocalVolPaths.Lookup<T> fieldLookup(LocalVolGrid<T> grid) {
        LocalVolGrid.Axis axis = grid.axis();
        int last = axis.points() - 1;
        return (n, x) -> {
            double u = (x.getReal() - axis.first()) * (1.0 / axis.step());
            if (!(u > 0)) {
                return grid.at(n, 0);
            }
            if (u >= last) {
                return grid.at(n, last);
            }
            int i = (int) u;
            T a = x.subtract(axis.first()).multiply(1.0 / axis.step()).subtract(i);
            return grid.at(n, i).multiply(a.negate().add(1)).add(grid.at(n, i + 1).multiply(a));
        };
    }

    /**
     * The grid as a {@link GridTable} on the block tape: built on a per-path tape whose inputs mirror
     * the model's (active when any of the model's inputs is), reversed by one vector-Jacobian product.
     */
    private <T extends RealFieldElement<T>> LocalVolPaths.Lookup<Block> tableLookup(Inputs<T> p, double maturity,
            int steps) {
        int n = inputs.size();
        Block[] operands = new Block[n];
        double[] values = new double[n];
        boolean active = false;
        for (int k = 0; k < n; k++) {
            InputBlock b = inputs.blockAt(k);
            operands[k] = (Block) p.get(b, inputs.elementAt(k));
            values[k] = operands[k].getReal();
            active |= operands[k].isActive();
        }
        Tape tape = new Tape();
        Adj[] x = active ? tape.inputs(values) : constants(tape, values);
        LocalVolGrid<Adj> grid = grid(inputs.view(x, 0), maturity, steps);
        LocalVolGrid.Axis axis = grid.axis();
        double[] table = grid.values();
        Block like = operands[0];
        GridTable t;
        if (active) {
            Adj[] outputs = grid.fieldValues();
            t = GridTable.active(like.tape(), table, axis.first(), axis.step(), axis.points(), operands,
                    adjoint -> tape.vectorJacobianProduct(outputs, adjoint));
        } else {
            t = GridTable.passive(like.tape(), table, axis.first(), axis.step(), axis.points());
        }
        return t::lookup;
    }

    private static Adj[] constants(Tape tape, double[] values) {
        Adj[] out = new Adj[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = tape.constant(values[k]);
        }
        return out;
    }
}
