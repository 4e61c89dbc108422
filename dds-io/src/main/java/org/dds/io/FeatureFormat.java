package org.dds.io;

/** The layouts {@link FeatureReader} recognises. */
public enum FeatureFormat {
    /** A directory with one {@code <model>.npy} per model, ordered by {@code models.txt} or by file name. */
    NPY_DIRECTORY,
    /** The authors' per-image layout: {@code <dir>/<...><task>_encoder_output.npy}, one file per image. */
    PER_IMAGE_DIRECTORY,
    /** An {@code .npz} archive with one {@code <model>.npy} member per model, in archive order. */
    NPZ,
    /** A single {@code .npy} holding one model's n x d or n x H x W x C array. */
    NPY,
    /** The authors' {@code taskonomy_pascal_feats_<dataset>.npy}: a pickled dict {model: n x d array}. */
    PICKLED_DICT_NPY,
    /** A single CSV file holding one model, one row per image. */
    CSV,
    /** A directory with one {@code <model>.csv} per model. */
    CSV_DIRECTORY
}
