package dev.adjointgreeks.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The forked second-order case hands its rows back as lines: every field exactly, NaN included. */
class SecondOrderBenchTest {

    @Test
    void rowsSurviveTheTripThroughTheForksOutput() {
        SecondOrderBench.Row a = new SecondOrderBench.Row("european", 1_000_000, 3, 0.0475, 0.0836, 0.0403, 0.189,
                0.0, 1.28e-4, SecondOrderBench.TANGENT, 0.2528, 1.15e-6);
        SecondOrderBench.Row b = new SecondOrderBench.Row("basket-10", 2_000, 55, 4.06e-3, 3.5e-2, Double.NaN,
                Double.NaN, 1.35e-7, Double.NaN, SecondOrderBench.DIFFERENCES, 0.19, 1.35e-7);
        List<String> lines = List.of("a JVM warning", SecondOrderBench.format(a), "", SecondOrderBench.format(b));
        assertEquals(List.of(a, b), SecondOrderBench.parse(lines));
    }

    @Test
    void noRowsOrAMalformedOneIsNoResult() {
        assertNull(SecondOrderBench.parse(List.of("Exception in thread main")));
        String bad = SecondOrderBench.format(new SecondOrderBench.Row("asian", 20_000, 3, 1, 2, 3, 4, 5, 6,
                SecondOrderBench.TANGENT, 7, 8)).replace(" 20000 ", " 2e4 ");
        assertNull(SecondOrderBench.parse(List.of(bad)));
    }
}
