/**
 * The evaluation library the experiments call: per-column Spearman scoring against the Taskonomy matrices with
 * permutation p-values and subsampling intervals over images, the five ranking measures and the side-by-side
 * comparison of methods, the readings of the agreement protocol, the 7 x 6 ablation grid of Table 2, the methods of
 * Table 3, layer selection, and the seeded statistics underneath (one seed per statistic derived from the run's
 * seed). No class here is an experiment, and no experiment imports another.
 */
package org.dds.experiments.evaluation;
