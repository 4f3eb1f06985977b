package dev.adjointgreeks.scenario.shock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ShockSetTest {

    private static ShockSet parse(String text) throws IOException {
        return ShockSet.parse("s.csv", new StringReader(text));
    }

    private static List<String> problems(String text) {
        return assertThrows(ShockSet.BadShocksException.class, () -> parse(text)).problems();
    }

    @Test
    void scenariosKeepTheFileOrderAndCombineTheirRows() throws IOException {
        ShockSet s = parse("\uFEFFscenario,underlying,factor,shift,type\n"
                + "crash,*,spot,-0.2,relative\n"
                + "up,SPX,spot,0.1,relative\n"
                + "crash,*,vol,0.05,absolute\n"
                + "crash,SPX,rate,-0.005,absolute\n");
        assertEquals(List.of("crash", "up"), s.names());
        assertEquals(3, s.shocksFor("crash", "SPX").size());
        assertEquals(2, s.shocksFor("crash", "other").size());
        assertEquals(0, s.shocksFor("up", "other").size());
        Shock spot = s.shocksFor("crash", "x").get(0);
        assertEquals(80.0, spot.apply(100.0), 1e-12);
        assertEquals(0.25, s.shocksFor("crash", "x").get(1).apply(0.2), 1e-15);
        assertEquals(5, s.shocks("crash").get(2).line());
    }

    @Test
    void singleRowScenariosFormFamiliesSortedByShift() throws IOException {
        ShockSet s = parse("scenario,underlying,factor,shift,type\n"
                + "s+10,*,spot,0.1,relative\n"
                + "s-10,*,spot,-0.1,relative\n"
                + "v+1,*,vol,0.01,absolute\n"
                + "combo,*,spot,-0.1,relative\n"
                + "combo,*,vol,0.05,absolute\n");
        var families = s.families();
        assertEquals(Set.of("* spot (relative)", "* vol (absolute)"), families.keySet());
        assertEquals(-0.1, families.get("* spot (relative)").get(0).shift());
    }

    @Test
    void everyBadRowIsReportedWithFileLineAndColumn() {
        List<String> p = problems("scenario,underlying,factor,shift,type\n"
                + "a,*,spto,0.1,relative\n"
                + "b,*,spot,abc,relative\n"
                + "c,*,spot,0.1,percent\n"
                + "d,*,spot,0.1,relative\n"
                + "d,*,spot,0.2,relative\n"
                + "e,*,vol,0.01,absolute\n"
                + "e,SPX,vol,0.02,absolute\n"
                + "f,*,spot,-1,relative\n");
        assertEquals(List.of(
                "s.csv:2: factor: unknown factor, expected one of discount_curve, dividend, dividend_curve, heston_kappa, heston_rho, heston_theta, "
                        + "heston_v0, heston_xi, rate, spot, vol (value 'spto')",
                "s.csv:3: shift: not a finite number (value 'abc')",
                "s.csv:4: type: expected relative or absolute (value 'percent')",
                "s.csv:6: underlying: scenario 'd' already shocks spot of this underlying at line 5 (value '*')",
                "s.csv:8: underlying: scenario 'e' shocks vol both for '*' and for a named underlying (line 7); "
                        + "use one or the other (value 'SPX')",
                "s.csv:9: shift: a relative shift must be above -1, or the input changes sign (value '-1')"), p);
    }

    @Test
    void aMissingColumnIsReportedByName() {
        assertEquals(List.of("s.csv:1: type: missing column (the header must name scenario, underlying, factor, shift, type)"),
                problems("scenario,underlying,factor,shift\nx,*,spot,0.1\n"));
    }

    @Test
    void aRecordSpanningLinesIsReportedAtItsFirstLine() {
        List<String> p = problems("scenario,underlying,factor,shift,type\n"
                + "\"multi\nline\",*,spot,zz,relative\n");
        assertEquals(List.of("s.csv:2: shift: not a finite number (value 'zz')"), p);
    }

    @Test
    void anEmptyFileOrOneWithoutRowsIsRefused() {
        assertEquals(1, problems("").size());
        assertEquals(List.of("s.csv: the shocks file has no scenario rows"),
                problems("scenario,underlying,factor,shift,type\n"));
    }
}
