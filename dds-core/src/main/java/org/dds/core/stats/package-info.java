/**
 * Rank statistics used to evaluate DDS against transfer-learning ground truth: average ranks with ties,
 * Pearson and Spearman correlation, and the per-column Spearman correlation of the paper's protocol.
 */
package org.dds.core.stats;
