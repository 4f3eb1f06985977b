package dev.adjointgreeks.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.adjointgreeks.spec.FieldException;
import dev.adjointgreeks.spec.Fields;

/**
 * The lists that used to be written out by hand (the CSV columns, the JSON keys, the shock
 * factors, the Greek column order) now derive from the built-in descriptors, and come out as
 * they were.
 */
class DescriptorsTest {

    @Test
    void theCsvColumnsAreTheOldSchemaPlusTheLiborScalars() {
        Set<String> old = Set.of("id", "product", "type", "model", "spot", "strike", "maturity", "rate", "dividend",
                "vol", "barrier", "barrier_kind", "rebate", "fixings", "averaging", "payout", "heston_v0",
                "heston_kappa", "heston_theta", "heston_xi", "heston_rho", "quantity", "underlying", "paths", "steps",
                "seed");
        Set<String> now = Descriptors.csvColumns();
        assertTrue(now.containsAll(old), now.toString());
        Set<String> added = new HashSet<>(now);
        added.removeAll(old);
        assertEquals(Set.of("accrual", "expiry", "notional"), added, "scalars of the LIBOR descriptors");
    }

    @Test
    void theJsonKeysAreTheOldOnes() {
        Set<String> keys = Descriptors.jsonKeys();
        for (String k : List.of("spots", "vols", "dividends", "correlation", "weights", "market", "forward_rate",
                "lambda", "accrual", "expiry", "swaptions", "notional", "heston_rho", "seed")) {
            assertTrue(keys.contains(k), k);
        }
    }

    @Test
    void theShockFactorsAreTheModelsInputs() {
        assertEquals(Set.of("spot", "vol", "rate", "dividend", "heston_v0", "heston_kappa", "heston_theta", "heston_xi",
                "heston_rho"), Descriptors.shockFactors());
    }

    @Test
    void theGreekColumnOrderComesFromTheRolesAndTheDescriptors() {
        assertEquals(List.of("delta", "gamma", "vega", "vanna", "volga", "rho", "dividend_rho", "theta", "d_strike",
                "d_barrier", "d_heston_v0", "d_heston_kappa", "d_heston_theta", "d_heston_xi", "d_heston_rho"),
                OutputColumns.singleAsset());
        assertEquals(List.of("delta", "delta_2", "delta_10", "gamma", "gamma_1_2", "vega", "vega_2", "rho",
                "dividend_rho", "dividend_rho_2", "theta", "d_corr_1_2", "d_strike", "d_forward_rate_1", "d_lambda_1",
                "d_accrual"),
                OutputColumns.canonical(List.of("d_forward_rate_1", "d_lambda_1", "d_accrual", "d_strike", "d_corr_1_2",
                        "theta", "dividend_rho_2", "dividend_rho", "rho", "vega_2", "vega", "gamma_1_2", "gamma",
                        "delta_10", "delta_2", "delta")));
        assertTrue(OutputColumns.known("delta_3") && OutputColumns.known("gamma_1_2") && OutputColumns.known("d_corr")
                && OutputColumns.known("d_cev_beta") && !OutputColumns.known("rho_2") && !OutputColumns.known("speed"));
    }

    @Test
    void aRefusalRaisedWhereOnlyTheNumberIsKnownQuotesTheRowsText() {
        Fields row = Map.of("weights", "[1, NaN]", "vol", " -0.20")::get;
        FieldException e = new FieldException("weights[2]", "must be a finite number").quoting(row);
        assertEquals("weights[2]", e.column());
        assertEquals("[1, NaN]", e.value());
        assertEquals("weights[2]: must be a finite number (value [1, NaN])", e.getMessage());
        assertEquals(" -0.20", new FieldException("vol", "must be >= 0").quoting(row).value());
        FieldException fixed = new FieldException("vol", "must be >= 0", "x");
        assertEquals("x", fixed.quoting(row).value(), "a value the check gave is kept");
    }
}
