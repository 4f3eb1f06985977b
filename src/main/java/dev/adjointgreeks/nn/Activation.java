package dev.adjointgreeks.nn;

import java.util.Locale;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.ad.Fn;

/**
 * Activation functions, each with its value and derivative, on any field (so the hand-written
 * backward pass can itself be recorded on the tape) and in plain doubles (fast inference).
 */
public enum Activation {
    IDENTITY, TANH, SIGMOID, SOFTPLUS, RELU;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Activation parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown activation '" + s + "' (expected identity, tanh, sigmoid, "
                    + "softplus or relu)");
        }
    }

    public <T extends RealFieldElement<T>> T apply(T z) {
        switch (this) {
            case IDENTITY: return z;
            case TANH: return Fn.tanh(z);
            case SIGMOID: return Fn.sigmoid(z);
            case SOFTPLUS: return Fn.softplus(z);
            case RELU: return Fn.relu(z);
            default: throw new AssertionError(this);
        }
    }

    /** f'(z), written with field operations so that it can be differentiated again. */
    public <T extends RealFieldElement<T>> T derivative(T z) {
        switch (this) {
            case IDENTITY: return Fn.constant(z, 1.0);
            case TANH: {
                T t = Fn.tanh(z);
                return t.multiply(t).negate().add(1.0);
            }
            case SIGMOID: {
                T s = Fn.sigmoid(z);
                return s.multiply(s.negate().add(1.0));
            }
            case SOFTPLUS: return Fn.sigmoid(z);
            case RELU: return Fn.select(z, Fn.constant(z, 1.0), Fn.constant(z, 0.0));   // lane by lane on a block
            default: throw new AssertionError(this);
        }
    }

    /**
     * f''(z) with field operations, for the network's second input derivative (the curvature term of
     * differential training, {@link TwinNetwork#secondDerivative}); recorded on the tape, it is
     * differentiated once more for the weight gradient.
     */
    public <T extends RealFieldElement<T>> T secondDerivative(T z) {
        switch (this) {
            case IDENTITY: return Fn.constant(z, 0.0);
            case TANH: {
                T t = Fn.tanh(z);
                return t.multiply(-2.0).multiply(t.multiply(t).negate().add(1.0));
            }
            case SIGMOID: {
                T s = Fn.sigmoid(z);
                return s.multiply(s.negate().add(1.0)).multiply(s.multiply(-2.0).add(1.0));
            }
            case SOFTPLUS: {
                T s = Fn.sigmoid(z);
                return s.multiply(s.negate().add(1.0));
            }
            case RELU: return Fn.constant(z, 0.0);
            default: throw new AssertionError(this);
        }
    }

    public double apply(double z) {
        switch (this) {
            case IDENTITY: return z;
            case TANH: return Math.tanh(z);
            case SIGMOID: return Fn.sigmoid(z);
            case SOFTPLUS: return Fn.softplus(z);
            case RELU: return z > 0 ? z : 0.0;
            default: throw new AssertionError(this);
        }
    }

    public double derivative(double z) {
        switch (this) {
            case IDENTITY: return 1.0;
            case TANH: {
                double t = Math.tanh(z);
                return 1.0 - t * t;
            }
            case SIGMOID: {
                double s = Fn.sigmoid(z);
                return s * (1.0 - s);
            }
            case SOFTPLUS: return Fn.sigmoid(z);
            case RELU: return z > 0 ? 1.0 : 0.0;
            default: throw new AssertionError(this);
        }
    }

    /**
     * f''(z) in doubles: the hand-written twin network needs it where the tape instead
     * differentiates {@link #derivative(RealFieldElement)} once more.
     */
    public double secondDerivative(double z) {
        switch (this) {
            case IDENTITY: return 0.0;
            case TANH: {
                double t = Math.tanh(z);
                return -2.0 * t * (1.0 - t * t);
            }
            case SIGMOID: {
                double s = Fn.sigmoid(z);
                return s * (1.0 - s) * (1.0 - 2.0 * s);
            }
            case SOFTPLUS: {
                double s = Fn.sigmoid(z);
                return s * (1.0 - s);
            }
            case RELU: return 0.0;
            default: throw new AssertionError(this);
        }
    }
}
