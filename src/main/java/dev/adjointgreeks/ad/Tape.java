package dev.adjointgreeks.ad;

import java.util.Arrays;

import org.apache.commons.math3.Field;
import org.apache.commons.math3.FieldElement;

/**
 * The tape of reverse-mode automatic differentiation: the one place where the chain rule lives.
 *
 * <p>Every operation on an active {@link Adj} appends one node holding the local partial
 * derivatives of its result with respect to its active operands. The backward sweep walks the
 * nodes in reverse and accumulates {@code adjoint[arg] += partial * adjoint[node]}. Nothing else in
 * the project knows how differentiation works.
 *
 * <p>Memory layout: primitive arrays, no object per node. Node {@code i} owns the entries
 * {@code start[i] .. start[i+1]-1} of {@code arg} (operand node indices) and {@code partial}
 * (local derivatives). An n-ary node (a linear combination, a dot product) is one node with n
 * entries. Registered inputs are the nodes without entries. Operations whose operands are all
 * passive are not recorded.
 *
 * <p>Monte Carlo reuse: register inputs, record the per-trade setup, then {@link #mark()}. For each
 * path record the path, {@link #seed seed} its output, {@link #backward(int) backward(mark)} (the
 * adjoints accumulate in the setup section) and {@link #rewind(int) rewind(mark)}. At the end,
 * {@code backward(0)} carries the accumulated adjoints through the setup into the inputs. The
 * arrays grow to the high-water mark of one path and stay there however many paths run.
 *
 * <p>Threads: a tape and its scalars belong to one thread. Parallel code gives each worker its own
 * tape, registers the same inputs and records the same setup on it, and sums the input adjoints of
 * the workers at the end (see {@code dev.adjointgreeks.engine.AdjointEngine}). There is no shared
 * mutable static state.
 *
 * <p>Tape is also the {@link Field} of its scalars: {@code getZero()} and {@code getOne()} are passive
 * constants on this tape.
 *
 * <p><b>Why this file is long.</b> Nodes live in parallel primitive arrays with the record and sweep
 * loops written out, not as node objects: no allocation per operation and loops the JIT keeps tight.
 */
public final class Tape implements Field<Adj> {

    private static final int INITIAL_NODES = 1024;

    private int size;          // nodes recorded
    private int entries;       // partial-derivative entries recorded
    private int[] start = new int[INITIAL_NODES + 1];
    private int[] gen = new int[INITIAL_NODES];
    private double[] adjoint = new double[INITIAL_NODES];
    private int[] arg = new int[2 * INITIAL_NODES];
    private double[] partial = new double[2 * INITIAL_NODES];

    /** Incremented by every rewind, so that scalars recorded before it can be recognised as stale. */
    private int generation;

    private int[] inputs = new int[16];
    private int inputCount;

    private int highWaterNodes;
    private int highWaterEntries;

    private final Adj zero = new Adj(this, 0.0);
    private final Adj one = new Adj(this, 1.0);

    // ------------------------------------------------------------------ inputs and constants

    /** Registers an independent variable: the backward sweep accumulates d(output)/d(this input). */
    public Adj input(double value) {
        int node = newNode(0);
        if (inputCount == inputs.length) {
            inputs = Arrays.copyOf(inputs, 2 * inputCount);
        }
        inputs[inputCount++] = node;
        return new Adj(this, value, node, generation);
    }

    /** Registers each value as an input, in order. */
    public Adj[] inputs(double... values) {
        Adj[] result = new Adj[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = input(values[i]);
        }
        return result;
    }

    /** A passive constant on this tape: never recorded, its derivative is zero. */
    public Adj constant(double value) {
        return new Adj(this, value);
    }

    public int inputCount() {
        return inputCount;
    }

    // ------------------------------------------------------------------ recording

    /** Appends a node with room for {@code n} entries; small enough to inline, growth kept out of line. */
    private int newNode(int n) {
        if (size == gen.length || entries + n > arg.length) {
            grow(n);
        }
        int node = size++;
        gen[node] = generation;
        start[node] = entries;
        entries += n;
        start[size] = entries;
        return node;
    }

