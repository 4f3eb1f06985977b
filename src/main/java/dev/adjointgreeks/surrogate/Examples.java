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
