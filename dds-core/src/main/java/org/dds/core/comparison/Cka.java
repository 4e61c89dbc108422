package org.dds.core.comparison;

import org.dds.core.DdsInputException;

/**
 * Centred kernel alignment (Cristianini et al. 2002; Kornblith et al. 2019):
 * g(Mx, My) = &lt;C(Mx), C(My)&gt;_F / (||C(Mx)||_F ||C(My)||_F), C the chosen {@link Centering}. With unbiased
 * centring this is the debiased CKA the paper uses throughout (its "g = Pearson of unbiased-centred matrices").
 *
 * @param centering how the matrices are centred
 */
public record Cka(Centering centering) implements UnitVectorComparison {

    /** Validates the centring. */
    public Cka {
        if (centering == null) {
            throw new DdsInputException("CKA needs a centring: unbiased, biased or none");
        }
    }

    /** CKA with unbiased centring, the paper's default. */
    public Cka() {
        this(Centering.UNBIASED);
    }

    @Override
    public double[] embed(double[] matrix, int n, String model) {
        if (n < minimumImages()) {
            throw new DdsInputException(p -> "CKA with " + centering.cliName() + " centring needs at least "
                    + minimumImages() + " images but model '" + model + "' has " + n
                    + ": use more images or " + p.apply("centering") + " biased");
        }
        return Embeddings.unit(centering.centrePacked(matrix, n), model,
                "its " + centering.cliName() + "-centred matrix");
    }

    @Override
    public int minimumImages() {
        return centering == Centering.UNBIASED ? 4 : 2;
    }

    @Override
    public boolean removesRowAndColumnEffects() {
        return centering != Centering.NONE;
    }

    @Override
    public String name() {
        return "cka";
    }

    @Override
    public String toString() {
        return "Cka(centering=" + centering.cliName() + ")";
    }
}
