package dev.adjointgreeks.nn;

/** Mean and standard deviation of each input and of the target, stored with the model. */
public record Normalization(double[] inputMean, double[] inputStd, double outputMean, double outputStd) {

    public Normalization {
        for (int i = 0; i < inputStd.length; i++) {
            if (!(inputStd[i] > 0) || !Double.isFinite(inputStd[i])) {
                throw new IllegalArgumentException("input " + (i + 1) + " has no spread (std " + inputStd[i] + ")");
            }
        }
        if (!(outputStd > 0) || !Double.isFinite(outputStd)) {
            throw new IllegalArgumentException("the target has no spread (std " + outputStd + ")");
        }
        inputMean = inputMean.clone();
        inputStd = inputStd.clone();
    }

    /** No scaling at all. */
    public static Normalization identity(int inputs) {
        double[] ones = new double[inputs];
        java.util.Arrays.fill(ones, 1.0);
        return new Normalization(new double[inputs], ones, 0.0, 1.0);
    }

    public static Normalization fit(double[][] x, double[] y) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] std = new double[d];
        for (double[] row : x) {
            for (int i = 0; i < d; i++) {
                mean[i] += row[i] / n;
            }
        }
        for (double[] row : x) {
            for (int i = 0; i < d; i++) {
                std[i] += (row[i] - mean[i]) * (row[i] - mean[i]) / n;
            }
        }
        for (int i = 0; i < d; i++) {
            std[i] = Math.sqrt(std[i]);
        }
        double ym = 0.0;
        for (double v : y) {
            ym += v / n;
        }
        double ys = 0.0;
        for (double v : y) {
            ys += (v - ym) * (v - ym) / n;
        }
        return new Normalization(mean, std, ym, Math.sqrt(ys));
    }

    public boolean isIdentity() {
        if (outputMean != 0.0 || outputStd != 1.0) {
            return false;
        }
        for (int i = 0; i < inputMean.length; i++) {
            if (inputMean[i] != 0.0 || inputStd[i] != 1.0) {
                return false;
            }
        }
        return true;
    }
}
