package org.dds.core.transfer;

/** What the target labels are: classes (one integer per image) or regression targets (m reals per image). */
public enum TargetKind {
    /** One class per image; class names are arbitrary integers. */
    CLASSIFICATION,
    /** m >= 1 real targets per image. */
    REGRESSION;

    /** @return the kind in lower case, as messages print it */
    public String word() {
        return this == CLASSIFICATION ? "classification" : "regression";
    }
}
