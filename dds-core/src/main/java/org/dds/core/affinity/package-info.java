/**
 * DDS between two models and the T x T affinity matrix over many: each model is prepared once (normalise,
 * form f, embed for g) and all pairs are compared by one matrix product. Also the full ablation over every
 * (normalisation, f) pair, sharing the pairwise work within each normalised model.
 */
package org.dds.core.affinity;
