/**
 * The comparisons g of a duality diagram: how two models' n x n matrices are compared. Centred kernel alignment
 * (CKA, Kornblith et al. 2019, with the unbiased U-centring of Szekely and Rizzo 2014) and the rank or linear
 * correlation of the upper triangles used by representational similarity analysis.
 */
package org.dds.core.comparison;