    private void grow(int n) {
        if (size == gen.length) {
            int cap = 2 * gen.length;
            start = Arrays.copyOf(start, cap + 1);
            gen = Arrays.copyOf(gen, cap);
            adjoint = Arrays.copyOf(adjoint, cap);
        }
        if (entries + n > arg.length) {
            int cap = Math.max(2 * arg.length, entries + n);
            arg = Arrays.copyOf(arg, cap);
            partial = Arrays.copyOf(partial, cap);
        }
    }

    Adj record1(double value, int a, double da) {
        int node = newNode(1);
        int e = start[node];
        arg[e] = a;
        partial[e] = da;
        return new Adj(this, value, node, generation);
    }

    Adj record2(double value, int a, double da, int b, double db) {
        int node = newNode(2);
        int e = start[node];
        arg[e] = a;
        partial[e] = da;
        arg[e + 1] = b;
        partial[e + 1] = db;
        return new Adj(this, value, node, generation);
    }

    /** Records one n-ary node with the first {@code n} (operand, partial) pairs. */
    Adj recordN(double value, int[] args, double[] partials, int n) {
        int node = newNode(n);
        int e = start[node];
        System.arraycopy(args, 0, arg, e, n);
        System.arraycopy(partials, 0, partial, e, n);
        return new Adj(this, value, node, generation);
    }

    /**
     * Records a node with partials {@code coefficients[k]} with respect to {@code terms[k]}:
     * the building block of {@code sum_k c_k x_k} with constant coefficients. Passive terms are
     * skipped; with no active term the result is passive.
     */
    Adj recordWeighted(double value, double[] coefficients, Adj[] terms, int n) {
        int active = 0;
        for (int k = 0; k < n; k++) {
            if (terms[k].index >= 0) {
                checkOwn(terms[k]);
                active++;
            }
        }
        if (active == 0) {
            return new Adj(this, value);
        }
        int node = newNode(active);
        int e = start[node];
        for (int k = 0; k < n; k++) {
            Adj t = terms[k];
            if (t.index >= 0) {
                arg[e] = t.index;
                partial[e] = coefficients[k];
                e++;
            }
        }
        return new Adj(this, value, node, generation);
    }

    /** Records {@code sum_k a_k b_k} with both factors possibly active: one node, up to 2n entries. */
    Adj recordProducts(double value, Adj[] a, Adj[] b, int n) {
        int active = 0;
        for (int k = 0; k < n; k++) {
            if (a[k].index >= 0) {
                checkOwn(a[k]);
                active++;
            }
            if (b[k].index >= 0) {
                checkOwn(b[k]);
                active++;
            }
        }
        if (active == 0) {
            return new Adj(this, value);
        }
        int node = newNode(active);
        int e = start[node];
        for (int k = 0; k < n; k++) {
            if (a[k].index >= 0) {
                arg[e] = a[k].index;
                partial[e++] = b[k].value;
            }
            if (b[k].index >= 0) {
                arg[e] = b[k].index;
                partial[e++] = a[k].value;
            }
        }
        return new Adj(this, value, node, generation);
    }

    /**
     * {@code c + sum_k coefficients[k] terms[k]} in one pass: the value (plain summation) and the
     * node's entries are written together; passive terms are skipped, and with no active term the
     * reserved node is given back and the result is passive. The pricers' hot path.
     */
    Adj weightedSum(double c, double[] coefficients, Adj[] terms, int n) {
        int node = newNode(n);
        int first = start[node];
        int e = first;
        double v = c;
        for (int k = 0; k < n; k++) {
            Adj t = terms[k];
            double w = coefficients[k];
            v += w * t.value;
            if (t.index >= 0) {
                checkOwn(t);
                arg[e] = t.index;
                partial[e++] = w;
            }
        }
        return finish(node, first, e, v);
    }

    /**
     * {@code x0 + x1 + sum_j factors[j] z[offset + j]}, j &lt; n, in one pass, reading the factors and
     * the normals where they lie (no copying into scratch arrays); {@code x1} may be null. Either
     * factor of a product may be active; a passive normal gives exactly the node of a constant
     * coefficient.
     */
    Adj affine(Adj x0, Adj x1, Adj[] factors, Adj[] z, int offset, int n) {
        int node = newNode(2 * n + 2);
        int first = start[node];
        int e = first;
        double v = x0.value;
        if (x0.index >= 0) {
            checkOwn(x0);
            arg[e] = x0.index;
            partial[e++] = 1.0;
        }
        if (x1 != null) {
            v += x1.value;
            if (x1.index >= 0) {
                checkOwn(x1);
                arg[e] = x1.index;
                partial[e++] = 1.0;
            }
        }
        for (int j = 0; j < n; j++) {
            Adj t = factors[j];
            Adj w = z[offset + j];
            v += w.value * t.value;
            if (t.index >= 0) {
                checkOwn(t);
                arg[e] = t.index;
                partial[e++] = w.value;
            }
            if (w.index >= 0) {
                checkOwn(w);
                arg[e] = w.index;
                partial[e++] = t.value;
            }
        }
        return finish(node, first, e, v);
    }

