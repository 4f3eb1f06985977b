package dev.adjointgreeks.libor;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Tape;
import dev.adjointgreeks.mc.NormalSource;
import dev.adjointgreeks.mc.RandomStreams;

/** The published case and helpers shared by the LIBOR tests. */
final class LiborFixtures {

    static final LiborMarket MARKET = LiborMarket.published();
    static final SwaptionPortfolio BOOK = SwaptionPortfolio.published();
    static final int N = MARKET.size();
    static final int INPUTS = 2 * N + 1;

    private LiborFixtures() {
    }

    /** {@code paths} paths of normals from block {@code block} of {@code seed}. */
    static double[][] normals(long seed, int block, int paths) {
        NormalSource source = NormalSource.pseudoRandom(RandomStreams.block(seed, block));
        double[][] z = new double[paths][BOOK.expiry()];
        for (double[] p : z) {
            source.next(p);
        }
        return z;
    }

    /** The engine's adjoint: one tape, setup recorded once, one sweep per path. */
    static final class EngineAdjoint {
        final Tape tape = new Tape();
        final LiborPathFunction<Adj> f;
        final int mark;

        EngineAdjoint(double[] inputs) {
            f = new LiborPathFunction<>(N, BOOK, tape.inputs(inputs));
            mark = tape.mark();
        }

        /** The path's price; its gradient (2N + 1) into {@code gradient}. */
        double priceAndGradient(double[] z, double[] gradient) {
            Adj y = f.discountedPayoff(z);
            tape.sweepPath(y, 1.0, mark);
            tape.backward(0);
            java.util.Arrays.fill(gradient, 0.0);
            tape.drainInputAdjoints(gradient);
            tape.clearAdjoints();
            return y.getReal();
        }
    }

    static double maxAbs(double[] x) {
        double m = 0.0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
