/**
 * A run's results as {@code results.json}, written deterministically and read back strictly, so that a report
 * can be regenerated without recomputing anything.
 */
package org.dds.reports.json;
