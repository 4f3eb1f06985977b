package dev.adjointgreeks.model;

import dev.adjointgreeks.spec.Role;

/**
 * The input blocks most models share. Their names are the scenario columns ({@code spot},
 * {@code vol}, ...) and decide the Greek columns ({@code delta}, {@code vega}, ...).
 */
public final class MarketBlocks {

    public static final InputBlock SPOT = InputBlock.scalar("spot", Role.SPOT);
    public static final InputBlock VOL = InputBlock.scalar("vol", Role.VOLATILITY);
    public static final InputBlock RATE = InputBlock.scalar("rate", Role.RATE);
    public static final InputBlock DIVIDEND = InputBlock.scalar("dividend", Role.DIVIDEND);

    private MarketBlocks() {
    }

    public static InputBlock spots(int n) {
        return InputBlock.vector("spot", n, Role.SPOT);
    }

    public static InputBlock vols(int n) {
        return InputBlock.vector("vol", n, Role.VOLATILITY);
    }

    public static InputBlock dividends(int n) {
        return InputBlock.vector("dividend", n, Role.DIVIDEND);
    }

    public static InputBlock correlations(int n) {
        return InputBlock.pairs("corr", n, Role.CORRELATION);
    }
}
