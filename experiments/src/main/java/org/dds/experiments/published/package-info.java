/**
 * The numbers the paper publishes, copied from {@code ../shared/published/paper_tables.md} into CSV resources, so
 * that every report can show them beside what this project computes.
 */
package org.dds.experiments.published;
