package dev.adjointgreeks.ad;

import java.util.Arrays;
import java.util.BitSet;

import org.apache.commons.math3.Field;
import org.apache.commons.math3.FieldElement;

/**
 * The tape of the {@link Block} scalar: reverse mode over a block of {@code width} paths (lanes) at
 * once. The same chain rule as {@link Tape}, one node per operation per block instead of per path.
 *
 * <p>Node {@code i} owns the entries {@code start[i] .. start[i+1]-1}: an operand node and its
 * local partial, either one number for every lane ({@code partialUniform}) or {@code width}
 * numbers ({@code partialLanes[e]} from {@code partialOffset[e]}). A per-lane partial is usually a
 * reference to a value already computed (the other factor of a product, the result of
 * {@code exp}), so recording copies nothing. Every node has {@code width} adjoints
 * ({@code adjoint[i]}): the backward sweep is, per node and entry, the loop
 * {@code adjoint[arg][l] += partial[l] * adjoint[node][l]}, simple enough for the JIT to vectorise.
 * Every lane array (values, partials, adjoints) is an array of its own, indexed from 0: the JIT of
 * JDK 17 does not vectorise a loop that reads and writes slices of one array at run-time offsets
 * (measured: 2.3 times slower).
 *
 * <p>Per-lane values of active results and computed per-lane partials live in slices of
 * {@code width} doubles taken from a pool the tape owns and rewinds with its nodes: a path block
 * allocates nothing once the tape has reached its high-water mark. Passive per-lane values (the
 * normals, values computed from them alone) are ordinary arrays.
 *
 * <p>Sweeps: {@link #backward(int)} is lane by lane, so every lane's (path's) gradient stays
 * available ({@link #laneAdjoints}). {@link #backwardSummed(int)} serves a section whose values are
 * uniform (the per-trade setup) when only the sum over lanes is wanted: a uniform node's lane
 * adjoints are summed and pushed on as one number, since its whole history is uniform and linear.
 * A lane whose adjoint is 0 contributes nothing (so {@code 0 * inf} never makes a NaN), as on the
 * per-path tape.
 *
 * <p>Monte Carlo reuse, as with {@link Tape}: register inputs, record the setup, {@link #mark()};
 * per block of paths record, {@link #sweepPath sweep} back to the mark and rewind. The arrays stay
 * at the high-water mark of one block, whatever the number of paths. A tape and its scalars belong
 * to one thread.
 *
 * <p><b>Why this file is long.</b> The sweep is written out per partial shape (uniform, per lane,
 * known finite) so that each inner loop is a plain counted loop the JIT vectorises.
 */
public final class BlockTape implements Field<Block> {

    private static final int INITIAL_NODES = 256;

    final int width;

    int size;
    private int entries;
    int[] start = new int[INITIAL_NODES + 1];
    private int[] gen = new int[INITIAL_NODES];
    /** Lane slices in use when node i was begun: where a rewind to i returns the pool. */
    private int[] slabAt = new int[INITIAL_NODES + 1];
    boolean[] uniform = new boolean[INITIAL_NODES];
    /** Node i's adjoint may sit on any lane (a lane-wise push reached it since it was last cleared); else only on lane 0. */
    private boolean[] spread = new boolean[INITIAL_NODES];
    /** {@code adjoint[i]}: node i's {@code width} lane adjoints, an array per node (kept across rewinds). */
    private double[][] adjoint = new double[INITIAL_NODES][];

    int[] arg = new int[2 * INITIAL_NODES];
    double[] partialUniform = new double[2 * INITIAL_NODES];
    double[][] partialLanes = new double[2 * INITIAL_NODES][];

    /** Slices of {@code width} doubles: per-lane values and partials of the nodes, reused after a rewind. */
    private double[][] pool = new double[INITIAL_NODES][];
    private int slices;

    private int generation;
    int[] inputs = new int[16];
    int inputCount;

    private int highWaterNodes;
    private int highWaterEntries;
    private int highWaterSlices;

    private final Block zero;
    private final Block one;

