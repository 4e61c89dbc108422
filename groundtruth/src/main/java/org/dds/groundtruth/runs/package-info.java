/**
 * Transfer ground truth measured by fine-tuning (paper Table 5, Fig. 4): the {@code result.csv} files that
 * {@code dds train} writes, read by column name ({@link org.dds.groundtruth.runs.TrainingRuns}) and grouped per
 * target task into scores per ResNet-50 branch block, oriented so that higher is better
 * ({@link org.dds.groundtruth.runs.BlockTransfer}).
 */
package org.dds.groundtruth.runs;
