package dev.adjointgreeks.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.dfp.Dfp;
import org.apache.commons.math3.dfp.DfpField;
import org.junit.jupiter.api.Test;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Dual;
import dev.adjointgreeks.ad.Tape;

/**
 * The derivatives of the interpolated implied vol and of Dupire's local vol with respect to every
 * quote and the spot, from one adjoint sweep: component by component against forward-mode duals,
 * and along a random direction against central differences of the same code run in 25-digit
 * {@code Dfp}. With step 1e-11 the difference quotient's truncation (~1e-22 of |f'''|) and rounding
 * (~1e-25 / 1e-11 = 1e-14 of |f|) are far below the tolerance, so it is the exact directional
 * derivative to the precision compared, and what remains is the double rounding of the adjoint.
 * (Component-wise Dfp differences agree as well, but take over a minute: Dfp's log is slow.)
 */
class SurfaceDerivativesTest {

    private static final DfpField DFP = new DfpField(25);
    private static final int N = SkewFixture.EXPIRIES.size();
    private static final int M = SkewFixture.STRIKES.size();
    private static final int INPUTS = N * M + 1;
    private static final int DIRECTIONS = 1;

    /** The quantity under test, on any field: the surface and the spot it was built with. */
    interface Quantity {
        <T extends RealFieldElement<T>> T of(VolSurface<T> s, T spot);
    }

    private static <T extends RealFieldElement<T>> VolSurface<T> surface(StrikeKind kind, T[] x) {
        T[][] vols = org.apache.commons.math3.util.MathArrays.buildArray(x[0].getField(), N, M);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < M; j++) {
                vols[i][j] = x[i * M + j];
            }
        }
        return Surfaces.withCarry(SkewFixture.axes(kind), vols, x[N * M], SkewFixture.RATE, SkewFixture.DIVIDEND);
    }

    private static double[] point() {
        double[] x = new double[INPUTS];
        for (int i = 0; i < N; i++) {
            System.arraycopy(SkewFixture.VOLS[i], 0, x, i * M, M);
        }
        x[N * M] = SkewFixture.SPOT;
        return x;
    }

    /**
     * Asserts, for one quantity: the adjoint gradient equals the forward-mode tangents (one dual pass
     * per input) component by component, and its projection on random directions equals the 40-digit
     * central difference along each direction. Returns the adjoint.
     */
    private static double[] check(StrikeKind kind, Quantity f, String what) {
        double[] x = point();
        Tape tape = new Tape();
        Adj[] in = tape.inputs(x);
        Adj out = f.of(surface(kind, in), in[N * M]);
        double[] adjoint = tape.gradient(out);
        double scale = 0;
        for (double g : adjoint) {
            scale = Math.max(scale, Math.abs(g));
        }
        for (int p = 0; p < INPUTS; p++) {
            Dual[] d = new Dual[INPUTS];
            for (int q = 0; q < INPUTS; q++) {
                d[q] = q == p ? Dual.variable(x[q]) : Dual.constant(x[q]);
            }
            Dual y = f.of(surface(kind, d), d[N * M]);
            assertEquals(out.getReal(), y.getReal(), 0.0, what + ": same primal on both scalars");
            // the same rules in the opposite order: rounding only (a few hundred operations deep)
            assertEquals(y.tangent(), adjoint[p], 1e-13 * scale, what + " (" + kind + "), adjoint vs dual, input " + p);
        }
        Random rng = new Random(what.hashCode());
        Dfp h = DFP.newDfp("1e-11");
        for (int r = 0; r < DIRECTIONS; r++) {
            double[] dir = new double[INPUTS];
            double projected = 0;
            Dfp[] up = new Dfp[INPUTS];
            Dfp[] down = new Dfp[INPUTS];
            for (int q = 0; q < INPUTS; q++) {
                dir[q] = rng.nextGaussian();
                projected += dir[q] * adjoint[q];
                up[q] = DFP.newDfp(x[q]).add(h.multiply(DFP.newDfp(dir[q])));
                down[q] = DFP.newDfp(x[q]).subtract(h.multiply(DFP.newDfp(dir[q])));
            }
            Dfp fu = f.of(surface(kind, up), up[N * M]);
            Dfp fd = f.of(surface(kind, down), down[N * M]);
            double cd = fu.subtract(fd).divide(h.multiply(2)).toDouble();
            // the adjoint's double rounding: a few thousand operations, through a tridiagonal solve
            // and Dupire's ratio, each with relative error ~1e-16 and condition well below 1e4
            assertEquals(cd, projected, 1e-11 * scale * Math.sqrt(INPUTS), what + " (" + kind + "), direction " + r);
        }
        return adjoint;
    }

    private static <T extends RealFieldElement<T>> T constant(T like, double c) {
        return like.getField().getZero().add(c);
    }

    @Test
    void impliedVolDerivativesEqualCentralDifferences() {
        double[][] at = {{95, 0.1}, {97, 0.5}, {70, 0.75}, {105, 1.3}, {150, 2.0}, {100, 3.0}};
        for (StrikeKind kind : StrikeKind.values()) {
            for (double[] p : at) {
                check(kind, new Quantity() {
                    @Override
                    public <T extends RealFieldElement<T>> T of(VolSurface<T> s, T spot) {
                        return s.impliedVol(constant(spot, p[0]), p[1]);
                    }
                }, "implied vol at K=" + p[0] + ", T=" + p[1]);
            }
        }
    }

    @Test
    void localVolDerivativesEqualCentralDifferences() {
        // {spot, time}: at t = 0, between expiries, at an expiry, in both wings, after the last expiry
        double[][] at = {{100, 0.0}, {85, 0.3}, {112, 0.5}, {60, 0.6}, {160, 0.9}, {100, 2.5}};
        for (StrikeKind kind : StrikeKind.values()) {
            for (double[] p : at) {
                check(kind, new Quantity() {
                    @Override
                    public <T extends RealFieldElement<T>> T of(VolSurface<T> s, T spot) {
                        T k = s.logMoneyness(constant(spot, p[0]), p[1]);
                        return s.localVariance(k, p[1]).sqrt();
                    }
                }, "local vol at S=" + p[0] + ", t=" + p[1]);
            }
        }
    }
}
