package dev.adjointgreeks.model;

/**
 * The input blocks most models share. Their names are the scenario columns ({@code spot},
 * {@code vol}, ...) and decide the Greek columns ({@code delta}, {@code vega}, ...).
 */
public final class MarketBlocks {

    public static final InputBlock SPOT = InputBlock.scalar("spot");
    public static final InputBlock VOL = InputBlock.scalar("vol");
    public static final InputBlock RATE = InputBlock.scalar("rate");
    public static final InputBlock DIVIDEND = InputBlock.scalar("dividend");

    private MarketBlocks() {
    }

    public static InputBlock spots(int n) {
        return InputBlock.vector("spot", n);
    }

    public static InputBlock vols(int n) {
        return InputBlock.vector("vol", n);
    }

    public static InputBlock dividends(int n) {
        return InputBlock.vector("dividend", n);
    }

    public static InputBlock correlations(int n) {
        return InputBlock.pairs("corr", n);
    }
}
