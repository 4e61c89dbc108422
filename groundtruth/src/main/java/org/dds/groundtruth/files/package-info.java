/**
 * The ground-truth files on disk: where the ground-truth directory is ({@code --groundtruth DIR}, then
 * {@code DDS_GROUNDTRUTH}, then {@code <repo root>/../shared/groundtruth}) and how its public files are downloaded
 * and checked against their SHA-256.
 */
package org.dds.groundtruth.files;
