package dev.adjointgreeks.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WideColumnsTest {

    private static void is(String column, String factor, String bucket) {
        assertEquals(new WideColumns.Factor(factor, bucket), WideColumns.of(column), column);
    }

    @Test
    void eachColumnShapeHasItsFactorAndBucket() {
        is("price", "price", "");
        is("delta", "delta", "");
        is("d_strike", "d_strike", "");
        is("d_heston_v0", "d_heston_v0", "");
        is("delta_2", "delta", "2");
        is("gamma_1_2", "gamma", "1/2");
        is("d_corr_1_3", "d_corr", "1/3");
        is("d_forward_rate_12", "d_forward_rate", "12");
        is("d_discount_curve_5Y", "discount_curve", "5Y");
        is("d_discount_curve_0.25", "discount_curve", "0.25");
        is("d_discount_curve_3", "discount_curve", "3");   // a year-fraction pillar, not an asset index
        is("d_dividend_curve_18M", "dividend_curve", "18M");
        is("d_vol_surface_1Y_105", "vol_surface", "1Y/105");
    }
}
