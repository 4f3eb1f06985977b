package dev.adjointgreeks.bench;

import java.util.SplittableRandom;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.Decimal64;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Dual;
import dev.adjointgreeks.ad.Tape;

/**
 * A fixed scalar program of 1,000 operations on 100 inputs, half of them transcendental
 * (exp, log1p, sin, sqrt): 250 rounds of {@code acc += f2(f1(x_a * x_b))}. Written once for any
 * field, and once more in plain doubles as the floor.
 */
public final class ScalarProgram {

    public static final int INPUTS = 100;
    public static final int ROUNDS = 250;
    public static final int OPERATIONS = 4 * ROUNDS;

    private final double[] point = new double[INPUTS];
    private final Tape tape = new Tape();

    public ScalarProgram(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < INPUTS; i++) {
            point[i] = 0.5 + r.nextDouble();
        }
    }

    public double[] point() {
        return point.clone();
    }

    public static <T extends RealFieldElement<T>> T program(T[] x) {
        T acc = x[0];
        for (int i = 0; i < ROUNDS; i++) {
            T u = x[(7 * i) % INPUTS].multiply(x[(13 * i + 5) % INPUTS]);
            T v;
            switch (i & 3) {
                case 0: v = u.sin(); break;
                case 1: v = u.sqrt(); break;
                case 2: v = u.log1p(); break;
                default: v = u.exp(); break;
            }
            T w;
            switch ((i >> 2) & 3) {
                case 0: w = v.sqrt(); break;
                case 1: w = v.log1p(); break;
                case 2: w = v.sin(); break;
                default: w = v.exp(); break;
            }
            acc = acc.add(w);
        }
        return acc;
    }

    public double primitive(double[] x) {
        double acc = x[0];
        for (int i = 0; i < ROUNDS; i++) {
            double u = x[(7 * i) % INPUTS] * x[(13 * i + 5) % INPUTS];
            double v;
            switch (i & 3) {
                case 0: v = Math.sin(u); break;
                case 1: v = Math.sqrt(u); break;
                case 2: v = Math.log1p(u); break;
                default: v = Math.exp(u); break;
            }
            double w;
            switch ((i >> 2) & 3) {
                case 0: w = Math.sqrt(v); break;
                case 1: w = Math.log1p(v); break;
                case 2: w = Math.sin(v); break;
                default: w = Math.exp(v); break;
            }
            acc = acc + w;
        }
        return acc;
    }

    public double passive() {
        Decimal64[] x = new Decimal64[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            x[i] = new Decimal64(point[i]);
        }
        return program(x).getReal();
    }

    /** Record and one backward sweep on a reused tape. */
    public double[] adjointGradient() {
        tape.reset();
        Adj[] x = tape.inputs(point);
        return tape.gradient(program(x));
    }

    /** One dual-number pass per input. */
    public double[] forwardGradient() {
        double[] g = new double[INPUTS];
        Dual[] x = new Dual[INPUTS];
        for (int k = 0; k < INPUTS; k++) {
            for (int i = 0; i < INPUTS; i++) {
                x[i] = i == k ? Dual.variable(point[i]) : Dual.constant(point[i]);
            }
            g[k] = program(x).tangent();
        }
        return g;
    }

    /** Central differences of the primitive program, step 1e-6. */
    public double[] centralDifferenceGradient() {
        double[] g = new double[INPUTS];
        double[] x = point.clone();
        double h = 1e-6;
        for (int k = 0; k < INPUTS; k++) {
            double v = x[k];
            x[k] = v + h;
            double up = primitive(x);
            x[k] = v - h;
            double down = primitive(x);
            x[k] = v;
            g[k] = (up - down) / (2 * h);
        }
        return g;
    }
}
