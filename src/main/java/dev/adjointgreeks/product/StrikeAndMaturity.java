package dev.adjointgreeks.product;

import dev.adjointgreeks.model.InputLayout;

/** A product whose own inputs are its strike and maturity (in that order). */
interface StrikeAndMaturity extends Product {

    InputLayout STRIKE_AND_MATURITY = InputLayout.of(STRIKE, MATURITY);

    double strike();

    double maturity();

    @Override
    default InputLayout inputs() {
        return STRIKE_AND_MATURITY;
    }

    @Override
    default double[] parameterValues() {
        return new double[] {strike(), maturity()};
    }
}
