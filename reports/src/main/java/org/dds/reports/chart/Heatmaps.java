package org.dds.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dds.reports.ChartSpec;
import org.dds.reports.Format;
import org.dds.reports.ResultTable;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Matrices as heatmaps (like the paper's Fig. 2), one panel per table, side by side, each with its own colour
 * scale: rows top to bottom as in the table, columns left to right, square cells, the value written in each cell
 * when the cells are large enough to hold it.
 */
final class Heatmaps {
    /** Largest and smallest cell side, in logical pixels. */
    private static final int MAX_CELL = 64;
    private static final int MIN_CELL = 2;
    /** Cells smaller than this cannot carry a label each: the axes then say only how many rows and columns. */
    private static final int LABEL_CELL = 12;
    /** The plot area's longer side aims at this many pixels. */
    private static final int TARGET_PLOT = 430;
    /** Cells at least this large get their value written in them. */
    private static final int ANNOTATE_CELL = 40;
    private static final int LEGEND_WIDTH = 100;
    private static final int TITLE_HEIGHT = 48;
    private static final int PADDING = 28;
    /** Narrower panels would wrap their titles. */
    private static final int MIN_WIDTH = 460;

    private Heatmaps() {
    }

    static Drawing draw(ChartSpec.Heatmap spec, Map<String, ResultTable> tables) {
        List<ResultTable> panels = spec.tableIds().stream().map(tables::get).toList();
        int maxSide = panels.stream().mapToInt(t -> Math.max(t.rows().size(), t.columns().size() - 1)).max()
                .orElseThrow();
        int cell = Math.max(MIN_CELL, Math.min(MAX_CELL, TARGET_PLOT / maxSide));
        int rowLabels = 0;
        int columnLabels = 0;
        boolean labels = cell >= LABEL_CELL;
        for (ResultTable t : labels ? panels : List.<ResultTable>of()) {
            for (int r = 0; r < t.rows().size(); r++) {
                rowLabels = Math.max(rowLabels, textWidth(t.rowLabel(r)));
            }
            for (String c : t.columnNames().subList(1, t.columns().size())) {
                columnLabels = Math.max(columnLabels, textWidth(c));
            }
        }
        int maxColumns = panels.stream().mapToInt(t -> t.columns().size() - 1).max().orElseThrow();
        int maxRows = panels.stream().mapToInt(t -> t.rows().size()).max().orElseThrow();
        boolean vertical = columnLabels > cell - 4;
        int xLabelHeight = !labels ? 40 : vertical ? columnLabels + 12 : 26;
        rowLabels = labels ? rowLabels : 40;
        int width = Math.max(MIN_WIDTH, PADDING + rowLabels + 16 + maxColumns * cell + LEGEND_WIDTH);
        int height = TITLE_HEIGHT + maxRows * cell + xLabelHeight + PADDING;
        String single = spec.title().isEmpty() ? panels.get(0).title() : spec.title();
        List<JFreeChart> charts = new ArrayList<>();
        for (ResultTable t : panels) {
            charts.add(panel(t, panels.size() == 1 ? single : t.title(), vertical, cell >= ANNOTATE_CELL, labels));
        }
        return new Drawing(charts, width, height);
    }

    private static JFreeChart panel(ResultTable t, String title, boolean verticalLabels, boolean annotate,
            boolean labels) {
        int rows = t.rows().size();
        int columns = t.columns().size() - 1;
        double[][] xyz = new double[3][rows * columns];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double v = t.number(r, c + 1);
                int k = r * columns + c;
                xyz[0][k] = c;
                xyz[1][k] = r;
                xyz[2][k] = v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(t.id(), xyz);
        ColorScale scale = ColorScale.forRange(min, max);

        String[] rowNames = new String[rows];
        for (int r = 0; r < rows; r++) {
            rowNames[r] = t.rowLabel(r);
        }
        SymbolAxis x = axis(t.columnNames().subList(1, t.columns().size()).toArray(new String[0]), columns);
        x.setVerticalTickLabels(verticalLabels);
        SymbolAxis y = axis(rowNames, rows);
        y.setInverted(true);
        if (!labels) {
            x.setTickLabelsVisible(false);
            y.setTickLabelsVisible(false);
            x.setLabel(columns + " columns");
            y.setLabel(rows + " rows");
            x.setLabelFont(Theme.TICK);
            y.setLabelFont(Theme.TICK);
        }

        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart(null, Theme.TITLE, plot, false);
        Theme.apply(chart);
        // After the theme, which would paint every annotation in one colour.
        if (annotate) {
            for (int k = 0; k < xyz[2].length; k++) {
                XYTextAnnotation a = new XYTextAnnotation(Format.compact(xyz[2][k]), xyz[0][k], xyz[1][k]);
                a.setFont(Theme.VALUE);
                a.setPaint(ColorScale.textOn(scale.color(xyz[2][k])));
                plot.addAnnotation(a);
            }
        }
        chart.setTitle(new TextTitle(title, Theme.TITLE));
        chart.getTitle().setPaint(Theme.INK);
        x.setTickLabelFont(Theme.TICK);
        y.setTickLabelFont(Theme.TICK);
        plot.setBackgroundPaint(Color.WHITE);

        NumberAxis legendAxis = new NumberAxis();
        legendAxis.setTickLabelFont(Theme.TICK);
        legendAxis.setTickLabelPaint(Theme.INK);
        legendAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        legend.setStripWidth(14);
        legend.setSubdivisionCount(128);
        legend.setStripOutlineVisible(false);
        legend.setMargin(new RectangleInsets(4, 12, 4, 4));
        legend.setPadding(new RectangleInsets(0, 0, 0, 0));
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        renderer.setDefaultOutlineStroke(new BasicStroke(0));
        return chart;
    }

    private static SymbolAxis axis(String[] symbols, int count) {
        SymbolAxis a = new SymbolAxis(null, symbols);
        a.setGridBandsVisible(false);
        a.setAutoRange(false);
        a.setRange(-0.5, count - 0.5);
        a.setTickMarksVisible(false);
        a.setAxisLineVisible(false);
        a.setTickLabelPaint(Theme.INK);
        return a;
    }

    /** Width of a label in the tick font, in logical pixels. */
    private static int textWidth(String text) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        FontMetrics m = scratch.createGraphics().getFontMetrics(new Font(Theme.FAMILY, Font.PLAIN,
                Theme.TICK.getSize()));
        return m.stringWidth(text);
    }
}
