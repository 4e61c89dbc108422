package org.dds.reports.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dds.reports.ChartSpec;
import org.dds.reports.ResultTable;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/**
 * Distributions (e.g. bootstrap draws) as box plots: median line, quartile box, whiskers to the furthest draw
 * within 1.5 interquartile ranges, draws beyond them as dots. One box per category
 * (or per value column in the wide format), one colour per series.
 */
final class Boxes {
    private static final String ALL = "all";

    private Boxes() {
    }

    static Drawing draw(ChartSpec.Box spec, Map<String, ResultTable> tables) {
        ResultTable t = tables.get(spec.tableId());
        // series -> category -> draws, in the order they first appear
        Map<String, Map<String, List<Double>>> groups = new LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            for (String column : spec.valueColumns()) {
                String category = spec.categoryColumn() == null ? column
                        : t.cell(r, spec.categoryColumn()).text();
                String series = spec.seriesColumn() == null ? "" : t.cell(r, spec.seriesColumn()).text();
                if (spec.categoryColumn() != null && spec.valueColumns().size() > 1) {
                    series = series.isEmpty() ? column : series + " " + column;
                }
                groups.computeIfAbsent(series.isEmpty() ? ALL : series, k -> new LinkedHashMap<>())
                        .computeIfAbsent(category, k -> new ArrayList<>())
                        .add(t.number(r, column));
            }
        }
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        int categories = 0;
        for (Map.Entry<String, Map<String, List<Double>>> s : groups.entrySet()) {
            for (Map.Entry<String, List<Double>> c : s.getValue().entrySet()) {
                data.add(c.getValue(), s.getKey(), c.getKey());
            }
            categories = Math.max(categories, s.getValue().size());
        }
        boolean legend = groups.size() > 1;
        String categoryLabel = spec.categoryColumn() == null ? "" : spec.categoryColumn();
        String valueLabel = spec.valueColumns().size() == 1 ? spec.valueColumns().get(0) : "value";
        JFreeChart chart = ChartFactory.createBoxAndWhiskerChart(spec.title().isEmpty() ? t.title() : spec.title(),
                categoryLabel, valueLabel, data, legend);
        Theme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setDomainGridlinesVisible(false);
        plot.setOutlineVisible(false);
        NumberAxis values = (NumberAxis) plot.getRangeAxis();
        values.setAutoRangeIncludesZero(false);
        Theme.plainNumbers(values, false);
        BoxAndWhiskerRenderer renderer = (BoxAndWhiskerRenderer) plot.getRenderer();
        renderer.setFillBox(true);
        // JFreeChart draws the mean as a disc half as wide as the box, which hides the median: leave it out (the
        // tables give the means).
        renderer.setMeanVisible(false);
        renderer.setMedianVisible(true);
        renderer.setUseOutlinePaintForWhiskers(true);
        renderer.setMaximumBarWidth(0.09);
        // The median line in white over the coloured box; whiskers in ink.
        renderer.setArtifactPaint(Color.WHITE);
        // JFreeChart's far-out arrows read as data; outliers are drawn as dots anyway.
        renderer.setMinOutlierVisible(false);
        renderer.setMaxOutlierVisible(false);
        renderer.setItemMargin(0.12);
        renderer.setWhiskerWidth(0.6);
        renderer.setDefaultOutlinePaint(Theme.INK);
        for (int s = 0; s < groups.size(); s++) {
            renderer.setSeriesPaint(s, Theme.series(s));
            renderer.setSeriesOutlinePaint(s, Theme.INK);
        }
        int boxes = categories * groups.size();
        return new Drawing(List.of(chart), Math.min(1300, Math.max(600, 220 + boxes * 64)), 460);
    }
}
