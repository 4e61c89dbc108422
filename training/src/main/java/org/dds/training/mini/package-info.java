/**
 * Mini-Taskonomy data: Fashion-MNIST read from its IDX files (the Debian package dataset-fashion-mnist) and the
 * labels of the miniature source and target tasks defined on the same images.
 */
package org.dds.training.mini;
