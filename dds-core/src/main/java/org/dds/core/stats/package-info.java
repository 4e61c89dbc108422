/**
 * Rank statistics used to evaluate DDS against transfer-learning ground truth: average ranks with ties, Pearson and
 * Spearman correlation, weighted Kendall's tau, and the per-column Spearman correlation of the paper's protocol; and
 * the one seed-mixing function ({@link org.dds.core.stats.SeedMix}) that derives seeds per epoch, image or task.
 */
package org.dds.core.stats;
