/**
 * Where the experiments' features come from: the authors' released files
 * {@code taskonomy_pascal_feats_<dataset>.npy} (Dwivedi et al., ECCV 2020), found through {@code --features DIR} or
 * the environment variable {@code DDS_FEATURES}, or any other feature layout the project reads.
 */
package org.dds.experiments.features;
