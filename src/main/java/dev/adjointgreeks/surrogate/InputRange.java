package dev.adjointgreeks.surrogate;

import java.util.Locale;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A varying input of a surrogate: its name (an input of the pricing problem, e.g. {@code spot} or
 * {@code spot_3}), its domain {@code [lower, upper]} and how training values are drawn in it.
 *
 * @param center for {@link Draw#LOGNORMAL}, the value the draw is centred on (the trade's own value)
 */
public record InputRange(String name, double lower, double upper, Draw draw, double center, double mu, double sigma) {

    /** How training values of an input are drawn. */
    public enum Draw {
        /** Uniform on the domain. */
        UNIFORM,
        /** {@code center * exp(mu + sigma z)}, redrawn until it falls in the domain. */
        LOGNORMAL;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Draw parse(String s) {
            for (Draw d : values()) {
                if (d.word().equals(s)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("unknown draw '" + s + "' (expected uniform or lognormal)");
        }
    }

    public InputRange {
        if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException(name + ": the domain bounds must be finite numbers");
        }
        if (!(lower < upper)) {
            throw new IllegalArgumentException(name + ": lower bound " + lower + " is not below upper bound " + upper);
        }
        if (draw == Draw.LOGNORMAL && (!(center > 0) || !(sigma > 0) || !Double.isFinite(mu))) {
            throw new IllegalArgumentException(name + ": a lognormal draw needs center > 0, sigma > 0 and a finite mu");
        }
    }

    public static InputRange uniform(String name, double lower, double upper) {
        return new InputRange(name, lower, upper, Draw.UNIFORM, Double.NaN, 0.0, 0.0);
    }

    public static InputRange lognormal(String name, double lower, double upper, double center, double mu, double sigma) {
        return new InputRange(name, lower, upper, Draw.LOGNORMAL, center, mu, sigma);
    }

    public boolean contains(double v) {
        return v >= lower && v <= upper;
    }

    /** One training value. */
    public double sample(UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian normal) {
        if (draw == Draw.UNIFORM) {
            return lower + (upper - lower) * rng.nextDouble();
        }
        for (int tries = 0; tries < 10_000; tries++) {
            double v = center * Math.exp(mu + sigma * normal.sample());
            if (contains(v)) {
                return v;
            }
        }
        throw new IllegalStateException(name + ": the lognormal draw never falls in the domain");
    }
}
