/**
 * Charts for the reports: which ones a report draws ({@link org.dds.reports.chart.ChartPlan}: the experiments'
 * requests, then defaults by table shape) and how ({@link org.dds.reports.chart.ChartRenderer}: JFreeChart,
 * headless, to PNG and SVG).
 */
package org.dds.reports.chart;
