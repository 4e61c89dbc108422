package org.dds.experiments.evaluation;

/** Small helpers on the matrices (rows x columns) and vectors the experiments score. */
public final class Vectors {
    private Vectors() {
    }

    /**
     * @param m a matrix, one array per row
     * @param j a column index
     * @return a copy of column j
     */
    public static double[] column(double[][] m, int j) {
        double[] c = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i][j];
        }
        return c;
    }

    /**
     * @param v a non-empty vector
     * @return the index of its largest value, the first one on a tie
     */
    public static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Fisher-Yates in place; successive shuffles of the same array are still uniform permutations.
     *
     * @param a      the values, shuffled in place
     * @param random the generator
     */
    public static void shuffle(double[] a, java.util.SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
