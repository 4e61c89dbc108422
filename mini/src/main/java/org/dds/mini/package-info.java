/**
 * Mini-Taskonomy: Fashion-MNIST read from its IDX files (the Debian package dataset-fashion-mnist) and the
 * miniature tasks defined on the same images ({@link org.dds.mini.MiniTask}), whose inputs and targets
 * are generated here: labels, corruptions (noise, mask, rotation, shift) and BoofCV edge and corner maps.
 */
package org.dds.mini;
