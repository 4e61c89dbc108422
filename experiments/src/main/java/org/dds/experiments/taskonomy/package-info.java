/**
 * Experiments on the Taskonomy benchmark (Zamir et al., CVPR 2018) as Dwivedi et al. (ECCV 2020) use it: DDS
 * rankings and the public transfer matrices they are judged against.
 */
package org.dds.experiments.taskonomy;
