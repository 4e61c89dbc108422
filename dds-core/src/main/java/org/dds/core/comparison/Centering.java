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
     * The centred matrix in the packed form of {@link UnitVectorComparison}: the diagonal (omitted for U-centring,
     * whose diagonal is zero), then the strict upper triangle times sqrt 2, so that Frobenius inner products are
     * dot products. Computed without forming the centred n x n matrix.
     *
     * @param k symmetric n x n, row-major (not modified)
     * @param n order
     * @return the packed centred matrix
     */
    public double[] centrePacked(double[] k, int n) {
        double[] rowTerm = new double[n];
        double constant;
        boolean zeroDiagonal = this == UNBIASED;
        if (this == NONE) {
            constant = 0;
        } else {
            double s = 0;
            for (int i = 0; i < n; i++) {
                double ri = 0;
                for (int j = 0; j < n; j++) {
                    if (!zeroDiagonal || i != j) {
                        ri += k[i * n + j];
                    }
                }
                s += ri;
                rowTerm[i] = zeroDiagonal ? ri / (n - 2) : ri / n;
            }
            constant = zeroDiagonal ? s / ((double) (n - 1) * (n - 2)) : s / ((double) n * n);
        }
        int off = zeroDiagonal ? 0 : n;
        double[] v = new double[off + n * (n - 1) / 2];
        if (!zeroDiagonal) {
            for (int i = 0; i < n; i++) {
                v[i] = k[i * n + i] - rowTerm[i] - rowTerm[i] + constant;
            }
        }
        double sqrt2 = Math.sqrt(2.0);
        int p = off;
        for (int i = 0; i < n; i++) {
            double ri = rowTerm[i];
            int row = i * n;
            for (int j = i + 1; j < n; j++) {
                v[p++] = sqrt2 * (k[row + j] - ri - rowTerm[j] + constant);
            }
        }
        return v;
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
