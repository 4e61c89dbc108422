package org.dds.reports.chart;

import java.util.List;

import org.jfree.chart.JFreeChart;

/**
 * One or more charts drawn side by side, each {@code panelWidth} x {@code height} logical pixels.
 *
 * @param panels     the charts, left to right
 * @param panelWidth width of each
 * @param height     height of all
 */
record Drawing(List<JFreeChart> panels, int panelWidth, int height) {
    Drawing {
        panels = List.copyOf(panels);
        if (panels.isEmpty() || panelWidth <= 0 || height <= 0) {
            throw new IllegalArgumentException("a drawing needs a chart and a positive size");
        }
    }

    /** @return the width of all panels together */
    int width() {
        return panelWidth * panels.size();
    }
}
