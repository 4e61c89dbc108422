/**
 * The HTML report: one self-contained {@code index.html} per run, built as a DOM so that every string is escaped,
 * with inline CSS and charts embedded as data URIs.
 */
package org.dds.reports.html;
