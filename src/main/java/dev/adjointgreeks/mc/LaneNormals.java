package dev.adjointgreeks.mc;

/**
 * Draws paths' normals into lane arrays ({@code lanes[k][s]}: normal k of path s), in the same
 * order as {@link NormalSource#next} path by path, so the numbers do not depend on it. Eight paths
 * go through a small row buffer and then into eight consecutive lanes of each array: writing one
 * lane of every array per path touched one cache line per normal, and cost more than drawing the
 * normal (Asian, 52 normals a path, 20,000 paths: 5.3-5.6 ms against 3.8 ms through the buffer,
 * drawing alone 3.7 ms; 2026-12-07). One instance per thread.
 */
public final class LaneNormals {

    private static final int ROWS = 8;
    private final double[][] rows;

    public LaneNormals(int dimension) {
        this.rows = new double[ROWS][dimension];
    }

    /** Lanes {@code from .. from + n - 1} of {@code lanes} from the next {@code n} paths of {@code source}. */
    public void draw(NormalSource source, double[][] lanes, int from, int n) {
        draw(source, lanes, null, from, n);
    }

    /** As {@link #draw(NormalSource, double[][], int, int)}, and {@code negated} gets their negatives (antithetic). */
    public void draw(NormalSource source, double[][] lanes, double[][] negated, int from, int n) {
        int dim = rows[0].length;
        int s = from;
        int end = from + n;
        for (; s + ROWS <= end; s += ROWS) {
            for (double[] r : rows) {
                source.next(r);
            }
            double[] r0 = rows[0];
            double[] r1 = rows[1];
            double[] r2 = rows[2];
            double[] r3 = rows[3];
            double[] r4 = rows[4];
            double[] r5 = rows[5];
            double[] r6 = rows[6];
            double[] r7 = rows[7];
            for (int k = 0; k < dim; k++) {
                double[] d = lanes[k];
                d[s] = r0[k];
                d[s + 1] = r1[k];
                d[s + 2] = r2[k];
                d[s + 3] = r3[k];
                d[s + 4] = r4[k];
                d[s + 5] = r5[k];
                d[s + 6] = r6[k];
                d[s + 7] = r7[k];
            }
            if (negated != null) {
                for (int k = 0; k < dim; k++) {
                    double[] d = lanes[k];
                    double[] m = negated[k];
                    for (int j = 0; j < ROWS; j++) {
                        m[s + j] = -d[s + j];
                    }
                }
            }
        }
        double[] r = rows[0];
        for (; s < end; s++) {
            source.next(r);
            for (int k = 0; k < dim; k++) {
                lanes[k][s] = r[k];
                if (negated != null) {
                    negated[k][s] = -r[k];
                }
            }
        }
    }
}
