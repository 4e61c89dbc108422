/**
 * Benchmarks behind {@code dds bench}: the full Table-2 ablation against the naive per-pair computation, and
 * affinity matrices at larger numbers of images. Numbers are medians of repeated runs in one process, with the
 * baseline measured in the same run.
 */
package org.dds.experiments.bench;
