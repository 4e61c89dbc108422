/**
 * Transfer-learning ground truth as values: a {@link org.dds.groundtruth.TransferMatrix} of how well each source
 * task transfers to each target task, and the {@link org.dds.groundtruth.GroundTruthSource} that says which file
 * (and which SHA-256) it was read from. Sub-packages read the Taskonomy and Pascal VOC ground truth and locate or
 * download the files, and read the transfer measured by fine-tuning ({@code dds train}'s result files).
 */
package org.dds.groundtruth;
