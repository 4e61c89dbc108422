/**
 * Duality Diagram Similarity (Dwivedi, Huang, Cichy, Roig, ECCV 2020): the feature matrices one model gives for
 * n images, the sets of models compared, and the errors raised for unusable inputs. Sub-packages hold the
 * normalisations (Q, D), the functions f, the comparisons g, affinity matrices, statistics and numeric helpers.
 */
package org.dds.core;
