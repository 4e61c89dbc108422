/**
 * Feature files (SPEC section 5): {@link org.dds.core.io.FeatureReader} detects the layout (a directory of
 * {@code <model>.npy}, an {@code .npz}, the authors' pickled-dict {@code .npy} or per-image files, CSV) and returns a
 * {@link org.dds.core.FeatureSet}; {@link org.dds.core.io.NpyWriter} and {@link org.dds.core.io.NpzWriter} write
 * features back atomically. Every unusable input is refused with a {@link org.dds.core.DdsInputException} naming the
 * file and the fix.
 */
package org.dds.core.io;
