package dev.adjointgreeks.surface;

import java.util.List;
import java.util.function.Function;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

/** Test surfaces on any field: quotes in double, lifted into the field by the caller. */
final class Surfaces {

    private Surfaces() {
    }

    /** Axes from labels. */
    static SurfaceAxes axes(List<String> expiries, List<String> strikes, StrikeKind kind) {
        return SurfaceAxes.parse(expiries, strikes, kind);
    }

    /** The quotes lifted with {@code lift} (a tape input, a Dfp, a constant), row-major. */
    static <T extends RealFieldElement<T>> T[][] lift(double[][] vols, T like, Function<Double, T> lift) {
        T[][] out = MathArrays.buildArray(like.getField(), vols.length, vols.length == 0 ? 0 : vols[0].length);
        for (int i = 0; i < vols.length; i++) {
            if (vols[i].length != out[i].length) {
                out[i] = MathArrays.buildArray(like.getField(), vols[i].length);
            }
            for (int j = 0; j < vols[i].length; j++) {
                out[i][j] = lift.apply(vols[i][j]);
            }
        }
        return out;
    }

    /** A surface whose forward is {@code spot e^{(r - q) t}}. */
    static <T extends RealFieldElement<T>> VolSurface<T> withCarry(SurfaceAxes axes, T[][] vols, T spot, double r,
            double q) {
        return VolSurface.of(axes, vols, spot, t -> spot.multiply(spot.getField().getZero().add((r - q) * t).exp()));
    }

    /** Every vol equal to {@code v}. */
    static double[][] flat(int n, int m, double v) {
        double[][] out = new double[n][m];
        for (double[] row : out) {
            java.util.Arrays.fill(row, v);
        }
        return out;
    }
}