    /** {@code sum_k a[k] b[k]} in one pass, both factors possibly active (a neuron's weighted sum). */
    Adj productSum(Adj[] a, Adj[] b, int n) {
        int node = newNode(2 * n);
        int first = start[node];
        int e = first;
        double v = 0.0;
        for (int k = 0; k < n; k++) {
            Adj x = a[k];
            Adj y = b[k];
            v += x.value * y.value;
            if (x.index >= 0) {
                checkOwn(x);
                arg[e] = x.index;
                partial[e++] = y.value;
            }
            if (y.index >= 0) {
                checkOwn(y);
                arg[e] = y.index;
                partial[e++] = x.value;
            }
        }
        return finish(node, first, e, v);
    }

    /** Trims a reserved node to the entries it used, or gives it back if it used none. */
    private Adj finish(int node, int first, int end, double value) {
        if (end == first) {
            size = node;
            entries = first;
            return new Adj(this, value);
        }
        entries = end;
        start[size] = end;
        return new Adj(this, value, node, generation);
    }

    /** Refuses scalars of another tape and scalars whose node was rewound away. */
    void checkOwn(Adj x) {
        int i = x.index;
        if (x.tape != this || i >= size || gen[i] != x.gen) {
            misuse(x);
        }
    }

    private void misuse(Adj x) {
        if (x.tape != this) {
            throw new IllegalArgumentException(
                    "scalars of two different tapes were mixed in one operation; "
                            + "give each thread or computation its own tape and keep its scalars on it");
        }
        throw new IllegalStateException(
                "scalar used after its tape was rewound past it (node " + x.index + ", tape size " + size + ")");
    }

    // ------------------------------------------------------------------ the backward sweep

    /** Adds {@code weight} to the adjoint of {@code output}: several seeds give a vector-Jacobian product. */
    public void seed(Adj output, double weight) {
        if (output.index < 0) {
            return;   // a passive output depends on no input
        }
        checkOwn(output);
        adjoint[output.index] += weight;
    }

    /**
     * The backward sweep over the nodes {@code stop .. size-1}, last first: each node's adjoint is
     * pushed into its operands, then cleared. Input nodes keep their adjoints (the gradient).
     * A zero adjoint contributes nothing, so {@code 0 * inf} never produces NaN.
     */
    public void backward(int stop) {
        propagate(stop);
    }

    /**
     * The sweep itself: nodes {@code size-1} down to {@code stop}; returns true if an input node
     * in that range holds an adjoint (inputs keep theirs, every other swept node is cleared).
     */
    private boolean propagate(int stop) {
        final int[] start = this.start;
        final int[] arg = this.arg;
        final double[] partial = this.partial;
        final double[] adjoint = this.adjoint;
        boolean inputAdjoints = false;
        for (int i = size - 1; i >= stop; i--) {
            double a = adjoint[i];
            if (a == 0.0) {
                continue;
            }
            int end = start[i + 1];
            int e = start[i];
            if (e == end) {
                inputAdjoints = true;   // an input: keep what it accumulated
                continue;
            }
            for (; e < end; e++) {
                adjoint[arg[e]] += partial[e] * a;
            }
            adjoint[i] = 0.0;
        }
        return inputAdjoints;
    }

    /** Position to return to with {@link #rewind(int)}; everything recorded before it is kept. */
    public int mark() {
        return size;
    }

    /** Forgets every node recorded since {@code mark}; scalars from that section become unusable. */
    public void rewind(int mark) {
        if (mark < 0 || mark > size) {
            throw new IllegalArgumentException("rewind to " + mark + " but the tape holds " + size + " nodes");
        }
        noteHighWater();
        Arrays.fill(adjoint, mark, size, 0.0);
        entries = start[mark];
        size = mark;
        generation++;
    }

