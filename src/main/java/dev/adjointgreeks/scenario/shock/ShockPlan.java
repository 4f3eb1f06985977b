package dev.adjointgreeks.scenario.shock;

import java.io.Serializable;

/**
 * What a scenario run asks of every trade: the shocks file, and whether the base's second-order
 * Greeks explain each scenario's P&amp;L ({@code --explain}) and whether scenario rows carry full
 * Greeks ({@code --scenario-greeks}). Travels with each trade to its executor.
 */
public record ShockPlan(ShockSet shocks, boolean explain, boolean scenarioGreeks) implements Serializable {

    public ShockPlan {
        if (shocks == null) {
            throw new IllegalArgumentException("a shock plan needs a shocks file");
        }
    }

    /** The P&amp;L columns, after {@code price_stderr}. */
    public java.util.List<String> pnlColumns() {
        return explain
                ? java.util.List.of("pnl", "pnl_stderr", "pnl_explained", "pnl_unexplained", "pnl_explained_cross")
                : java.util.List.of("pnl", "pnl_stderr");
    }
}
