package org.dds.core.kernel;

/**
 * The k-th smallest value of an array in expected linear time (Hoare's quickselect with a median-of-three
 * pivot), for medians of large distance matrices without sorting them.
 */
final class Selection {
    private Selection() {
    }

    /**
     * @param a values, reordered in place
     * @param k 0-based rank
     * @return the value that would be at position k after sorting
     */
    static double kth(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            double pivot = medianOf3(a[lo], a[mid], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static double medianOf3(double x, double y, double z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
