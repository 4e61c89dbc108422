/**
 * Datasets in their distributed formats (NYUv2 labeled .mat, Pascal VOC 2012 / PASCAL-Context), listed as
 * instances in {@link org.dds.training.data.Datasets}, seeded augmentation, and the batches the trainer reads.
 */
package org.dds.training.data;
