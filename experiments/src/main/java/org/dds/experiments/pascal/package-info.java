/**
 * Paper Table 4: how well DDS between Taskonomy encoders and a Pascal VOC segmentation model ranks the encoders by
 * their transfer mIoU on Pascal VOC, as a bootstrap over images drawn from three image sets.
 */
package org.dds.experiments.pascal;
