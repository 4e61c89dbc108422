/**
 * Layer selection (paper Figure 4, SPEC job 2): DDS between the blocks of one encoder and task models, which block
 * suits which task family, and the blocks of an encoder ranked for one target task.
 */
package org.dds.experiments.layers;
