/**
 * The dense tasks of paper Table 5 (edge, surface normals, depth, semantic segmentation): losses as DL4J output
 * layers, metrics as accumulators over a validation set, and Canny edge labels.
 */
package org.dds.training.task;
