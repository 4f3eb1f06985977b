package dev.adjointgreeks.mc;

/**
 * Brownian-bridge construction on {@code n} unit time steps: the first normal fixes W(n), the next
 * the midpoint, and so on by bisection; the output is the n unit-variance increments. With
 * quasi-random inputs the leading dimensions carry most of the path's variance.
 */
final class BrownianBridge {

    private final int n;
    private final int[] left;
    private final int[] mid;
    private final int[] right;
    private final double[] leftWeight;
    private final double[] rightWeight;
    private final double[] sigma;
    private final double[] w;

    BrownianBridge(int n) {
        this.n = n;
        left = new int[n];
        mid = new int[n];
        right = new int[n];
        leftWeight = new double[n];
        rightWeight = new double[n];
        sigma = new double[n];
        w = new double[n + 1];
        // order[0] is the end point; then breadth-first bisection of [l, r] intervals.
        int[][] queue = new int[2 * n + 1][];
        int head = 0;
        int tail = 0;
        mid[0] = n;
        sigma[0] = Math.sqrt(n);
        queue[tail++] = new int[] {0, n};
        int k = 1;
        while (head < tail) {
            int[] iv = queue[head++];
            int l = iv[0];
            int r = iv[1];
            if (r - l < 2) {
                continue;
            }
            int m = (l + r) / 2;
            left[k] = l;
            mid[k] = m;
            right[k] = r;
            leftWeight[k] = (double) (r - m) / (r - l);
            rightWeight[k] = (double) (m - l) / (r - l);
            sigma[k] = Math.sqrt((double) (m - l) * (r - m) / (r - l));
            k++;
            queue[tail++] = new int[] {l, m};
            queue[tail++] = new int[] {m, r};
        }
    }

    void increments(double[] normals, double[] out) {
        w[0] = 0.0;
        w[n] = sigma[0] * normals[0];
        for (int k = 1; k < n; k++) {
            w[mid[k]] = leftWeight[k] * w[left[k]] + rightWeight[k] * w[right[k]] + sigma[k] * normals[k];
        }
        for (int k = 0; k < n; k++) {
            out[k] = w[k + 1] - w[k];
        }
    }
}
