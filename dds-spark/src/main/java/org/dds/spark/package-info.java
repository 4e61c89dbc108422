/**
 * The exact tiled affinity matrix of dds-core as an Apache Spark job ({@link org.dds.spark.SparkAffinity}): tiles of
 * image pairs as tasks, partial sums reduced, features read through Hadoop's FileSystem API
 * ({@link org.dds.spark.HadoopFeatures}). The maths stays in dds-core's plain functions; this package only
 * partitions, ships and reduces.
 */
package org.dds.spark;
