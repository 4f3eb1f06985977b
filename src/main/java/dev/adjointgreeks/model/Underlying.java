package dev.adjointgreeks.model;

/**
 * What a product is written on, and so which of a model's factories builds the model for it: one
 * asset, several correlated assets, or a curve of forward rates. A model descriptor lists the ones
 * it prices; a product descriptor names its own.
 */
public enum Underlying {
    SINGLE_ASSET("single-asset products"),
    MULTI_ASSET("multi-asset products"),
    FORWARD_RATES("forward-rate products");

    private final String products;

    Underlying(String products) {
        this.products = products;
    }

    /** {@code multi-asset products}: for messages. */
    public String products() {
        return products;
    }
}
