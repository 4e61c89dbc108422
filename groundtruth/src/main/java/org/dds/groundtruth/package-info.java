/**
 * Transfer-learning ground truth: the Taskonomy affinity and winrate matrices, the Pascal VOC transfer vector,
 * the task names and their mapping to feature-model names.
 */
package org.dds.groundtruth;
