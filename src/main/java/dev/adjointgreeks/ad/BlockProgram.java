package dev.adjointgreeks.ad;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import org.apache.commons.math3.util.MathArrays;

/**
 * Record once, replay per block: the path section of a {@link BlockTape} recorded by the block
 * scalar on the first block, then re-run on every later block as a flat instruction stream.
 *
 * <p>While a program records ({@link BlockTape#record}), every operation of {@link Block} and
 * {@link BlockOps} that produces a per-lane value appends one instruction: an op code, the slot of
 * its result, its operands (a lane slot, or a uniform constant) and the slots of the per-lane
 * partials it computes. A slot is the very lane array the block scalar wrote on the first block,
 * and the tape keeps that block's nodes (operands and partials, per-lane partials by reference to
 * those arrays). A replay therefore rewrites the values and computed partials in place, in the same
 * arithmetic and order as the block scalar, and sweeps the tape's kept nodes back to the setup with
 * the block scalar's own reverse loop: every lane equals the block scalar's to the last bit. No
 * object is made per operation and nothing is allocated per block.
 *
 * <p>Uniform values of the path section (everything computed from the setup and constants) are
 * fixed for the evaluator that recorded the program: they are constants of the instruction stream,
 * and uniform active nodes of the path section keep their recorded partials. Every uniform value
 * the pricer read with {@link Block#getReal()} while recording is a guard (value and count in
 * {@link #guards()}): control flow can depend only on those, and a program is replayed only by the
 * evaluator, inputs and setup that recorded it, so no guard can flip; running the program on other
 * inputs means recording it again. A per-lane value read as one real number throws when recorded
 * (see {@link Block#getReal()}), so a program whose control flow depends on a path is never recorded.
 *
 * <p>A program is refused ({@link #refused()}, the caller then keeps recording every block) when
 * the path section reads a per-lane array that neither an instruction nor a declared lane input
 * wrote (a per-lane constant made from lane values outside the scalar's operations), or registers
 * an input after the mark.
 *
 * <p>Adding an operation: give it an op code, record its per-lane branch where the block scalar
 * computes it ({@code rec.xxx(...)} with its result, operands and computed partials), and write its
 * lanes loop in {@link #forward()} exactly as the block scalar writes it. Its reverse needs no code
 * when its adjoint is a sum over recorded entries (an operand and a partial). The grid lookup
 * ({@link GridTable}, op code {@code LOOKUP}) also scatters into its table's adjoint: its replay
 * rewrites the per-lane cells and weights its kept node scatters with, so the tape's reverse loop
 * serves it unchanged.
 *
 * <p><b>Why this file is long.</b> The replay of each op code is written out as its own lane loops,
 * in the same order as {@link Block}'s, so a replayed block equals a recorded one to the last bit.
 */
public final class BlockProgram {

    static final int ADD = 1;
    static final int SUB = 2;
    static final int MUL = 3;
    static final int SCALE = 4;
    static final int ADDC = 5;
    static final int SUBC = 6;
    static final int DIVC = 7;
    static final int REMC = 8;
    static final int SQRT = 9;
    static final int EXP = 10;
    static final int LOG = 11;
    static final int RULE1 = 12;
    static final int RULE2 = 13;
    static final int PMAP = 14;
    static final int WEIGHTED = 15;
    static final int PRODUCTS = 16;
    static final int AFFINE = 17;
    static final int MAX2 = 18;
    static final int MIN2 = 19;
    static final int MINC = 20;
    static final int SELECT = 21;
    static final int MAXC = 22;
    static final int SQRTPOS = 23;
    static final int LOOKUP = 24;

