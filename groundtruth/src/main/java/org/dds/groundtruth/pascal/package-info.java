/**
 * The Pascal VOC transfer ground truth of Dwivedi et al. (ECCV 2020, Table 4): the mIoU on Pascal VOC semantic
 * segmentation reached from each of 17 Taskonomy source models, read from a CSV resource that cites its origin.
 */
package org.dds.groundtruth.pascal;
