package dev.adjointgreeks.mc;

import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Where a path's standard normals come from. One instance per block; not thread-safe. */
public interface NormalSource {

    /** Fills {@code z} with the next path's normals. */
    void next(double[] z);

    /** Pseudo-random normals: the ziggurat sampler of commons-rng on the block's generator. */
    static NormalSource pseudoRandom(UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        return z -> {
            for (int i = 0; i < z.length; i++) {
                z[i] = gaussian.sample();
            }
        };
    }

    /**
     * Randomised quasi-random normals: Sobol points (commons-math3, Joe-Kuo directions) with a
     * random shift modulo 1 (Cranley-Patterson) drawn from {@code rng}, mapped to normals by the
     * inverse CDF and arranged by a Brownian bridge so the first Sobol coordinates decide the
     * coarse shape of each path.
     */
    static NormalSource sobol(UniformRandomProvider rng, int steps, int factors) {
        int dim = steps * factors;
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(dim);
        double[] shift = new double[dim];
        for (int i = 0; i < dim; i++) {
            shift[i] = rng.nextDouble();
        }
        BrownianBridge bridge = new BrownianBridge(steps);
        double[] x = new double[steps];
        double[] increments = new double[steps];
        return z -> {
            double[] u = sobol.nextVector();
            for (int f = 0; f < factors; f++) {
                for (int k = 0; k < steps; k++) {
                    double v = u[f * steps + k] + shift[f * steps + k];
                    v -= Math.floor(v);
                    if (v <= 0.0) {
                        v = Double.MIN_VALUE;
                    }
                    x[k] = Math.sqrt(2.0) * Erf.erfInv(2.0 * v - 1.0);
                }
                bridge.increments(x, increments);
                for (int k = 0; k < steps; k++) {
                    z[k * factors + f] = increments[k];
                }
            }
        };
    }
}
