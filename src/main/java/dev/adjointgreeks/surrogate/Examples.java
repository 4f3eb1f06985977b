package dev.adjointgreeks.surrogate;

import java.io.IOException;
import java.util.List;

/**
 * The built-in examples of {@code greeks surrogate train --example NAME}: spec documents shipped
 * with the program (copies of {@code scenarios/surrogate/NAME.json}, kept equal by a test).
 * <ul>
 * <li>{@code bs-call}: Huge and Savine's Black-Scholes example scaled to spot 100: a European call,
 *     strike 110, vol 0.2, rate 0, dividend 0, maturity 1; the spot varies over [30, 260], drawn as
 *     {@code 100 exp(-0.045 + 0.3 z)} (one year at vol 0.3, wider than the pricing vol, to cover the
 *     wings); tested on 100 spots from 35 to 165.</li>
 * <li>{@code bachelier-basket-7}: their 7-asset Bachelier basket call, strike 110, maturity 1, rate
 *     0. Weights (uniform on [1, 10], normalised), normal vols (uniform on [5, 50], then scaled so
 *     that the basket's normal vol {@code sqrt(w' Sigma w)} is 20) and the correlation (of a random
 *     Gaussian matrix's rows) were drawn once with {@code random.Random(2020)} and are written in the
 *     spec: fixed by the example, not by {@code --seed}. The 7 spots vary uniformly over [50, 150];
 *     tested on 4,096 states drawn from the domain with the spec's own seed.</li>
 * </ul>
 */
public final class Examples {

    private Examples() {
    }

    public static List<String> names() {
        return List.of("bs-call", "bachelier-basket-7");
    }

    public static SurrogateSpec byName(String name) throws IOException {
        return SpecFiles.example(name);
    }
}
