package org.dds.reports.chart;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dds.reports.ChartSpec;
import org.dds.reports.Format;
import org.dds.reports.ResultTable;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Bars, one per row (grouped when there are several value columns). Many or long labels lay the bars
 * horizontally so every label stays readable; a single series gets its mean as a dashed line and every bar its
 * value.
 */
final class Bars {
    private static final int HORIZONTAL_ROWS = 7;
    private static final int HORIZONTAL_LABEL = 12;
    private static final int BAR = 22;
    /** Bars thinner than this cannot carry a label each. */
    private static final int LABEL_BAR = 11;
    /** The most pixels the bars of a horizontal chart take together. */
    private static final int MAX_EXTENT = 1400;
    private static final int MAX_LABELLED_BARS = 40;

    private Bars() {
    }

    static Drawing draw(ChartSpec.Bars spec, Map<String, ResultTable> tables) {
        ResultTable t = tables.get(spec.tableId());
        int label = t.columnIndex(spec.labelColumn());
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int longest = 0;
        double sum = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            String category = t.cell(r, label).text();
            longest = Math.max(longest, category.length());
            for (String column : spec.valueColumns()) {
                double v = t.number(r, column);
                data.addValue(v, column, category);
                sum += v;
            }
        }
        int rows = t.rows().size();
        int series = spec.valueColumns().size();
        boolean horizontal = rows >= HORIZONTAL_ROWS || longest > HORIZONTAL_LABEL;
        String valueLabel = series == 1 ? spec.valueColumns().get(0) : "value";
        JFreeChart chart = ChartFactory.createBarChart(spec.title().isEmpty() ? t.title() : spec.title(),
                spec.labelColumn(), valueLabel, data,
                horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL, series > 1, false, false);
        Theme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(true);
        plot.setOutlineVisible(false);
        CategoryAxis categories = plot.getDomainAxis();
        categories.setCategoryMargin(0.25);
        categories.setLowerMargin(0.02);
        categories.setUpperMargin(0.02);
        categories.setMaximumCategoryLabelWidthRatio(0.5f);
        if (horizontal) {
            // Values along the bottom, as a reader expects, rather than above the bars.
            plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        }
        NumberAxis values = (NumberAxis) plot.getRangeAxis();
        values.setUpperMargin(0.12);
        Theme.plainNumbers(values, false);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setItemMargin(0.05);
        renderer.setDrawBarOutline(false);
        for (int s = 0; s < series; s++) {
            renderer.setSeriesPaint(s, Theme.series(s));
        }
        if (rows * series <= MAX_LABELLED_BARS) {
            renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                    new DecimalFormat("0.000", DecimalFormatSymbols.getInstance(Locale.ROOT))));
            renderer.setDefaultItemLabelsVisible(true);
            renderer.setDefaultItemLabelFont(Theme.VALUE);
            renderer.setDefaultItemLabelPaint(Theme.INK);
        }
        if (series == 1) {
            double mean = sum / rows;
            ValueMarker m = new ValueMarker(mean, Theme.INK, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            plot.addRangeMarker(m, Layer.FOREGROUND);
            // Said under the title rather than on the line, where it would cover a bar's value.
            TextTitle note = new TextTitle("dashed line: mean " + Format.compact(mean), Theme.TICK);
            note.setPaint(Theme.INK);
            chart.addSubtitle(note);
        }
        int bars = rows * series;
        if (horizontal) {
            int bar = Math.max(2, Math.min(BAR, MAX_EXTENT / bars));
            if (bar < LABEL_BAR) {
                categories.setTickLabelsVisible(false);
                renderer.setDefaultItemLabelsVisible(false);
            }
            int labelWidth = bar < LABEL_BAR ? 0 : Math.min(260, textWidth(longest));
            return new Drawing(List.of(chart), Math.max(760, 560 + labelWidth), 150 + bars * bar + rows * bar / 4);
        }
        return new Drawing(List.of(chart), Math.min(1300, Math.max(560, 160 + bars * 40 + rows * 16)), 460);
    }

    private static int textWidth(int characters) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        return scratch.createGraphics().getFontMetrics(new Font(Theme.FAMILY, Font.PLAIN, Theme.TICK.getSize()))
                .stringWidth("m".repeat(characters)) * 2 / 3;
    }
}
