package dev.adjointgreeks.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PillarTest {

    @ParameterizedTest
    @CsvSource({
        "1D, 0.0027397260273972603",   // 1/365
        "2W, 0.038356164383561646",    // 14/365
        "1M, 0.08333333333333333",     // 1/12
        "3M, 0.25",
        "18M, 1.5",
        "1Y, 1.0",
        "30Y, 30.0",
        "400D, 1.095890410958904",     // 400/365, no calendar
        "0.25, 0.25",
        "7, 7.0",
        "1.5e1, 15.0",
        "0.0833, 0.0833"})
    void tenorsAndYearFractionsKeepTheirLabel(String word, double years) {
        Pillar p = Pillar.parse("discount_curve", word);
        assertEquals(word, p.label(), "the bucket label is the pillar as written");
        assertEquals(years, p.years(), 0.0);
    }

    @ParameterizedTest
    @CsvSource({"D, 365.0", "W, 52.142857142857146", "M, 12.0", "Y, 1.0"})
    void unitsAreExactFractionsOfAYear(String unit, double perYear) {
        for (int n = 1; n <= 1000; n++) {
            double expected = unit.equals("W") ? 7.0 * n / 365.0 : n / perYear;
            assertEquals(expected, Pillar.parse("c", n + unit).years(), 0.0, n + unit);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "0D", "0M", "03M", "3m", "3y", "-1Y", "+1Y", "1.5Y", "3 M", " 3M", "3M ", "M", "Y3",
        "3MM", "3Q", "1M1W", "0", "0.0", "-0.5", ".5", "1.", "1e999", "NaN", "Infinity", "0x1p3", "1_000D",
        "99999999Y", "1000001D", "twelve"})
    void anythingElseIsAStructureErrorNamingColumnAndWord(String word) {
        CurveException e = assertThrows(CurveException.class, () -> Pillar.parse("dividend_curve", word));
        CurveError err = e.error();
        assertEquals("dividend_curve", err.column());
        assertEquals(CurveError.Kind.STRUCTURE, err.kind());
        assertEquals(word, err.value());
        assertTrue(e.getMessage().startsWith("dividend_curve: "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000000D", "1000000Y"})
    void theLargestCountIsAccepted(String word) {
        assertTrue(Pillar.parse("c", word).years() > 2000);
    }
}
