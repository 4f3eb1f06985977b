package dev.adjointgreeks.mc;

import dev.adjointgreeks.ad.Block;
import dev.adjointgreeks.ad.BlockProgram;
import dev.adjointgreeks.ad.BlockTape;

/**
 * One block of paths through a pricing function on the block scalar: recorded once as a
 * {@link BlockProgram} on the first block, replayed on every later one (values and partials
 * forward, adjoints reverse, over the tape's lane arrays), or recorded on every block when replay
 * is off or the program was refused. Both give the same numbers to the last bit.
 */
public final class BlockRun {

    /** Replay by default; {@code -Dadjointgreeks.replay=false} records every block on the block scalar. */
    static final boolean REPLAY_DEFAULT = BlockProgram.enabled();

    private final BlockTape tape;
    private final PricingProblem.PathFunction<Block> function;
    private final Block[] normals;
    private final double[][] normalLanes;
    private final int mark;
    private final boolean replay;
    private BlockProgram program;
    private boolean replaying;
    /** The block scalar's output of the current block (when not replaying). */
    private Block y;

    public BlockRun(BlockTape tape, PricingProblem.PathFunction<Block> function, Block[] normals, double[][] normalLanes,
            int mark, boolean replay) {
        this.tape = tape;
        this.function = function;
        this.normals = normals;
        this.normalLanes = normalLanes;
        this.mark = mark;
        this.replay = replay;
    }

    /** The program, once recorded (null before the first block or with replay off). */
    public BlockProgram program() {
        return program;
    }

    /** Prices the current normals (the tape's live lanes). */
    public void forward() {
        if (replaying) {
            program.forward();
            return;
        }
        if (replay && program == null) {
            BlockProgram p = tape.record(normalLanes);
            Block out;
            try {
                out = function.discountedPayoff(normals);
            } catch (RuntimeException e) {
                tape.abandon(p);
                throw e;
            }
            program = tape.finish(p, out);
            replaying = p.refused() == null;
            y = replaying ? null : out;
            return;
        }
        y = function.discountedPayoff(normals);
    }

    public double output(int l) {
        return replaying ? program.output(l) : y.lane(l);
    }

    /**
     * Lanes {@code 0 .. n-1} of the output summed, in four interleaved sums: one running sum is a
     * chain of dependent adds, 13% of the European's adjoint in {@code greeks bench} (JFR).
     */
    public double outputSum(int n) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int l = 0;
        for (; l + 4 <= n; l += 4) {
            s0 += output(l);
            s1 += output(l + 1);
            s2 += output(l + 2);
            s3 += output(l + 3);
        }
        for (; l < n; l++) {
            s0 += output(l);
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The adjoint sweep of the current block back to the setup, lane l seeded with {@code weights[l]}. */
    public void sweep(double[] weights) {
        if (replaying) {
            program.sweep(weights);
        } else {
            tape.sweepPath(y, weights, mark);
            y = null;
        }
    }

    /** Done with a price-only block. */
    public void release() {
        if (!replaying) {
            tape.rewind(mark);
            y = null;
        }
    }
}
