package dev.adjointgreeks.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.adjointgreeks.spec.FieldException;
import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.spec.Role;

/**
 * The surface as a model reads it: one labelled block, labels {@code <expiry>/<strike>} as written,
 * element names with {@code _} for {@code /}, and surface faults as the field {@code vol_surface}'s.
 */
class SurfaceInputTest {

    /** The four flattened fields of a surface, as the JSON reader writes them. */
    static Fields fields(String expiries, String strikes, String axis, double[] vols) {
        Map<String, String> text = Map.of("vol_surface", "[..]", "vol_surface_expiries", expiries,
                "vol_surface_strikes", strikes, "vol_surface_axis", axis);
        return new Fields() {
            @Override
            public String text(String column) {
                return text.get(column);
            }

            @Override
            public double[] numbers(String column) {
                return vols.clone();
            }
        };
    }

    @Test
    void labelsAreTheQuotesAsWrittenAndColumnsReplaceTheSlash() {
        SurfaceInput s = SurfaceInput.of(fields("6M,18M", "0.9,1.0,1.1", "moneyness",
                new double[] {0.22, 0.2, 0.19, 0.21, 0.2, 0.195}));
        InputBlock b = s.block();
        assertEquals(Role.VOL_SURFACE, b.role());
        assertEquals(List.of("6M/0.9", "6M/1.0", "6M/1.1", "18M/0.9", "18M/1.0", "18M/1.1"), b.labels());
        assertEquals("vol_surface_18M_0.9", b.element(3));
        assertEquals("d_vol_surface", b.greekFamily());
        assertEquals(0.195, s.quote(1, 2));
        assertArrayEquals(new double[] {0.22, 0.2, 0.19, 0.21, 0.2, 0.195}, s.values());
        assertEquals(Role.VOLATILITY, Role.VOL_SURFACE.parallel());
    }

    @Test
    void arbitrageAndRangeAreTheFieldsFaults() {
        // the 1Y vol at 90 falls from 0.25 to 0.17: total variance 0.03125 -> 0.0289 (no carry: one k per strike)
        SurfaceInput s = SurfaceInput.of(fields("6M,1Y", "90,100,110", "strike",
                new double[] {0.25, 0.2, 0.18, 0.17, 0.2, 0.185}));
        FieldException e = assertThrows(FieldException.class, () -> s.check(100, t -> 100));
        assertEquals("vol_surface", e.column());
        assertEquals("calendar arbitrage between 6M and 1Y at strike 90 (vols 0.25, 0.17)", e.reason());
        assertNull(e.value());

        FieldException high = assertThrows(FieldException.class, () -> SurfaceInput.of(fields("6M,1Y", "90,100",
                "strike", new double[] {0.2, 0.2, 0.2, 6.0})));
        assertEquals("vol 1Y/100 must lie in (0, 5]", high.reason());
        FieldException axis = assertThrows(FieldException.class, () -> SurfaceInput.of(fields("6M,1Y", "90,100",
                "delta", new double[] {0.2, 0.2, 0.2, 0.2})));
        assertEquals("vol_surface_axis", axis.column());
    }
}
