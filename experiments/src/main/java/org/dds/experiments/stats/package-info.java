/**
 * Statistics on top of the per-target Spearman evaluation: seeded permutation p-values for a mean of per-column
 * correlations, bootstrap over images with percentile intervals, and the derivation of one seed per statistic from
 * the run's seed, so that results do not depend on the order in which they are computed.
 */
package org.dds.experiments.stats;
