package dev.adjointgreeks.model;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.spec.FieldException;

/**
 * The Cholesky factor of a correlation matrix, in double (validation, passive use) and on any
 * field (the setup section of the tape, so correlation sensitivities come from the same sweep).
 * Pivots at or below {@link MultiAssetModel#PIVOT_FLOOR} are refused as not positive definite,
 * naming the asset.
 */
final class Cholesky {

    private static final double PIVOT_FLOOR = MultiAssetModel.PIVOT_FLOOR;

    private Cholesky() {
    }

    /** Cholesky factor in double, for validation and for passive use. */
    static double[][] of(double[][] c) {
        int n = c.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double d = c[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            if (!(d > PIVOT_FLOOR)) {
                throw new FieldException("correlation", "is not positive definite: the Cholesky pivot of asset "
                        + (j + 1) + " is " + d + " (<= " + PIVOT_FLOOR + "); check correlation[" + (j + 1) + "][*]");
            }
            l[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < n; i++) {
                double s = c[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / l[j][j];
            }
        }
        return l;
    }

    /** Generic Cholesky factor of the correlation matrix built from the {@code corr_i_j} inputs. */
    static <T extends RealFieldElement<T>> T[][] of(T[][] c) {
        int n = c.length;
        T[][] l = MathArrays.buildArray(c[0][0].getField(), n, n);
        T zero = Fn.constant(c[0][0], 0.0);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                l[i][j] = zero;
            }
        }
        for (int j = 0; j < n; j++) {
            // d = c_jj - sum_k l_jk^2 ; l_ij = (c_ij - sum_k l_ik l_jk) / l_jj, each sum one node
            T d = c[j][j];
            if (j > 0) {
                T[] a = MathArrays.buildArray(zero.getField(), j + 1);
                T[] b = MathArrays.buildArray(zero.getField(), j + 1);
                a[0] = Fn.constant(zero, 1.0);
                b[0] = c[j][j];
                for (int k = 0; k < j; k++) {
                    a[k + 1] = l[j][k].negate();
                    b[k + 1] = l[j][k];
                }
                d = zero.linearCombination(a, b);
            }
            if (!(d.getReal() > PIVOT_FLOOR)) {
                throw new FieldException("correlation", "is not positive definite: the Cholesky pivot of asset "
                        + (j + 1) + " is " + d.getReal());
            }
            T ljj = d.sqrt();
            l[j][j] = ljj;
            T inv = ljj.reciprocal();
            for (int i = j + 1; i < n; i++) {
                T s = c[i][j];
                if (j > 0) {
                    T[] a = MathArrays.buildArray(zero.getField(), j + 1);
                    T[] b = MathArrays.buildArray(zero.getField(), j + 1);
                    a[0] = Fn.constant(zero, 1.0);
                    b[0] = c[i][j];
                    for (int k = 0; k < j; k++) {
                        a[k + 1] = l[i][k].negate();
                        b[k + 1] = l[j][k];
                    }
                    s = zero.linearCombination(a, b);
                }
                l[i][j] = s.multiply(inv);
            }
        }
        return l;
    }
}
