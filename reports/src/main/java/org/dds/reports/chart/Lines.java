package org.dds.reports.chart;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dds.reports.CellType;
import org.dds.reports.ChartSpec;
import org.dds.reports.ResultTable;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Curves of y columns against an x column, e.g. correlation against the number of images or loss against the
 * epoch: one curve per y column, or per value of the series column, points marked, in x order.
 */
final class Lines {
    private static final int MAX_MARKED_POINTS = 60;

    private Lines() {
    }

    static Drawing draw(ChartSpec.Line spec, Map<String, ResultTable> tables) {
        ResultTable t = tables.get(spec.tableId());
        int x = t.columnIndex(spec.xColumn());
        Map<String, XYSeries> curves = new LinkedHashMap<>();
        boolean integers = t.columns().get(x).type() == CellType.INTEGER;
        for (int r = 0; r < t.rowCount(); r++) {
            for (String column : spec.yColumns()) {
                String name = column;
                if (spec.seriesColumn() != null) {
                    String s = t.cell(r, spec.seriesColumn()).text();
                    name = spec.yColumns().size() == 1 ? s : s + " " + column;
                }
                curves.computeIfAbsent(name, k -> new XYSeries(k, true, true)).add(
                        t.number(r, x), t.number(r, column));
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        curves.values().forEach(data::addSeries);
        String yLabel = spec.yColumns().size() == 1 ? spec.yColumns().get(0) : "value";
        JFreeChart chart = ChartFactory.createXYLineChart(spec.title().isEmpty() ? t.title() : spec.title(),
                spec.xColumn(), yLabel, data, PlotOrientation.VERTICAL, curves.size() > 1, false, false);
        Theme.apply(chart);
        XYPlot plot = chart.getXYPlot();
        plot.setOutlineVisible(false);
        if (spec.logX()) {
            LogAxis log = new LogAxis(spec.xColumn());
            log.setBase(10);
            // One labelled tick per decade, nine minor ticks between: 10, 100, 1000 rather than 15.849.
            log.setTickUnit(new NumberTickUnit(1.0), false, false);
            log.setAutoTickUnitSelection(false);
            log.setMinorTickCount(9);
            log.setMinorTickMarksVisible(true);
            log.setNumberFormatOverride(new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            log.setLabelFont(Theme.LABEL);
            log.setTickLabelFont(Theme.TICK);
            log.setLabelPaint(Theme.INK);
            log.setTickLabelPaint(Theme.INK);
            plot.setDomainAxis(log);
        } else {
            NumberAxis xAxis = (NumberAxis) plot.getDomainAxis();
            xAxis.setAutoRangeIncludesZero(false);
            Theme.plainNumbers(xAxis, integers);
        }
        NumberAxis yAxis = (NumberAxis) plot.getRangeAxis();
        yAxis.setAutoRangeIncludesZero(false);
        Theme.plainNumbers(yAxis, false);
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        boolean marked = t.rows().size() <= MAX_MARKED_POINTS;
        for (int s = 0; s < curves.size(); s++) {
            renderer.setSeriesPaint(s, Theme.series(s));
            renderer.setSeriesShapesVisible(s, marked);
        }
        return new Drawing(List.of(chart), 760, 460);
    }
}
