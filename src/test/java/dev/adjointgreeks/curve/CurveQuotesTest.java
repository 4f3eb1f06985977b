package dev.adjointgreeks.curve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CurveQuotesTest {

    private static CurveError structure(List<String> words, double... rates) {
        CurveException e = assertThrows(CurveException.class, () -> CurveQuotes.parse("discount_curve", words, rates));
        assertEquals(CurveError.Kind.STRUCTURE, e.error().kind());
        assertEquals("discount_curve", e.error().column());
        return e.error();
    }

    @Test
    void keepsLabelsAsWrittenAndTimesInOrder() {
        CurveQuotes q = CurveQuotes.parse("discount_curve", List.of("2W", "3M", "0.5", "1Y", "18M", "5Y"),
                new double[] {0.01, 0.02, 0.025, 0.03, 0.031, 0.04});
        assertEquals(List.of("2W", "3M", "0.5", "1Y", "18M", "5Y"), q.labels());
        assertArrayEquals(new double[] {14.0 / 365, 0.25, 0.5, 1, 1.5, 5}, q.times(), 0.0);
        assertArrayEquals(new double[] {0.01, 0.02, 0.025, 0.03, 0.031, 0.04}, q.rates(), 0.0);
        assertEquals(Optional.empty(), q.rangeError(-1, 1));
    }

    @Test
    void unsortedPillarsAreAStructureError() {
        CurveError e = structure(List.of("3M", "5Y", "1Y"), 0.01, 0.02, 0.03);
        assertEquals("1Y", e.value());
        assertTrue(e.reason().contains("increasing"), e.reason());
    }

    @Test
    void duplicatePillarsAreAStructureErrorEvenWhenWrittenDifferently() {
        assertEquals("1Y", structure(List.of("3M", "1Y", "1Y"), 0.01, 0.02, 0.03).value());
        CurveError e = structure(List.of("12M", "1Y"), 0.01, 0.02);
        assertEquals("1Y", e.value());
        assertTrue(e.reason().contains("duplicate") && e.reason().contains("12M"), e.reason());
        assertEquals("0.25", structure(List.of("3M", "0.25"), 0.01, 0.02).value());
    }

    @Test
    void lengthsThatDifferAreAStructureError() {
        CurveError e = structure(List.of("3M", "1Y"), 0.01, 0.02, 0.03);
        assertEquals("3", e.value());
        assertTrue(e.reason().contains("lengths must match"), e.reason());
        structure(List.of("3M", "1Y", "2Y"), 0.01);
    }

    @Test
    void anEmptyCurveAndAnUnknownWordAreStructureErrors() {
        assertTrue(structure(List.of()).reason().contains("at least one pillar"));
        CurveError e = structure(List.of("3M", "1Yr"), 0.01, 0.02);
        assertEquals("1Yr", e.value());
        assertTrue(e.reason().startsWith("unknown tenor word"), e.reason());
    }

    @Test
    void ratesOutsideTheRangeAreARangeErrorNamingThePillar() {
        CurveQuotes q = CurveQuotes.parse("dividend_curve", List.of("1Y", "2Y", "3Y"), new double[] {-1.0, 1.5, 2.0});
        CurveError e = q.rangeError(-1, 1).orElseThrow();
        assertEquals(CurveError.Kind.RANGE, e.kind());
        assertEquals("dividend_curve", e.column());
        assertEquals("1.5", e.value());
        assertEquals("dividend_curve: rate at pillar 2Y must lie in [-1, 1] (value '1.5')", e.message());

        CurveQuotes nan = CurveQuotes.parse("dividend_curve", List.of("1Y"), new double[] {Double.NaN});
        assertEquals("NaN", nan.rangeError(-1, 1).orElseThrow().value());
        CurveQuotes ends = CurveQuotes.parse("dividend_curve", List.of("1Y", "2Y"), new double[] {-1.0, 1.0});
        assertEquals(Optional.empty(), ends.rangeError(-1, 1), "the range is closed, as the flat rate's");
    }

    @Test
    void quotesAreImmutable() {
        double[] rates = {0.01, 0.02};
        CurveQuotes q = CurveQuotes.parse("discount_curve", List.of("1Y", "2Y"), rates);
        rates[0] = 9;
        q.rates()[1] = 9;
        q.times()[0] = 9;
        assertArrayEquals(new double[] {0.01, 0.02}, q.rates(), 0.0);
        assertArrayEquals(new double[] {1, 2}, q.times(), 0.0);
        assertThrows(UnsupportedOperationException.class, () -> q.pillars().clear());
    }
}
