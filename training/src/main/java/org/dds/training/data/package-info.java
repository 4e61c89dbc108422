/**
 * Datasets in their distributed formats (NYUv2 labeled .mat, Pascal VOC 2012 / PASCAL-Context), seeded
 * augmentation, and the batches the trainer reads.
 */
package org.dds.training.data;
