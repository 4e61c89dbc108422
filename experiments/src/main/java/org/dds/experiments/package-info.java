/**
 * The experiments of the paper and what runs them: {@link org.dds.experiments.Experiment} (one class per
 * experiment), the registry {@link org.dds.experiments.Experiments}, and {@link org.dds.experiments.Reproduction},
 * which runs those whose inputs are there and hands the results to the reports module.
 */
package org.dds.experiments;
