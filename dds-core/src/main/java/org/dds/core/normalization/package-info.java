/**
 * The (Q, D) step of a duality diagram: how each model's n x d feature matrix is normalised before the n x n
 * matrix f is formed (Dwivedi et al. 2020, section 3). Column normalisations (centring, z-score) and the
 * feature-map normalisations of deep networks (batch, instance, layer and group normalisation).
 */
package org.dds.core.normalization;
