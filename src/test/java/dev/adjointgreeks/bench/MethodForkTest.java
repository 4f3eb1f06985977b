package dev.adjointgreeks.bench;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Each forked method runs in a JVM of its own and reports a positive median: the primal, the
 * adjoint and the generic replay of a block case, and the LIBOR book's primal, adjoint and
 * hand-written adjoint (few paths: this checks the plumbing, not a speed).
 */
class MethodForkTest {

    @Test
    void everyForkedMethodReportsAPositiveMedianFromItsOwnJvm() {
        BenchmarkCase european = BenchmarkCase.european(2_000);
        for (String m : MethodFork.FORKED) {
            double s = MethodFork.medianSeconds(european.name(), european.paths(), m, 3);
            assertTrue(s > 0 && Double.isFinite(s), m + ": " + s);
        }
        for (String m : new String[] {"primal", "adjoint", "handwritten"}) {
            double s = MethodFork.medianSeconds("libor", 40, m, 1);
            assertTrue(s > 0 && Double.isFinite(s), "libor " + m + ": " + s);
        }
    }

    @Test
    void aMethodThatIsNotForkedIsRefusedInTheFork() {
        assertThrows(IllegalArgumentException.class, () -> MethodFork.main(new String[] {"european", "10", "1", "bump"}));
        assertTrue(Double.isNaN(MethodFork.medianSeconds("european", 10, "bump", 1)), "a failed fork reads NaN");
    }
}
