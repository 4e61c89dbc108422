/**
 * Feature files (SPEC section 5): {@link org.dds.io.FeatureReader} detects the layout (a directory of
 * {@code <model>.npy}, an {@code .npz}, the authors' pickled-dict {@code .npy} or per-image files, CSV) and returns a
 * {@link org.dds.core.FeatureSet}; {@link org.dds.io.NpyWriter} and {@link org.dds.io.NpzWriter} write
 * features back atomically. Every unusable input is refused with a {@link org.dds.core.DdsInputException} naming the
 * file and the fix.
 */
package org.dds.io;
