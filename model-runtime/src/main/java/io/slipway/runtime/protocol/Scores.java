package io.slipway.runtime.protocol;

/** Turns a classifier's output row into class probabilities. */
final class Scores {

    private Scores() {
    }

    /**
     * The row itself when it already is a probability distribution, else its softmax (the row
     * holds logits, as most networks' last layers give).
     */
    static double[] probabilities(double[] row) {
        double sum = 0;
        boolean inUnitRange = true;
        for (double value : row) {
            sum += value;
            inUnitRange &= value >= 0 && value <= 1;
        }
        if (inUnitRange && Math.abs(sum - 1) < 1e-3) {
            return row;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double value : row) {
            max = Math.max(max, value);
        }
        double[] result = new double[row.length];
        double total = 0;
        for (int i = 0; i < row.length; i++) {
            result[i] = Math.exp(row[i] - max);
            total += result[i];
        }
        for (int i = 0; i < row.length; i++) {
            result[i] /= total;
        }
        return result;
    }
}