    /**
     * The Monte Carlo inner step in one call: seeds {@code output} with {@code weight}, sweeps the
     * path section back to {@code mark} (its adjoints land in the setup section, and the swept
     * adjoints are cleared on the way) and rewinds to {@code mark}.
     */
    public void sweepPath(Adj output, double weight, int mark) {
        if (output.index >= mark) {
            checkOwn(output);
            adjoint[output.index] += weight;
        } else if (output.index >= 0) {
            seed(output, weight);   // an output recorded in the setup section: nothing to sweep yet
        }
        boolean inputsInPath = propagate(mark);
        if (size > highWaterNodes) {
            noteHighWater();
        }
        if (inputsInPath) {
            Arrays.fill(adjoint, mark, size, 0.0);
        }
        entries = start[mark];
        size = mark;
        generation++;
    }

    private void noteHighWater() {
        if (size > highWaterNodes) {
            highWaterNodes = size;
        }
        if (entries > highWaterEntries) {
            highWaterEntries = entries;
        }
    }

    /** Forgets everything, inputs included. */
    public void reset() {
        rewind(0);
        inputCount = 0;
    }

    /** The adjoint accumulated so far in {@code x}'s node (0 for a passive scalar). */
    public double adjoint(Adj x) {
        if (x.index < 0) {
            return 0.0;
        }
        checkOwn(x);
        return adjoint[x.index];
    }

    /** The accumulated adjoints of all registered inputs, in registration order. */
    public double[] inputAdjoints() {
        requireInputs();
        double[] g = new double[inputCount];
        for (int k = 0; k < inputCount; k++) {
            g[k] = adjoint[inputs[k]];
        }
        return g;
    }

    /** Adds the input adjoints into {@code sum} and clears them: the per-path read-out of Monte Carlo. */
    public void drainInputAdjoints(double[] sum) {
        drainInputAdjoints(sum, 0);
    }

    /** As {@link #drainInputAdjoints(double[])}, adding input k's adjoint into {@code sum[offset + k]}. */
    public void drainInputAdjoints(double[] sum, int offset) {
        for (int k = 0; k < inputCount; k++) {
            int node = inputs[k];
            sum[offset + k] += adjoint[node];
            adjoint[node] = 0.0;
        }
    }

    /** Clears every adjoint on the tape. */
    public void clearAdjoints() {
        Arrays.fill(adjoint, 0, size, 0.0);
    }

    /** The full gradient of {@code output} with respect to every registered input (one sweep). */
    public double[] gradient(Adj output) {
        return vectorJacobianProduct(new Adj[] {output}, new double[] {1.0});
    }

    /** {@code sum_k weights[k] * d outputs[k] / d inputs}, in one backward sweep. */
    public double[] vectorJacobianProduct(Adj[] outputs, double[] weights) {
        requireInputs();
        if (outputs.length != weights.length) {
            throw new IllegalArgumentException(outputs.length + " outputs but " + weights.length + " weights");
        }
        clearAdjoints();
        for (int k = 0; k < outputs.length; k++) {
            if (weights[k] != 0.0) {
                seed(outputs[k], weights[k]);
            }
        }
        backward(0);
        double[] g = inputAdjoints();
        clearAdjoints();
        return g;
    }

    /** The Jacobian, one row (one backward sweep) per output. */
    public double[][] jacobian(Adj... outputs) {
        double[][] j = new double[outputs.length][];
        for (int k = 0; k < outputs.length; k++) {
            j[k] = gradient(outputs[k]);
        }
        return j;
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

    /** Bytes the tape's arrays need at the high-water mark (start, generation and adjoint per node; arg and partial per entry). */
    public long highWaterBytes() {
        noteHighWater();
        return (long) highWaterNodes * (4 + 4 + 8) + (long) highWaterEntries * (4 + 8);
    }

    public int highWaterEntries() {
        noteHighWater();
        return highWaterEntries;
    }

    // ------------------------------------------------------------------ Field<Adj>

    @Override
    public Adj getZero() {
        return zero;
    }

    @Override
    public Adj getOne() {
        return one;
    }

    @Override
    public Class<? extends FieldElement<Adj>> getRuntimeClass() {
        return Adj.class;
    }
}
