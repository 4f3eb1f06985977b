package dev.adjointgreeks.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MarketRangesTest {

    static Fields row(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m::get;
    }

    @Test
    void hestonRhoIsAnOpenIntervalAndItsEdgesAreRefusedWithTheRange() {
        FieldException e = assertThrows(FieldException.class,
                () -> MarketRanges.check(row("model", "heston", "heston_rho", "1")));
        assertEquals("heston_rho", e.column());
        assertEquals("must be in (-1, 1) under the heston model (README, Input ranges)", e.getMessage());
        assertEquals("1", e.value());
        assertThrows(FieldException.class, () -> MarketRanges.check(row("model", "heston", "heston_rho", "-1")));
        assertDoesNotThrow(() -> MarketRanges.check(row("model", "heston", "heston_rho", "0.999")));
    }

    @Test
    void aNormalVolOfTwentyIsOrdinaryUnderBachelierAndAbsurdUnderBlackScholes() {
        assertDoesNotThrow(() -> MarketRanges.check(row("model", "bachelier", "vol", "20", "spot", "-5")));
        FieldException e = assertThrows(FieldException.class, () -> MarketRanges.check(row("vol", "20")));
        assertEquals("vol", e.column());
    }

    @Test
    void aModelRegisteredAtRunTimeDeclaresItsOwnRanges() {
        MarketRanges.register("toy-ranges", List.of(MarketRanges.closed("vol", 0, 1)));
        FieldException e = assertThrows(FieldException.class,
                () -> MarketRanges.check(row("model", "toy-ranges", "vol", "2")));
        assertEquals("must be in [0, 1] under the toy-ranges model (README, Input ranges)", e.getMessage());
        assertThrows(FieldException.class, () -> MarketRanges.check(row("model", "toy-ranges", "rate", "5")),
                "the common ranges apply to every model");
        MarketRanges.register("toy-rates", List.of(MarketRanges.closed("forward_rates", -0.1, 0.5)));
        Fields listRow = new Fields() {
            @Override
            public String text(String column) {
                return Map.of("model", "toy-rates", "forward_rates", "[0.03,0.9]").get(column);
            }

            @Override
            public double[] numbers(String column) {
                return new double[] {0.03, 0.9};
            }
        };
        FieldException l = assertThrows(FieldException.class, () -> MarketRanges.check(listRow));
        assertEquals("forward_rates[2]", l.column());
    }
}
