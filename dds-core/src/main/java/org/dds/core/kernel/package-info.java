/**
 * The functions f of a duality diagram: kernels (similarities) and distances (dissimilarities) between the
 * images' feature vectors, each giving one symmetric n x n matrix per model. {@link org.dds.core.kernel.RowGeometry}
 * computes the pairwise quantities they share once per normalised model, exactly where cancellation would
 * otherwise cost digits.
 */
package org.dds.core.kernel;
