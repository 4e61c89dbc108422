/**
 * The Taskonomy benchmark (Zamir et al., CVPR 2018) as used by DDS: the 20 feature models, the 17 ground-truth
 * tasks and the mapping between their names, and the affinity and winrate matrices read from the public pickles.
 */
package org.dds.groundtruth.taskonomy;
