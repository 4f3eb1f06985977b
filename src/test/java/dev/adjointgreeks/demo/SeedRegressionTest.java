package dev.adjointgreeks.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SeedRegressionTest {

    @Test
    void theSeedRegressionAsANetworkLandsOnTheSeedsNumbers() {
        double[] cm = SeedRegression.train(1000);
        assertEquals("0.9998665320141327", Double.toString(cm[0]));
        assertEquals("2.0000191714150106", Double.toString(cm[1]));
    }
}