    /**
     * Whether evaluators replay (the default) or record every block ({@code
     * -Dadjointgreeks.replay=false}, kept to compare the two). Replay measured faster on every
     * {@code greeks bench} case (adjoint 2026-12-06 late: European 3.46 vs 3.59 ms, Asian 10.0 vs
     * 17.1, basket-50 2.33 vs 2.71, Heston 19.2 vs 20.5, LIBOR 71 vs 96), with the same numbers
     * to the last bit (benchmarks/results/2026-12-06-late.md).
     */
    public static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty("adjointgreeks.replay"));
    }

    /** Operand of no value (an absent partial or optional operand). */
    static final int NONE = Integer.MIN_VALUE;

    private final BlockTape tape;
    /** Slot of each lane array the program reads or writes. */
    private final Map<double[], Integer> slotOf = new IdentityHashMap<>();
    private double[][] slots = new double[64][];
    private int slotCount;
    private int[] code = new int[256];
    private int pc;
    private double[] consts = new double[64];
    private int constCount;
    private Object[] aux = new Object[16];
    private int auxCount;
    private int instructions;

    private String refusal;
    private boolean finished;
    /** Node range of the path section kept on the tape. */
    private int mark;
    private int end;
    private double[] outLanes;
    private double outUniform;
    private int outNode = -1;
    private int guards;

    BlockProgram(BlockTape tape, double[][] laneInputs) {
        this.tape = tape;
        for (double[] in : laneInputs) {
            slot(in);
        }
    }

    // ------------------------------------------------------------------ recording

    private int slot(double[] lanes) {
        Integer s = slotOf.get(lanes);
        if (s != null) {
            return s;
        }
        if (slotCount == slots.length) {
            slots = Arrays.copyOf(slots, 2 * slotCount);
        }
        slots[slotCount] = lanes;
        slotOf.put(lanes, slotCount);
        return slotCount++;
    }

    private int constant(double v) {
        if (constCount == consts.length) {
            consts = Arrays.copyOf(consts, 2 * constCount);
        }
        consts[constCount] = v;
        return -1 - constCount++;
    }

    /** An operand: the slot of a per-lane value an instruction or a lane input wrote, or a constant. */
    private int operand(Block x) {
        if (x.lanes == null) {
            return constant(x.u);
        }
        Integer s = slotOf.get(x.lanes);
        if (s == null) {
            refuse("a per-lane value that no recorded operation computed is read (a per-lane constant made in the path)");
            return 0;
        }
        return s;
    }

    private int result(double[] r) {
        if (slotOf.containsKey(r)) {
            refuse("a lane array is written twice");
        }
        return slot(r);
    }

    private int partial(double[] p) {
        return p == null ? NONE : slot(p);
    }

    private void emit(int... words) {
        if (pc + words.length > code.length) {
            code = Arrays.copyOf(code, Math.max(2 * code.length, pc + words.length));
        }
        System.arraycopy(words, 0, code, pc, words.length);
        pc += words.length;
        instructions++;
    }

    void maxConstant(double[] r, Block x, double c, double[] p) {
        finiteByConstruction(p);
        emit(MAXC, result(r), operand(x), constant(c), partial(p));
    }

    /**
     * A computed partial that is finite whatever the operands (a 0/1 mask): the reverse pass
     * need not check it before its plain loop ({@link BlockTape#sweepKept}).
     */
    private void finiteByConstruction(double[] p) {
        if (p == null) {
            return;
        }
        if (finiteCount == finite.length) {
            finite = Arrays.copyOf(finite, Math.max(8, 2 * finiteCount));
        }
        finite[finiteCount++] = p;
    }

    private double[][] finite = new double[8][];
    private int finiteCount;

    private int auxiliary(Object o) {
        if (auxCount == aux.length) {
            aux = Arrays.copyOf(aux, 2 * auxCount);
        }
        aux[auxCount] = o;
        return auxCount++;
    }

    void refuse(String why) {
        if (refusal == null) {
            refusal = why;
        }
    }

    void guard() {
        guards++;
    }

    void binary(int op, double[] r, Block a, Block b) {
        emit(op, result(r), operand(a), operand(b));
    }

    void unaryConst(int op, double[] r, Block x, double c) {
        emit(op, result(r), operand(x), constant(c));
    }

    void unary(int op, double[] r, Block x, double[] p) {
        if (op == SQRTPOS) {
            finiteByConstruction(p);   // 0.5 / sqrt(x) for x > 0 (at most 2.3e161), else 0
        }
        emit(op, result(r), operand(x), partial(p));
    }

    void rule(double[] r, Block x, double[] p, Rule f) {
        emit(RULE1, result(r), operand(x), partial(p), auxiliary(f));
    }

    void rule2(double[] r, Block a, Block b, double[] pa, double[] pb, Rule2 f) {
        emit(RULE2, result(r), operand(a), operand(b), partial(pa), partial(pb), auxiliary(f));
    }

    void passiveMap(double[] r, Block x, DoubleUnaryOperator f) {
        emit(PMAP, result(r), operand(x), auxiliary(f));
    }

    void weighted(double[] r, double c, double[] coefficients, Block[] terms, int n, boolean compensated) {
        int[] w = new int[6 + n];
        w[0] = WEIGHTED;
        w[1] = result(r);
        w[2] = constant(c);
        w[3] = n;
        w[4] = compensated ? 1 : 0;
        w[5] = auxiliary(coefficients.clone());
        auxiliary(new double[n]);   // the compensated sum's term values, one lane at a time
        for (int k = 0; k < n; k++) {
            w[6 + k] = operand(terms[k]);
        }
        emit(w);
    }

    void products(double[] r, Block[] a, Block[] b, int n, boolean compensated) {
        int[] w = new int[5 + 2 * n];
        w[0] = PRODUCTS;
        w[1] = result(r);
        w[2] = n;
        w[3] = compensated ? 1 : 0;
        w[4] = auxiliary(new double[n]);   // the compensated sum's factors, one lane at a time
        auxiliary(new double[n]);
        for (int k = 0; k < n; k++) {
            w[5 + 2 * k] = operand(a[k]);
            w[6 + 2 * k] = operand(b[k]);
        }
        emit(w);
    }

    void affine(double[] r, Block x0, Block x1, Block[] factors, Block[] z, int offset, int n) {
        int[] w = new int[5 + 2 * n];
        w[0] = AFFINE;
        w[1] = result(r);
        w[2] = operand(x0);
        w[3] = x1 == null ? NONE : operand(x1);
        w[4] = n;
        for (int j = 0; j < n; j++) {
            w[5 + 2 * j] = operand(factors[j]);
            w[6 + 2 * j] = operand(z[offset + j]);
        }
        emit(w);
    }

    /** {@code max}, {@code min} or {@code select}: lane l takes {@code a} or {@code b} by a per-lane decision. */
    void blend(int op, double[] r, Block cond, Block a, Block b, double c, double[] pa, double[] pb) {
        finiteByConstruction(pa);
        finiteByConstruction(pb);
        emit(op, result(r), cond == null ? NONE : operand(cond), operand(a), b == null ? constant(c) : operand(b),
                partial(pa), partial(pb));
    }

    /** A grid lookup ({@link GridTable#lookup}): the replay rewrites its values, slopes, cells and weights. */
    void lookup(double[] r, Block x, double[] slope, GridTable.Use use) {
        emit(LOOKUP, result(r), operand(x), partial(slope), auxiliary(use));
    }

    /** Ends the recording with the block's output; the tape keeps the path section's nodes for the replays. */
    void finish(Block y, int mark, int end) {
        this.mark = mark;
        this.end = end;
        if (y.lanes != null) {
            Integer s = slotOf.get(y.lanes);
            if (s == null) {
                refuse("the output's lanes were not computed by a recorded operation");
            }
            outLanes = y.lanes;
        } else {
            outUniform = y.u;
        }
        outNode = y.index;
        finished = true;
        code = Arrays.copyOf(code, pc);
        slotOf.clear();   // the arrays are held by slot; the map is needed only to record
    }

    // ------------------------------------------------------------------ reading

    /** Why the program cannot be replayed, or null. */
    public String refused() {
        return refusal;
    }

    /** Instructions recorded. */
    public int instructions() {
        return instructions;
    }

    /** Uniform values the recorded control flow read ({@link Block#getReal()} while recording). */
    public int guards() {
        return guards;
    }

    /** Lane {@code l} of the output after the last forward pass. */
    public double output(int l) {
        return outLanes == null ? outUniform : outLanes[l];
    }

    /**
     * Bytes of the replay's working set: the lane arrays it reads and writes and the instruction
     * stream; the tape's kept nodes are counted by {@link BlockTape#highWaterBytes()}.
     */
    public long workingSetBytes() {
        return (long) slotCount * (16 + 8L * tape.width) + 4L * code.length + 8L * constCount;
    }

    // ------------------------------------------------------------------ replay

    /** The reverse pass: seeds the output's live lanes with {@code weights} and sweeps back to the setup. */
    public void sweep(double[] weights) {
        if (outNode < 0) {
            return;
        }
        tape.sweepKept(outNode, weights, mark, end, finite, finiteCount);
    }

    /** The forward pass: every instruction's values and computed partials, over the tape's live lanes. */
    public void forward() {
        if (!finished || refusal != null) {
            throw new IllegalStateException(refusal != null ? "program refused: " + refusal : "program not recorded");
        }
        final int w = tape.live;
        final int[] s = code;
        final double[][] sl = slots;
        final double[] k = consts;
        int i = 0;
        while (i < s.length) {
            switch (s[i]) {
                case ADD: {
                    add(sl[s[i + 1]], s[i + 2], s[i + 3], 1.0, w);
                    i += 4;
                    break;
                }
                case SUB: {
                    add(sl[s[i + 1]], s[i + 2], s[i + 3], -1.0, w);
                    i += 4;
                    break;
                }
                case MUL: {
                    mul(sl[s[i + 1]], s[i + 2], s[i + 3], w);
                    i += 4;
                    break;
                }
                case SCALE: {
                    double[] r = sl[s[i + 1]];
                    double[] x = sl[s[i + 2]];
                    double c = k[-1 - s[i + 3]];
                    for (int l = 0; l < w; l++) {
                        r[l] = x[l] * c;
                    }
                    i += 4;
                    break;
                }
                case ADDC: {
                    double[] r = sl[s[i + 1]];
                    double[] x = sl[s[i + 2]];
                    double c = k[-1 - s[i + 3]];
                    for (int l = 0; l < w; l++) {
                        r[l] = x[l] + c;
                    }
                    i += 4;
                    break;
                }
                case SUBC: {
                    double[] r = sl[s[i + 1]];
                    double[] x = sl[s[i + 2]];
                    double c = k[-1 - s[i + 3]];
                    for (int l = 0; l < w; l++) {
                        r[l] = x[l] - c;
                    }
                    i += 4;
                    break;
                }
                case DIVC: {
                    double[] r = sl[s[i + 1]];
                    double[] x = sl[s[i + 2]];
                    double c = k[-1 - s[i + 3]];
                    for (int l = 0; l < w; l++) {
                        r[l] = x[l] / c;
                    }
                    i += 4;
                    break;
                }
                case REMC: {
                    double[] r = sl[s[i + 1]];
                    double[] x = sl[s[i + 2]];
                    double c = k[-1 - s[i + 3]];
                    for (int l = 0; l < w; l++) {
                        r[l] = org.apache.commons.math3.util.FastMath.IEEEremainder(x[l], c);
                    }
                    i += 4;
                    break;
                }
                case SQRT: {
                    double[] r = sl[s[i + 1]];
                    double[] x = sl[s[i + 2]];
                    for (int l = 0; l < w; l++) {
                        r[l] = Math.sqrt(x[l]);
                    }
                    if (s[i + 3] != NONE) {
                        double[] p = sl[s[i + 3]];
                        for (int l = 0; l < w; l++) {
                            p[l] = 0.5 / r[l];
                        }
                    }
                    i += 4;
                    break;
                }
                case EXP: {
                    double[] r = sl[s[i + 1]];
                    double[] x = sl[s[i + 2]];
                    for (int l = 0; l < w; l++) {
                        r[l] = Math.exp(x[l]);
                    }
                    i += 4;
                    break;
                }
                case LOG: {
                    double[] r = sl[s[i + 1]];
                    double[] x = sl[s[i + 2]];
                    for (int l = 0; l < w; l++) {
                        r[l] = Math.log(x[l]);
                    }
                    if (s[i + 3] != NONE) {
                        double[] p = sl[s[i + 3]];
                        for (int l = 0; l < w; l++) {
                            p[l] = 1.0 / x[l];
                        }
                    }
                    i += 4;
                    break;
                }
                case RULE1: {
                    double[] r = sl[s[i + 1]];
                    double[] x = sl[s[i + 2]];
                    Rule f = (Rule) aux[s[i + 4]];
                    if (s[i + 3] == NONE) {
                        for (int l = 0; l < w; l++) {
                            r[l] = f.value(x[l]);
                        }
                    } else {
                        double[] p = sl[s[i + 3]];
                        for (int l = 0; l < w; l++) {
                            double v = f.value(x[l]);
                            r[l] = v;
                            p[l] = f.slope(x[l], v);
                        }
                    }
                    i += 5;
                    break;
                }
                case RULE2: {
                    rule2(sl[s[i + 1]], s[i + 2], s[i + 3], s[i + 4], s[i + 5], (Rule2) aux[s[i + 6]], w);
                    i += 7;
                    break;
                }
                case PMAP: {
                    double[] r = sl[s[i + 1]];
                    double[] x = sl[s[i + 2]];
                    DoubleUnaryOperator f = (DoubleUnaryOperator) aux[s[i + 3]];
                    for (int l = 0; l < w; l++) {
                        r[l] = f.applyAsDouble(x[l]);
                    }
                    i += 4;
                    break;
                }
                case WEIGHTED: {
                    i = weighted(i, w);
                    break;
                }
                case PRODUCTS: {
                    i = products(i, w);
                    break;
                }
                case AFFINE: {
                    i = affine(i, w);
                    break;
                }
                case MAX2:
                case MIN2:
                case MINC:
                case SELECT: {
                    blend(s[i], sl[s[i + 1]], s[i + 2], s[i + 3], s[i + 4], s[i + 5], s[i + 6], w);
                    i += 7;
                    break;
                }
                case MAXC: {
                    int p = s[i + 4];
                    LaneChoice.max(sl[s[i + 1]], p == NONE ? null : sl[p], sl[s[i + 2]], null, k[-1 - s[i + 3]], w);
                    i += 5;
                    break;
                }
                case LOOKUP: {
                    GridTable.Use use = (GridTable.Use) aux[s[i + 4]];
                    double[] x;
                    if (s[i + 2] < 0) {
                        x = lookupX();
                        java.util.Arrays.fill(x, k[-1 - s[i + 2]]);
                    } else {
                        x = sl[s[i + 2]];
                    }
                    use.forward(x, w, sl[s[i + 1]], s[i + 3] == NONE ? lookupSlope() : sl[s[i + 3]]);
                    i += 5;
                    break;
                }
                case SQRTPOS: {
                    sqrtPos(sl[s[i + 1]], sl[s[i + 2]], s[i + 3] == NONE ? null : sl[s[i + 3]], w);
                    i += 4;
                    break;
                }
                default:
                    throw new IllegalStateException("unknown op code " + s[i] + " at " + i);
            }
        }
    }

    private double[] lookupX;
    private double[] lookupSlope;

    private double[] lookupX() {
        if (lookupX == null) {
            lookupX = new double[tape.width];
        }
        return lookupX;
    }

    private double[] lookupSlope() {
        if (lookupSlope == null) {
            lookupSlope = new double[tape.width];
        }
        return lookupSlope;
    }

    private double value(int operand, int l) {
        return operand < 0 ? consts[-1 - operand] : slots[operand][l];
    }

    private void add(double[] r, int a, int b, double sign, int w) {
        if (a < 0) {
            double x = consts[-1 - a];
            double[] y = slots[b];
            if (sign > 0) {
                for (int l = 0; l < w; l++) {
                    r[l] = x + y[l];
                }
            } else {
                for (int l = 0; l < w; l++) {
                    r[l] = x - y[l];
                }
            }
        } else if (b < 0) {
            double[] x = slots[a];
            double y = consts[-1 - b];
            if (sign > 0) {
                for (int l = 0; l < w; l++) {
                    r[l] = x[l] + y;
                }
            } else {
                for (int l = 0; l < w; l++) {
                    r[l] = x[l] - y;
                }
            }
        } else {
            double[] x = slots[a];
            double[] y = slots[b];
            if (sign > 0) {
                for (int l = 0; l < w; l++) {
                    r[l] = x[l] + y[l];
                }
            } else {
                for (int l = 0; l < w; l++) {
                    r[l] = x[l] - y[l];
                }
            }
        }
    }

    private void mul(double[] r, int a, int b, int w) {
        if (a < 0) {
            double x = consts[-1 - a];
            double[] y = slots[b];
            for (int l = 0; l < w; l++) {
                r[l] = x * y[l];
            }
        } else if (b < 0) {
            double[] x = slots[a];
            double y = consts[-1 - b];
            for (int l = 0; l < w; l++) {
                r[l] = x[l] * y;
            }
        } else {
            double[] x = slots[a];
            double[] y = slots[b];
            for (int l = 0; l < w; l++) {
                r[l] = x[l] * y[l];
            }
        }
    }

    private void rule2(double[] r, int a, int b, int pa, int pb, Rule2 f, int w) {
        double[] px = pa == NONE ? null : slots[pa];
        double[] py = pb == NONE ? null : slots[pb];
        for (int l = 0; l < w; l++) {
            double x = value(a, l);
            double y = value(b, l);
            double v = f.value(x, y);
            r[l] = v;
            if (px != null) {
                px[l] = f.dx(x, y, v);
            }
            if (py != null) {
                py[l] = f.dy(x, y, v);
            }
        }
    }

    /** {@code r[l] += c * x[l]}, as {@code BlockOps.addScaled}. */
    private void addScaled(double[] r, double c, int x, int w) {
        if (x < 0) {
            double v = c * consts[-1 - x];
            for (int l = 0; l < w; l++) {
                r[l] += v;
            }
        } else {
            double[] a = slots[x];
            for (int l = 0; l < w; l++) {
                r[l] += c * a[l];
            }
        }
    }

    /** {@code r[l] += x[l] * y[l]}, as {@code BlockOps.addProduct}. */
    private void addProduct(double[] r, int x, int y, int w) {
        if (x < 0 && y < 0) {
            double v = consts[-1 - x] * consts[-1 - y];
            for (int l = 0; l < w; l++) {
                r[l] += v;
            }
        } else if (x < 0) {
            double a = consts[-1 - x];
            double[] b = slots[y];
            for (int l = 0; l < w; l++) {
                r[l] += a * b[l];
            }
        } else if (y < 0) {
            double[] a = slots[x];
            double b = consts[-1 - y];
            for (int l = 0; l < w; l++) {
                r[l] += a[l] * b;
            }
        } else {
            double[] a = slots[x];
            double[] b = slots[y];
            for (int l = 0; l < w; l++) {
                r[l] += a[l] * b[l];
            }
        }
    }

    /**
     * {@code r[l] += a_j * b_j[l]} over the terms at {@code code[t..t + 2n)}, in term order: runs of
     * a uniform factor times a lane array are fused four (or two) terms to one pass over the lanes,
     * each lane summing in the same order as one pass per term (bit-identical; the basket's
     * correlated step and Heston's were one read-modify-write pass of {@code r} per term).
     */
    private void productTerms(double[] r, int t, int n, int w) {
        final int[] s = code;
        int j = 0;
        while (j < n) {
            int run = 0;
            while (run < 4 && j + run < n && (s[t + 2 * (j + run)] < 0) != (s[t + 2 * (j + run) + 1] < 0)) {
                run++;
            }
            if (run == 4) {
                axpy4(r, factor(t, j), lanes(t, j), factor(t, j + 1), lanes(t, j + 1), factor(t, j + 2), lanes(t, j + 2),
                        factor(t, j + 3), lanes(t, j + 3), w);
                j += 4;
            } else if (run >= 2) {
                axpy2(r, factor(t, j), lanes(t, j), factor(t, j + 1), lanes(t, j + 1), w);
                j += 2;
            } else {
                addProduct(r, s[t + 2 * j], s[t + 2 * j + 1], w);
                j++;
            }
        }
    }

    /** The uniform factor of term j (one operand a constant, the other lanes). */
    private double factor(int t, int j) {
        int a = code[t + 2 * j];
        return a < 0 ? consts[-1 - a] : consts[-1 - code[t + 2 * j + 1]];
    }

    /** The lane array of term j (one operand a constant, the other lanes). */
    private double[] lanes(int t, int j) {
        int a = code[t + 2 * j];
        return a >= 0 ? slots[a] : slots[code[t + 2 * j + 1]];
    }

    private static void axpy2(double[] r, double c0, double[] x0, double c1, double[] x1, int w) {
        for (int l = 0; l < w; l++) {
            r[l] = r[l] + c0 * x0[l] + c1 * x1[l];
        }
    }

    private static void axpy4(double[] r, double c0, double[] x0, double c1, double[] x1, double c2, double[] x2,
            double c3, double[] x3, int w) {
        for (int l = 0; l < w; l++) {
            r[l] = r[l] + c0 * x0[l] + c1 * x1[l] + c2 * x2[l] + c3 * x3[l];
        }
    }

    private int weighted(int i, int w) {
        final int[] s = code;
        double[] r = slots[s[i + 1]];
        double c = consts[-1 - s[i + 2]];
        int n = s[i + 3];
        boolean compensated = s[i + 4] != 0;
        double[] coefficients = (double[]) aux[s[i + 5]];
        int t = i + 6;
        if (compensated) {
            double[] tv = (double[]) aux[s[i + 5] + 1];
            for (int l = 0; l < w; l++) {
                for (int j = 0; j < n; j++) {
                    tv[j] = value(s[t + j], l);
                }
                r[l] = c + MathArrays.linearCombination(coefficients, tv);
            }
        } else {
            for (int l = 0; l < w; l++) {
                r[l] = c;
            }
            int j = 0;
            while (j < n) {
                int run = 0;
                while (run < 4 && j + run < n && s[t + j + run] >= 0) {
                    run++;
                }
                if (run == 4) {
                    axpy4(r, coefficients[j], slots[s[t + j]], coefficients[j + 1], slots[s[t + j + 1]],
                            coefficients[j + 2], slots[s[t + j + 2]], coefficients[j + 3], slots[s[t + j + 3]], w);
                    j += 4;
                } else if (run >= 2) {
                    axpy2(r, coefficients[j], slots[s[t + j]], coefficients[j + 1], slots[s[t + j + 1]], w);
                    j += 2;
                } else {
                    addScaled(r, coefficients[j], s[t + j], w);
                    j++;
                }
            }
        }
        return t + n;
    }

    private int products(int i, int w) {
        final int[] s = code;
        double[] r = slots[s[i + 1]];
        int n = s[i + 2];
        boolean compensated = s[i + 3] != 0;
        int t = i + 5;
        if (compensated) {
            double[] av = (double[]) aux[s[i + 4]];
            double[] bv = (double[]) aux[s[i + 4] + 1];
            for (int l = 0; l < w; l++) {
                for (int j = 0; j < n; j++) {
                    av[j] = value(s[t + 2 * j], l);
                    bv[j] = value(s[t + 2 * j + 1], l);
                }
                r[l] = MathArrays.linearCombination(av, bv);
            }
        } else {
            for (int l = 0; l < w; l++) {
                r[l] = 0.0;
            }
            productTerms(r, t, n, w);
        }
        return t + 2 * n;
    }

    private int affine(int i, int w) {
        final int[] s = code;
        double[] r = slots[s[i + 1]];
        int x0 = s[i + 2];
        int x1 = s[i + 3];
        if (x0 >= 0 && x1 >= 0) {
            // the copy and the first sum in one pass (1.0 * x is x exactly, as addScaled's)
            double[] a = slots[x0];
            double[] b = slots[x1];
            for (int l = 0; l < w; l++) {
                r[l] = a[l] + b[l];
            }
        } else {
            if (x0 < 0) {
                double v = consts[-1 - x0];
                for (int l = 0; l < w; l++) {
                    r[l] = v;
                }
            } else {
                System.arraycopy(slots[x0], 0, r, 0, w);
            }
            if (x1 != NONE) {
                addScaled(r, 1.0, x1, w);
            }
        }
        int n = s[i + 4];
        int t = i + 5;
        productTerms(r, t, n, w);
        return t + 2 * n;
    }

    private void blend(int op, double[] r, int cond, int a, int b, int pa, int pb, int w) {
        // the block scalar's own branch-free loops (BlockOps.blend), on the same operands
        double[] x = a >= 0 ? slots[a] : LaneChoice.filled(scratch(1), consts[-1 - a], w);
        LaneChoice.blend(op, r, pa == NONE ? null : slots[pa], pb == NONE ? null : slots[pb],
                cond == NONE ? null : slots[cond], x, b >= 0 ? slots[b] : null, b >= 0 ? 0.0 : consts[-1 - b],
                scratch(0), w);
    }

    private final double[][] scratch = new double[2][];

    /** Scratch lanes for one instruction (a mask no node keeps, a uniform operand spread out). */
    private double[] scratch(int k) {
        if (scratch[k] == null) {
            scratch[k] = new double[tape.width];
        }
        return scratch[k];
    }

    private static void sqrtPos(double[] r, double[] xs, double[] p, int w) {
        for (int l = 0; l < w; l++) {
            r[l] = Math.sqrt(Math.max(xs[l], 0.0));
        }
        if (p == null) {
            for (int l = 0; l < w; l++) {
                if (!(xs[l] > 0.0)) {
                    r[l] = 0.0;
                }
            }
            return;
        }
        for (int l = 0; l < w; l++) {
            p[l] = 0.5 / r[l];
        }
        for (int l = 0; l < w; l++) {
            if (!(xs[l] > 0.0)) {
                r[l] = 0.0;
                p[l] = 0.0;
            }
        }
    }
}
