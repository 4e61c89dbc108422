package org.dds.experiments;

import java.util.List;

import org.dds.reports.ExperimentResult;

/**
 * One experiment of the paper (or beyond it) that {@code dds reproduce} can run: it names what it reproduces,
 * declares the inputs it needs, and turns them into result tables with the published numbers beside them. To add
 * one, write a class that implements this interface and register it in {@link Experiments#all()}.
 *
 * <p>Implementations are stateless; {@link #run} reads everything it needs from the context.
 */
public interface Experiment {

    /** @return a short name, also the stem of its tables' ids, e.g. {@code taskonomy-agreement} */
    String name();

    /** @return what it reproduces, e.g. "paper Table 3, row 'Taskonomy affinity' (column winrate)" */
    String paperReference();

    /** @return the inputs it needs; when one is missing the experiment is skipped with the reason */
    List<RequiredInput> requiredInputs();

    /**
     * @param context where the inputs are and how to run
     * @return its results
     * @throws org.dds.core.DdsInputException if an input is present but unusable
     */
    ExperimentResult run(ExperimentContext context);
}
