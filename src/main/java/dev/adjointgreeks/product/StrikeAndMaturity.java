package dev.adjointgreeks.product;

/** A product whose own inputs are its strike and maturity (in that order). */
interface StrikeAndMaturity extends Product {

    double strike();

    double maturity();

    @Override
    default String[] parameterNames() {
        return new String[] {"strike", "maturity"};
    }

    @Override
    default double[] parameterValues() {
        return new double[] {strike(), maturity()};
    }
}
