package dev.adjointgreeks.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.adjointgreeks.engine.ModelTypes;
import dev.adjointgreeks.model.ModelDescriptor;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.Underlying;
import dev.adjointgreeks.spec.FieldException;
import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.spec.Input;
import dev.adjointgreeks.spec.Range;
import dev.adjointgreeks.spec.Role;

/** The plausible ranges each model's descriptor declares, checked before anything is built. */
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
                () -> TradeFactory.checkRanges(row("model", "heston", "heston_rho", "1")));
        assertEquals("heston_rho", e.column());
        assertEquals("must be in (-1, 1) under the heston model (README, Input ranges)", e.reason());
        assertEquals("1", e.value());
        assertThrows(FieldException.class, () -> TradeFactory.checkRanges(row("model", "heston", "heston_rho", "-1")));
        assertDoesNotThrow(() -> TradeFactory.checkRanges(row("model", "heston", "heston_rho", "0.999")));
    }

    @Test
    void aNormalVolOfTwentyIsOrdinaryUnderBachelierAndAbsurdUnderBlackScholes() {
        assertDoesNotThrow(() -> TradeFactory.checkRanges(row("model", "bachelier", "vol", "20", "spot", "-5")));
        FieldException e = assertThrows(FieldException.class, () -> TradeFactory.checkRanges(row("vol", "20")));
        assertEquals("vol", e.column());
    }

    /** A model known only to this test, declaring its own inputs and ranges. */
    record Toy(String word, List<Input> own) implements ModelDescriptor {
        @Override
        public Set<Underlying> underlyings() {
            return EnumSet.of(Underlying.SINGLE_ASSET);
        }

        @Override
        public List<Input> inputs(Underlying u) {
            return own;
        }

        @Override
        public PathModel create(Fields row, Underlying u) {
            throw new UnsupportedOperationException("ranges only");
        }
    }

    @Test
    void aModelRegisteredAtRunTimeDeclaresItsOwnRanges() {
        ModelTypes.register(new Toy("toy-ranges", List.of(Input.number("vol", Role.VOLATILITY)
                .range(Range.closed(0, 1), "a toy"))));
        ModelTypes.register(new Toy("toy-rates", List.of(Input.list("forward_rates", "forward_rate", Role.FORWARD_RATE)
                .range(Range.closed(-0.1, 0.5), "a toy"))));
        try {
            FieldException e = assertThrows(FieldException.class,
                    () -> TradeFactory.checkRanges(row("model", "toy-ranges", "vol", "2")));
            assertEquals("must be in [0, 1] under the toy-ranges model (README, Input ranges)", e.reason());
            assertDoesNotThrow(() -> TradeFactory.checkRanges(row("model", "toy-ranges", "rate", "5")),
                    "a model that does not read the rate does not range it");
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
            FieldException l = assertThrows(FieldException.class, () -> TradeFactory.checkRanges(listRow));
            assertEquals("forward_rates[2]", l.column());
        } finally {
            ModelTypes.unregister("toy-ranges");
            ModelTypes.unregister("toy-rates");
        }
    }
}
