/**
 * The training experiments: paper Table 5 from the runs of {@code dds train}, beside the published numbers.
 */
package org.dds.experiments.training;
