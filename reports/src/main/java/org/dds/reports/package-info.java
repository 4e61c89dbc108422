/**
 * Turns experiment results into reports under {@code reports/<run>/}: CSV and Markdown now, HTML and charts
 * later. It computes nothing; it only lays results out beside their published counterparts.
 */
package org.dds.reports;
