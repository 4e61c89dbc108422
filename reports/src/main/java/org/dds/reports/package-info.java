/**
 * Turns experiment results into reports under {@code reports/<run>/}: {@code index.html} with charts,
 * {@code report.md}, one CSV per table and {@code results.json}, from which the reports are regenerated. It
 * computes nothing; it only lays results out beside their published counterparts. Experiments ask for charts
 * with {@link org.dds.reports.ChartSpec}.
 */
package org.dds.reports;