    /** A tape for blocks of {@code width} lanes. */
    public BlockTape(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("block width must be >= 1 (value " + width + ")");
        }
        this.width = width;
        this.live = width;
        this.zero = new Block(this, 0.0);
        this.one = new Block(this, 1.0);
    }

    /** Lanes per block. */
    public int width() {
        return width;
    }

    /** Lanes computed by the operations and the lane-wise sweep: {@code width} unless set lower. */
    int live;

    /**
     * Computes only lanes {@code 0 .. n-1} from now on (arrays keep {@code width} lanes): a last,
     * partial block of paths costs its own lanes, not a full block. Lanes at and above {@code n}
     * of the values recorded from now on are undefined; summed sweeps and lane sums still read
     * every lane, so adjoints accumulated by earlier, wider blocks are kept.
     */
    public void setLiveLanes(int n) {
        if (n < 1 || n > width) {
            throw new IllegalArgumentException("live lanes must be in 1.." + width + " (value " + n + ")");
        }
        live = n;
    }

    public int liveLanes() {
        return live;
    }

    // ------------------------------------------------------------------ inputs and constants

    /** An independent variable with the same value on every lane. */
    public Block input(double value) {
        int node = begin(0, true);
        register(node);
        return new Block(this, value, null, node, generation);
    }

    /** An independent variable with one value per lane (copied). */
    public Block input(double[] laneValues) {
        checkWidth(laneValues);
        int node = begin(0, false);
        register(node);
        double[] lanes = alloc();
        System.arraycopy(laneValues, 0, lanes, 0, width);
        return new Block(this, 0.0, lanes, node, generation);
    }

    /** Registers each value as a uniform input, in order. */
    public Block[] inputs(double... values) {
        Block[] r = new Block[values.length];
        for (int i = 0; i < values.length; i++) {
            r[i] = input(values[i]);
        }
        return r;
    }

    private void register(int node) {
        if (rec != null) {
            rec.refuse("an input is registered in the path section");
        }
        if (inputCount == inputs.length) {
            inputs = Arrays.copyOf(inputs, 2 * inputCount);
        }
        inputs[inputCount++] = node;
    }

    public int inputCount() {
        return inputCount;
    }

    /** A passive constant, the same on every lane. */
    public Block constant(double value) {
        return new Block(this, value);
    }

    /** A passive value per lane (copied). */
    public Block constant(double[] laneValues) {
        checkWidth(laneValues);
        return new Block(this, 0.0, laneValues.clone(), -1, 0);
    }

    /**
     * A passive value per lane backed by {@code lanes} itself, not copied: the caller may refill the
     * array for the next block once the previous one has been swept (the normals of a block).
     */
    public Block view(double[] lanes) {
        checkWidth(lanes);
        return new Block(this, 0.0, lanes, -1, 0);
    }

    private void checkWidth(double[] lanes) {
        if (lanes.length != width) {
            throw new IllegalArgumentException(lanes.length + " lane values for a block of " + width + " lanes");
        }
    }

    // ------------------------------------------------------------------ recording (for Block and Fn)

    /** Appends a node with room for {@code n} entries. */
    int begin(int n, boolean uniformValue) {
        if (keptEnd >= 0) {
            throw new IllegalStateException("the tape keeps a recorded program's path section: "
                    + "nothing can be recorded after it (rewind first)");
        }
        if (size == gen.length || entries + n > arg.length) {
            grow(n);
        }
        int node = size++;
        if (adjoint[node] == null) {
            adjoint[node] = new double[width];
        }
        gen[node] = generation;
        uniform[node] = uniformValue;
        spread[node] = false;
        slabAt[node] = slices;
        start[node] = entries;
        entries += n;
        start[size] = entries;
        termStart[node] = terms;
        termStart[size] = terms;
        return node;
    }

    /** First entry of {@code node}. */
    int first(int node) {
        return start[node];
    }

    /** Gives back the unused tail of the last node's entries ({@code end} is one past the last used). */
    void trim(int end) {
        entries = end;
        start[size] = end;
    }

    /** Writes entry {@code e}: operand {@code a}, one partial for every lane; returns {@code e + 1}. */
    int entry(int e, int a, double partial) {
        arg[e] = a;
        partialLanes[e] = null;
        partialUniform[e] = partial;
        return e + 1;
    }

    /** Writes entry {@code e}: operand {@code a}, per-lane partials {@code lanes}. */
    int entry(int e, int a, double[] lanes) {
        arg[e] = a;
        partialLanes[e] = lanes;
        return e + 1;
    }

    /** Writes entry {@code e}: operand {@code a}, with {@code v}'s value (uniform or per lane) as the partial. */
    int entry(int e, int a, Block v) {
        if (v.lanes == null) {
            return entry(e, a, v.u);
        }
        return entry(e, a, v.lanes);
    }

    private final double[][] scratch = new double[2][];

    /** Scratch lanes {@code k} (0 or 1) for the inside of one operation: kept by no node, reused by the next. */
    double[] scratch(int k) {
        if (scratch[k] == null) {
            scratch[k] = new double[width];
        }
        return scratch[k];
    }

    /** A slice of {@code width} doubles from the pool (an array of its own: loops over it need no offset and vectorise). */
    double[] alloc() {
        int s = slices++;
        if (s == pool.length) {
            pool = Arrays.copyOf(pool, 2 * s);
        }
        double[] slice = pool[s];
        if (slice == null) {
            slice = new double[width];
            pool[s] = slice;
        }
        return slice;
    }

    /** Result buffer of a per-lane operation: a slice of the tape if active, a fresh array if passive. */
    double[] buffer(boolean active) {
        if (active || recyclePassive) {
            return alloc();
        }
        return new double[width];
    }

    private boolean recyclePassive;
    private int markNode = -1;
    private int markSlices;

    /**
     * Also takes passive per-lane results from the tape's slices, so that they are recycled by
     * {@link #rewind} like the active ones: a block then allocates nothing even on a passive
     * (price-only) program. The caller must not use a passive value recorded after a mark once
     * the tape has been rewound to it (it cannot be detected, unlike an active one).
     */
    public void recyclePassiveLanes(boolean recycle) {
        this.recyclePassive = recycle;
    }

    Block active(int node, double[] lanes) {
        return new Block(this, 0.0, lanes, node, generation);
    }

    Block activeUniform(int node, double value) {
        return new Block(this, value, null, node, generation);
    }

    Block passive(double[] lanes) {
        return new Block(this, 0.0, lanes, -1, 0);
    }

    private void grow(int n) {
        if (size == gen.length) {
            int cap = 2 * gen.length;
            start = Arrays.copyOf(start, cap + 1);
            slabAt = Arrays.copyOf(slabAt, cap + 1);
            gen = Arrays.copyOf(gen, cap);
            uniform = Arrays.copyOf(uniform, cap);
            spread = Arrays.copyOf(spread, cap);
            adjoint = Arrays.copyOf(adjoint, cap);
            termStart = Arrays.copyOf(termStart, cap + 1);
        }
        if (entries + n > arg.length) {
            int cap = Math.max(2 * arg.length, entries + n);
            arg = Arrays.copyOf(arg, cap);
            partialUniform = Arrays.copyOf(partialUniform, cap);
            partialLanes = Arrays.copyOf(partialLanes, cap);
        }
    }

    /** Refuses scalars of another tape and active scalars whose node was rewound away. */
    void checkOwn(Block x) {
        if (x.tape != this) {
            throw new IllegalArgumentException(
                    "block scalars of two different tapes were mixed in one operation; "
                            + "give each thread or computation its own tape and keep its scalars on it");
        }
        int i = x.index;
        if (i >= 0 && (i >= size || gen[i] != x.gen)) {
            throw new IllegalStateException(
                    "block scalar used after its tape was rewound past it (node " + i + ", tape size " + size + ")");
        }
    }

    // ------------------------------------------------------------------ curvature (second order)

    /** Whether operations record their curvature terms for {@link TangentAdjoint}. */
    boolean curvature;
    /** Node i's curvature terms are {@code termStart[i] .. termStart[i+1]-1}. */
    int[] termStart = new int[INITIAL_NODES + 1];
    int terms;
    /** Term t: the partial of entry {@code termEntry[t]} moves by {@code c * tangent(termNode[t])}. */
    int[] termEntry = new int[INITIAL_NODES];
    int[] termNode = new int[INITIAL_NODES];
    double[] termUniform = new double[INITIAL_NODES];
    double[][] termLanes = new double[INITIAL_NODES][];

    /**
     * Records, beside every local partial, how that partial moves with its operands (the
     * operation's second derivatives), so that {@link TangentAdjoint} can carry tangents through
     * the forward and reverse sweeps. Set it on an empty tape, before the first input. A tape
     * that records curvature refuses a grid table with an adjoint and is not replayed.
     */
    public void recordCurvature(boolean on) {
        if (size > 0) {
            throw new IllegalStateException("set curvature recording on an empty tape, before its inputs");
        }
        curvature = on;
    }

    public boolean recordsCurvature() {
        return curvature;
    }

    /**
     * A curvature term of the node being recorded: the partial of its entry {@code e} changes by
     * {@code c} times the change of node {@code node}'s value ({@code c} the second derivative).
     * Nothing is recorded for a passive node or a zero coefficient.
     */
    void term(int e, int node, double c) {
        if (node < 0 || c == 0.0) {
            return;
        }
        int t = nextTerm();
        termEntry[t] = e;
        termNode[t] = node;
        termUniform[t] = c;
        termLanes[t] = null;
    }

    /** As {@link #term(int, int, double)} with one coefficient per lane. */
    void term(int e, int node, double[] c) {
        if (node < 0) {
            return;
        }
        int t = nextTerm();
        termEntry[t] = e;
        termNode[t] = node;
        termLanes[t] = c;
    }

    /** As {@link #term(int, int, double)} with {@code c}'s value (uniform or per lane) as coefficient. */
    void term(int e, int node, Block c) {
        if (c.lanes == null) {
            term(e, node, c.u);
        } else {
            term(e, node, c.lanes);
        }
    }

    private int nextTerm() {
        if (terms == termEntry.length) {
            int cap = 2 * terms;
            termEntry = Arrays.copyOf(termEntry, cap);
            termNode = Arrays.copyOf(termNode, cap);
            termUniform = Arrays.copyOf(termUniform, cap);
            termLanes = Arrays.copyOf(termLanes, cap);
        }
        int t = terms++;
        termStart[size] = terms;
        return t;
    }

    // ------------------------------------------------------------------ the backward sweep

    /** Adds {@code weight} to every live lane's adjoint of {@code output}. */
    public void seed(Block output, double weight) {
        if (output.index < 0) {
            return;
        }
        checkOwn(output);
        spread[output.index] = true;
        double[] a = adjoint[output.index];
        for (int l = 0; l < live; l++) {
            a[l] += weight;
        }
    }

    /** Adds {@code weights[l]} to lane l's adjoint of {@code output}, for the live lanes. */
    public void seed(Block output, double[] weights) {
        checkWidth(weights);
        if (output.index < 0) {
            return;
        }
        checkOwn(output);
        spread[output.index] = true;
        double[] a = adjoint[output.index];
        for (int l = 0; l < live; l++) {
            a[l] += weights[l];
        }
    }

    /**
     * Several Monte Carlo blocks shared this lane block, block i on the {@code counts[i]} lanes after
     * block i-1's: lane i of every node's adjoint becomes block i's lane sum, the other lanes 0. A
     * lane-by-lane sweep of the setup on {@code counts.length} live lanes then gives each block's
     * sums apart, as {@link #backwardSummed} gives one block's: the worker can put blocks whose
     * gradient is known per block only side by side in one lane block (at 2,000 paths, blocks of
     * 32 paths on lane blocks of 128 or more). Only nodes the path section reached lane by lane hold
     * lanes; no grid table may hold an adjoint (its adjoint is one sum over all lanes).
     */
    public void segmentAdjoints(int[] counts) {
        for (int i = 0; i < size; i++) {
            if (spread[i]) {
                segmentLanes(adjoint[i], counts);
            }
        }
    }

    /** Lane i of {@code a} becomes the sum of segment i's lanes ({@code counts[i]} of them, in order); the rest 0. */
    static void segmentLanes(double[] a, int[] counts) {
        int from = 0;
        for (int i = 0; i < counts.length; i++) {
            double s = 0.0;
            for (int l = from; l < from + counts[i]; l++) {
                s += a[l];
            }
            a[i] = s;   // i <= from: lanes of earlier segments only, already summed
            from += counts[i];
        }
        Arrays.fill(a, counts.length, Math.max(counts.length, from), 0.0);
    }

    /** The lane-by-lane backward sweep over nodes {@code size-1 .. stop}; inputs keep their adjoints. */
    public void backward(int stop) {
        for (int k = 0; k < tableCount; k++) {
            if (tables[k].holdsAdjoint()) {
                throw new IllegalStateException("a grid table's adjoint is a sum over lanes, not a lane's own: "
                        + "sweep the setup with backwardSummed");
            }
        }
        propagate(stop, false);
    }

    /**
     * The backward sweep with uniform nodes collapsed: their lane adjoints are summed and pushed on
     * as one number (into lane 0 of their operands). Input adjoints then hold correct lane sums, not
     * per-lane values. The cheap sweep of a uniform setup section once per Monte Carlo block.
     */
    public void backwardSummed(int stop) {
        for (int k = 0; k < tableCount; k++) {
            double[] g = tables[k].drain();
            if (g == null) {
                continue;
            }
            Block[] ops = tables[k].operands;
            for (int j = 0; j < ops.length; j++) {
                int node = ops[j].index;
                if (node >= 0 && g[j] != 0.0) {
                    checkOwn(ops[j]);
                    adjoint[node][0] += g[j];   // a uniform node: lane 0, or any lane once spread
                }
            }
        }
        propagate(stop, true);
    }

    // ------------------------------------------------------------------ grid tables (GridTable)

    private GridTable[] tables = new GridTable[2];
    private int tableCount;
    /** {@code uses[i]}: the cells and weights of node i if it is a grid lookup (valid while its gen matches). */
    private GridTable.Use[] uses = new GridTable.Use[0];

    /** Whether a {@link GridTable} with an adjoint was built on this tape (its sweeps are then summed). */
    public boolean hasActiveTables() {
        return tableCount > 0;
    }

    void addTable(GridTable t) {
        if (curvature) {
            throw new UnsupportedOperationException("second derivatives through a grid table with an adjoint "
                    + "are not recorded: its setup is off the tape (use finite differences of adjoints)");
        }
        if (rec != null) {
            throw new IllegalStateException("a grid table belongs to the setup section, not to a recorded path");
        }
        if (tableCount == tables.length) {
            tables = Arrays.copyOf(tables, 2 * tableCount);
        }
        tables[tableCount++] = t;
    }

    /** The lookup record of node {@code node} (reused across rewinds when it reads the same row). */
    GridTable.Use use(int node, GridTable table, int offset) {
        if (node >= uses.length) {
            uses = Arrays.copyOf(uses, Math.max(2 * uses.length, node + 64));
        }
        GridTable.Use u = uses[node];
        if (u == null || u.table != table || u.offset != offset) {
            u = new GridTable.Use(table, offset, width);
            uses[node] = u;
        }
        u.gen = gen[node];
        return u;
    }

    private boolean propagate(int stop, boolean summed) {
        final boolean trust = trustPartials;
        if (!trust) {
            forgetFinite();   // lane arrays do not change during one sweep
        }
        final int all = width;
        final int w = live;
        final int[] start = this.start;
        final int[] arg = this.arg;
        final double[][] adj = this.adjoint;
        final double[] pu = this.partialUniform;
        final double[][] pl = this.partialLanes;
        boolean inputAdjoints = false;
        for (int i = size - 1; i >= stop; i--) {
            final double[] a = adj[i];
            int e = start[i];
            final int end = start[i + 1];
            if (summed && uniform[i]) {
                double s;
                if (spread[i]) {
                    s = 0.0;
                    for (int l = 0; l < all; l++) {
                        s += a[l];
                    }
                    Arrays.fill(a, 0.0);
                    spread[i] = false;
                } else {
                    s = a[0];   // only summed pushes reached it: everything is in lane 0
                    a[0] = 0.0;
                }
                if (e == end) {
                    a[0] = s;
                    inputAdjoints |= s != 0.0;
                    continue;
                }
                if (s == 0.0) {
                    continue;
                }
                for (; e < end; e++) {
                    adj[arg[e]][0] += pu[e] * s;   // a uniform node has uniform partials
                }
                continue;
            }
            if (!spread[i] && a[0] == 0.0) {
                continue;   // no lane push reached it and lane 0 is zero: all its adjoints are zero (no scan)
            }
            // Does any lane have a nonzero adjoint, and do all? (A zero lane is common below a kink.)
            // Plain compares with an early exit: cheaper than a branch-free count, which the JIT of
            // JDK 17 does not vectorise (measured: the count was 30% of the sweep). The optimistic
            // sweep needs neither answer: a zero lane adds 0 or a NaN the check after it finds, and
            // the scan through every lane of a smooth payoff's nodes was 15% of its replay.
            int firstZero = 0;
            while (!trust && firstZero < w && a[firstZero] != 0.0) {
                firstZero++;
            }
            final boolean every = trust || firstZero == w;
            if (!every && firstZero == 0) {
                int j = 1;
                while (j < w && a[j] == 0.0) {
                    j++;
                }
                if (j == w) {
                    continue;   // no lane reached this node (its adjoints are all zero already)
                }
            }
            if (i < uses.length && uses[i] != null && uses[i].gen == gen[i] && uses[i].table.adjoint != null) {
                uses[i].scatter(a, w);   // a grid lookup: its adjoint also goes into the table's
                if (e == end) {
                    Arrays.fill(a, 0.0);
                    continue;
                }
            }
            if (e == end) {
                inputAdjoints = true;   // an input keeps what it accumulated
                continue;
            }
            for (; e < end; e++) {
                final double[] t = adj[arg[e]];
                spread[arg[e]] = true;
                final double[] p = pl[e];
                if (p == null) {
                    final double c = pu[e];
                    if (every || Double.isFinite(c)) {
                        for (int l = 0; l < w; l++) {
                            t[l] += c * a[l];
                        }
                    } else {
                        for (int l = 0; l < w; l++) {
                            t[l] += unlessZero(c * a[l], a[l]);
                        }
                    }
                } else if (every || trust || finite(p, w)) {
                    // with finite partials a zero lane adds exactly 0: the plain, vectorised loop
                    for (int l = 0; l < w; l++) {
                        t[l] += p[l] * a[l];
                    }
                } else {
                    for (int l = 0; l < w; l++) {
                        t[l] += unlessZero(p[l] * a[l], a[l]);
                    }
                }
            }
            Arrays.fill(a, 0.0);
            spread[i] = false;   // zero again: the next sweep skips it unless a lane push reaches it
        }
        return inputAdjoints;
    }

    /** Finiteness of lane arrays within one sweep. */
    private final FiniteLanes finiteLanes = new FiniteLanes();

    private boolean finite(double[] p, int w) {
        return finiteLanes.finite(p, w);
    }

    /**
     * Forgets the arrays {@link #finite} remembered (at the start of each sweep), then remembers as
     * finite the partials a kept program computes finite by construction (its 0/1 masks).
     */
    private void forgetFinite() {
        finiteLanes.forget();
        for (int i = 0; i < presetCount; i++) {
            finiteLanes.remember(presetFinite[i]);
        }
    }

    private double[][] presetFinite;
    private int presetCount;

    private static double unlessZero(double product, double a) {
        return FiniteLanes.unlessZero(product, a);
    }

    /** Position to return to with {@link #rewind(int)}. */
    public int mark() {
        markNode = size;
        markSlices = slices;
        return size;
    }

    /** The lane slices in use before anything recorded after {@code mark}. */
    private int slicesAt(int mark) {
        if (mark == markNode) {
            return markSlices;
        }
        if (mark < markNode) {
            markNode = -1;   // that mark is forgotten with what was recorded after it
        }
        return mark < size ? slabAt[mark] : slices;
    }

    /** Forgets every node recorded since {@code mark}, and their lane slices. */
    public void rewind(int mark) {
        if (mark < 0 || mark > size) {
            throw new IllegalArgumentException("rewind to " + mark + " but the tape holds " + size + " nodes");
        }
        dropKept();
        noteHighWater();
        clear(mark, size);
        slices = slicesAt(mark);
        entries = start[mark];
        terms = termStart[mark];
        size = mark;
        generation++;
    }

    // ------------------------------------------------------------------ record once, replay per block

    /** The program being recorded, or null: the operations append their instructions to it. */
    BlockProgram rec;
    /** One past the last node of a kept path section, or -1. */
    private int keptEnd = -1;

    /**
     * Starts recording the path section of one block as a {@link BlockProgram}, at the
     * {@link #mark()} just taken: {@code laneInputs} are the arrays the caller refills per block
     * (the normals, viewed with {@link #view}). Run the block's function, then {@link #finish}.
     */
    public BlockProgram record(double[][] laneInputs) {
        if (markNode != size || rec != null || keptEnd >= 0) {
            throw new IllegalStateException("record a program right after mark(), one at a time");
        }
        if (curvature) {
            throw new IllegalStateException("a tape that records curvature is swept by TangentAdjoint, not replayed");
        }
        rec = new BlockProgram(this, laneInputs);
        return rec;
    }

    /**
     * Ends the recording with the block's output {@code y}. Unless the program was refused, the
     * tape keeps the path section's nodes (hidden from every other sweep) for its replays; the
     * first block's values are in place, ready for {@link BlockProgram#sweep}. A refused program
     * leaves the tape as the block scalar does (sweep or rewind it as usual).
     */
    public BlockProgram finish(BlockProgram program, Block y) {
        if (program != rec) {
            throw new IllegalStateException("not the program being recorded");
        }
        rec = null;
        checkOwn(y);
        program.finish(y, markNode, size);
        if (program.refused() == null) {
            noteHighWater();
            keptEnd = size;
            keepTargets(markNode, size);
            size = markNode;
        }
        return program;
    }

    /**
     * The nodes below {@code mark} that the kept section {@code mark .. end-1} pushes into, for the
     * optimistic sweep ({@link #sweepKept}); none (the careful sweep always) where a kept node is a
     * grid lookup or has no entries, whose adjoints the check after the sweep would not cover.
     */
    private void keepTargets(int mark, int end) {
        keptTargets = null;
        BitSet seen = new BitSet(mark);
        for (int i = mark; i < end; i++) {
            if (start[i] == start[i + 1] || (i < uses.length && uses[i] != null)) {
                return;
            }
            for (int e = start[i]; e < start[i + 1]; e++) {
                if (arg[e] < mark) {
                    seen.set(arg[e]);
                }
            }
        }
        keptTargets = seen.stream().toArray();
        keptSaved = new double[keptTargets.length][width];
        keptSpread = new boolean[keptTargets.length];
    }

    /** See {@link #keepTargets}: the setup nodes a kept section reaches, and their adjoints before a sweep. */
    private int[] keptTargets;
    private double[][] keptSaved;
    private boolean[] keptSpread;
    /** The sweep multiplies per-lane partials without checking them finite (the optimistic sweep). */
    private boolean trustPartials;

    /** Abandons a recording that failed with an exception. */
    public void abandon(BlockProgram program) {
        if (program == rec) {
            rec = null;
        }
    }

    /** Drops the kept path section (a rewind or reset does). */
    private void dropKept() {
        if (keptEnd >= 0) {
            size = keptEnd;
            keptEnd = -1;
        }
    }

    /**
     * The reverse pass of a replay: seeds lane l of node {@code out} with {@code weights[l]} and
     * sweeps the kept nodes {@code end-1 .. mark} lane by lane, exactly as {@link #sweepPath}.
     */
    void sweepKept(int out, double[] weights, int mark, int end, double[][] finiteArrays, int finiteCount) {
        checkWidth(weights);
        int setup = size;
        size = end;
        try {
            presetFinite = finiteArrays;
            presetCount = finiteCount;
            if (keptTargets != null && optimisticSweep(out, weights, mark)) {
                return;
            }
            seedKept(out, weights);
            propagate(mark, false);
        } finally {
            size = setup;
            presetFinite = null;
            presetCount = 0;
            trustPartials = false;
        }
    }

    /**
     * The replay's sweep without the finiteness checks on per-lane partials: a lane whose adjoint
     * is zero adds {@code partial * 0}, which is exactly 0 unless the partial is infinite or NaN.
     * Then a NaN appears, and a NaN reaches every node below it, so one check of the setup nodes
     * the section pushes into ({@link #keepTargets}) finds it; their adjoints are then restored
     * and the block swept again with the checks. So the result is the checked sweep's to the last
     * bit, and the checks (25% of Heston's kinked-payoff adjoint, whose out-of-the-money lanes
     * are zero at every node: {@code greeks bench}, 2026-12-07) are paid once per block over the
     * targets instead of once per partial array. Returns false if the sweep must be redone.
     */
    private boolean optimisticSweep(int out, double[] weights, int mark) {
        int w = live;
        int[] targets = keptTargets;
        for (int j = 0; j < targets.length; j++) {
            System.arraycopy(adjoint[targets[j]], 0, keptSaved[j], 0, w);
            keptSpread[j] = spread[targets[j]];
        }
        seedKept(out, weights);
        trustPartials = true;
        propagate(mark, false);
        trustPartials = false;
        boolean clean = true;
        for (int j = 0; j < targets.length && clean; j++) {
            clean = FiniteLanes.noNaN(adjoint[targets[j]], w);
        }
        if (clean) {
            return true;
        }
        for (int j = 0; j < targets.length; j++) {
            System.arraycopy(keptSaved[j], 0, adjoint[targets[j]], 0, w);
            spread[targets[j]] = keptSpread[j];
        }
        redoneSweeps++;
        return false;   // the kept section's own adjoints were cleared by the sweep
    }

    private long redoneSweeps;

    /** Replay sweeps redone with the finiteness checks (a NaN after the optimistic sweep), for tests. */
    long redoneSweeps() {
        return redoneSweeps;
    }

    /** Whether replays of the kept program sweep optimistically (see {@link #keepTargets}), for tests. */
    boolean sweepsOptimistically() {
        return keptTargets != null;
    }

    private void seedKept(int out, double[] weights) {
        spread[out] = true;
        double[] a = adjoint[out];
        for (int l = 0; l < live; l++) {
            a[l] += weights[l];
        }
    }

    /**
     * The Monte Carlo inner step for one block: seeds lane l of {@code output} with
     * {@code weights[l]}, sweeps lane by lane back to {@code mark} (the adjoints land in the setup
     * section, per lane) and rewinds to {@code mark}.
     */
    public void sweepPath(Block output, double[] weights, int mark) {
        if (mark < 0 || mark > size) {
            throw new IllegalArgumentException("rewind to " + mark + " but the tape holds " + size + " nodes");
        }
        seed(output, weights);
        boolean inputsInPath = propagate(mark, false);
        noteHighWater();
        if (inputsInPath) {
            clear(mark, size);   // the sweep cleared every other node
        }
        slices = slicesAt(mark);
        entries = start[mark];
        terms = termStart[mark];
        size = mark;
        generation++;
    }

    private void noteHighWater() {
        highWaterNodes = Math.max(highWaterNodes, size);
        highWaterEntries = Math.max(highWaterEntries, entries);
        highWaterSlices = Math.max(highWaterSlices, slices);
    }

    /** Forgets everything, inputs included. */
    public void reset() {
        rec = null;
        Arrays.fill(tables, 0, tableCount, null);
        tableCount = 0;
        rewind(0);
        slices = 0;
        markNode = -1;
        inputCount = 0;
    }

    // ------------------------------------------------------------------ reading adjoints

    /** The lane sum of the adjoint accumulated in {@code x}'s node (0 for a passive value). */
    public double adjoint(Block x) {
        if (x.index < 0) {
            return 0.0;
        }
        checkOwn(x);
        return laneSum(x.index);
    }

    /** The per-lane adjoints of {@code x}'s node (zeros for a passive value). */
    public double[] laneAdjoints(Block x) {
        double[] r = new double[width];
        if (x.index >= 0) {
            checkOwn(x);
            System.arraycopy(adjoint[x.index], 0, r, 0, width);
        }
        return r;
    }

    private double laneSum(int node) {
        double[] a = adjoint[node];
        if (uniform[node] && !spread[node]) {
            return a[0];   // only summed pushes reached it
        }
        double s = 0.0;
        for (int l = 0; l < width; l++) {
            s += a[l];
        }
        return s;
    }

    private void clear(int from, int to) {
        for (int i = from; i < to; i++) {
            Arrays.fill(adjoint[i], 0.0);
        }
    }

    /** Lane sums of the adjoints of all registered inputs, in registration order. */
    public double[] inputAdjoints() {
        requireInputs();
        double[] g = new double[inputCount];
        for (int k = 0; k < inputCount; k++) {
            g[k] = laneSum(inputs[k]);
        }
        return g;
    }

    /** Adds the lane sums of the input adjoints into {@code sum[offset + k]} and clears them. */
    public void drainInputAdjoints(double[] sum, int offset) {
        for (int k = 0; k < inputCount; k++) {
            sum[offset + k] += laneSum(inputs[k]);
            Arrays.fill(adjoint[inputs[k]], 0.0);
        }
    }

    /**
     * Writes lane l's adjoint of input k into {@code byInput[offset + k][at + l]} for
     * {@code l < lanes}, and clears every input adjoint: the per-path gradients after a lane-wise
     * sweep.
     */
    public void drainLaneAdjoints(double[][] byInput, int offset, int at, int lanes) {
        for (int k = 0; k < inputCount; k++) {
            System.arraycopy(adjoint[inputs[k]], 0, byInput[offset + k], at, lanes);
            Arrays.fill(adjoint[inputs[k]], 0.0);
        }
    }

    /** As {@link #drainInputAdjoints(double[], int)}, input k's lane sum into {@code sum[rows[k]]}. */
    public void drainInputAdjoints(double[] sum, int[] rows) {
        for (int k = 0; k < inputCount; k++) {
            sum[rows[k]] += laneSum(inputs[k]);
            Arrays.fill(adjoint[inputs[k]], 0.0);
        }
    }

    /** As {@link #drainLaneAdjoints(double[][], int, int, int)}, input k's lanes into {@code byInput[rows[k]]}. */
    public void drainLaneAdjoints(double[][] byInput, int[] rows, int at, int lanes) {
        for (int k = 0; k < inputCount; k++) {
            System.arraycopy(adjoint[inputs[k]], 0, byInput[rows[k]], at, lanes);
            Arrays.fill(adjoint[inputs[k]], 0.0);
        }
    }

    /** Clears every adjoint on the tape. */
    public void clearAdjoints() {
        clear(0, size);
    }

    /** {@code sum over lanes} of the gradient of {@code output} with respect to every input. */
    public double[] gradient(Block output) {
        requireInputs();
        clearAdjoints();
        seed(output, 1.0);
        backward(0);
        double[] g = inputAdjoints();
        clearAdjoints();
        return g;
    }

    /** Per-lane gradients of {@code output}: {@code [lane][input]}, one lane-wise sweep. */
    public double[][] laneGradients(Block output) {
        requireInputs();
        clearAdjoints();
        seed(output, 1.0);
        backward(0);
        double[][] byInput = new double[inputCount][width];
        drainLaneAdjoints(byInput, 0, 0, width);
        clearAdjoints();
        double[][] g = new double[width][inputCount];
        for (int k = 0; k < inputCount; k++) {
            for (int l = 0; l < width; l++) {
                g[l][k] = byInput[k][l];
            }
        }
        return g;
    }

    private void requireInputs() {
        if (inputCount == 0) {
            throw new IllegalStateException("nothing to differentiate with respect to: no input was registered on this tape");
        }
    }

    // ------------------------------------------------------------------ sizes

    public int size() {
        return size;
    }

    public int highWaterNodes() {
        noteHighWater();
        return highWaterNodes;
    }

    public int highWaterEntries() {
        noteHighWater();
        return highWaterEntries;
    }

    /**
     * Bytes the tape needs at its high-water mark: per node its entry start, generation, slice mark
     * and flag and an array of {@code width} adjoints; per entry operand, uniform partial and a
     * reference; per lane slice an array of {@code width} doubles (16 bytes of array header each).
     */
    public long highWaterBytes() {
        noteHighWater();
        long laneArray = 16 + 8L * width;
        return (long) highWaterNodes * (4 + 4 + 4 + 1 + 8 + laneArray) + (long) highWaterEntries * (4 + 8 + 8)
                + (long) highWaterSlices * (8 + laneArray);
    }

    // ------------------------------------------------------------------ Field<Block>

    @Override
    public Block getZero() {
        return zero;
    }

    @Override
    public Block getOne() {
        return one;
    }

    @Override
    public Class<? extends FieldElement<Block>> getRuntimeClass() {
        return Block.class;
    }
}
