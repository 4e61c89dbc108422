package org.dds.core.comparison;

import org.dds.core.DdsInputException;

/** How CKA centres an n x n matrix before comparing. */
public enum Centering {
    /**
     * U-centring (Szekely and Rizzo 2014), the unbiased HSIC estimator of Song et al. 2012: with the diagonal
     * zeroed, U_ij = a_ij - r_i/(n-2) - c_j/(n-2) + s/((n-1)(n-2)) for i != j, U_ii = 0. Needs n >= 4.
     */
    UNBIASED("unbiased"),
    /** Double centring H K H, H = I - 11^T/n (Gretton et al. 2005). */
    BIASED("biased"),
    /** No centring (the plain Frobenius cosine). */
    NONE("none");

    private final String cliName;

    Centering(String cliName) {
        this.cliName = cliName;
    }

    /** @return the name on the command line */
    public String cliName() {
        return cliName;
    }

    /**
     * @param k symmetric n x n, row-major (not modified)
     * @param n order
     * @return the centred matrix
     */
    public double[] centre(double[] k, int n) {
        return switch (this) {
            case UNBIASED -> unbiased(k, n);
            case BIASED -> biased(k, n);
            case NONE -> k;
        };
    }

    private static double[] unbiased(double[] k, int n) {
        double[] r = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            double ri = 0;
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    ri += k[i * n + j];
                }
            }
            r[i] = ri;
            s += ri;
        }
        double c = s / ((double) (n - 1) * (n - 2));
        double[] u = new double[n * n];
        for (int i = 0; i < n; i++) {
            double ri = r[i] / (n - 2);
            for (int j = 0; j < n; j++) {
                // Symmetric input: the column sums equal the row sums.
                u[i * n + j] = i == j ? 0.0 : k[i * n + j] - ri - r[j] / (n - 2) + c;
            }
        }
        return u;
    }

    private static double[] biased(double[] k, int n) {
        double[] r = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            double ri = 0;
            for (int j = 0; j < n; j++) {
                ri += k[i * n + j];
            }
            r[i] = ri / n;
            s += ri;
        }
        double all = s / ((double) n * n);
        double[] u = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                u[i * n + j] = k[i * n + j] - r[i] - r[j] + all;
            }
        }
        return u;
    }

    /**
     * @param name unbiased, biased or none (any case)
     * @return the constant
     */
    public static Centering parse(String name) {
        for (Centering c : values()) {
            if (c.cliName.equalsIgnoreCase(name.trim())) {
                return c;
            }
        }
        throw new DdsInputException("unknown centring '" + name + "': expected one of unbiased, biased, none");
    }
}
