package dev.adjointgreeks.model;

/**
 * The input blocks most models share. Their names are the scenario columns ({@code spot},
 * {@code vol}, ...) and decide the Greek columns ({@code delta}, {@code vega}, ...).
 */
public final class MarketBlocks {

    public static final Block SPOT = Block.scalar("spot");
    public static final Block VOL = Block.scalar("vol");
    public static final Block RATE = Block.scalar("rate");
    public static final Block DIVIDEND = Block.scalar("dividend");

    private MarketBlocks() {
    }

    public static Block spots(int n) {
        return Block.vector("spot", n);
    }

    public static Block vols(int n) {
        return Block.vector("vol", n);
    }

    public static Block dividends(int n) {
        return Block.vector("dividend", n);
    }

    public static Block correlations(int n) {
        return Block.pairs("corr", n);
    }
}
