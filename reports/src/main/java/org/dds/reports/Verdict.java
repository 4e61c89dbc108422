package org.dds.reports;

import java.util.List;

/** How a set of published values fared: all within tolerance, some, none, or there was nothing to check. */
public enum Verdict {
    /** Every published value is matched within its tolerance. */
    REPRODUCED("reproduced"),
    /** Some are, some are not. */
    PARTLY("partly reproduced"),
    /** None is. */
    NOT_REPRODUCED("not reproduced"),
    /** There is no published value to compare with. */
    NOTHING_TO_CHECK("no published number");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** @return how a report says it, e.g. "partly reproduced" */
    public String label() {
        return label;
    }

    /**
     * @param values published values with what was reproduced for them
     * @return the verdict on all of them
     */
    public static Verdict of(List<PublishedValue> values) {
        long matched = values.stream().filter(PublishedValue::matches).count();
        if (values.isEmpty()) {
            return NOTHING_TO_CHECK;
        }
        return matched == values.size() ? REPRODUCED : matched == 0 ? NOT_REPRODUCED : PARTLY;
    }

    /**
     * @param result an experiment's result
     * @return every published value of its tables, in order
     */
    public static List<PublishedValue> publishedValues(ExperimentResult result) {
        return result.tables().stream().flatMap(t -> t.published().stream()).toList();
    }
}
