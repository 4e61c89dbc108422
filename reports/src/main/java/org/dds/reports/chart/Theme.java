package org.dds.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look of every chart: fonts large enough to read at 100 % zoom, flat fills, light grid lines, white
 * background, and a colour-blind-friendly series palette (Tableau 10).
 */
final class Theme {
    /** Font family; a logical font, so it maps to what the system has (DejaVu Sans on Debian). */
    static final String FAMILY = Font.SANS_SERIF;
    /** Chart titles. */
    static final Font TITLE = new Font(FAMILY, Font.BOLD, 17);
    /** Axis labels. */
    static final Font LABEL = new Font(FAMILY, Font.PLAIN, 15);
    /** Tick labels and legends. */
    static final Font TICK = new Font(FAMILY, Font.PLAIN, 13);
    /** Numbers written on cells and bars. */
    static final Font VALUE = new Font(FAMILY, Font.PLAIN, 12);
    /** Text colour. */
    static final Color INK = new Color(0x1f2328);
    /** Grid lines. */
    static final Color GRID = new Color(0xd8dee4);
    /** Series colours, in order. */
    static final Color[] SERIES = {new Color(0x4e79a7), new Color(0xf28e2b), new Color(0xe15759),
        new Color(0x76b7b2), new Color(0x59a14f), new Color(0xedc948), new Color(0xb07aa1), new Color(0xff9da7),
        new Color(0x9c755f), new Color(0xbab0ac)};

    private static final StandardChartTheme THEME = build();

    private Theme() {
    }

    /**
     * Applies the look to a chart.
     *
     * @param chart a chart
     * @return the chart
     */
    static JFreeChart apply(JFreeChart chart) {
        THEME.apply(chart);
        chart.setPadding(new RectangleInsets(8, 8, 8, 12));
        return chart;
    }

    /**
     * Makes a number axis format its ticks the same in every locale (a decimal point, no grouping).
     *
     * @param axis     the axis
     * @param integers true if only whole numbers make sense on it
     */
    static void plainNumbers(NumberAxis axis, boolean integers) {
        axis.setStandardTickUnits(integers ? NumberAxis.createIntegerTickUnits(Locale.ROOT)
                : NumberAxis.createStandardTickUnits(Locale.ROOT));
        // Room around each label, so the axis picks a coarser step than one label per 15 pixels.
        axis.setTickLabelInsets(new RectangleInsets(7, 8, 7, 8));
    }

    /**
     * @param k a series index
     * @return its colour (the palette repeats after 10)
     */
    static Color series(int k) {
        return SERIES[k % SERIES.length];
    }

    private static StandardChartTheme build() {
        StandardChartTheme t = new StandardChartTheme("dds");
        t.setExtraLargeFont(TITLE);
        t.setLargeFont(LABEL);
        t.setRegularFont(TICK);
        t.setSmallFont(VALUE);
        t.setTitlePaint(INK);
        t.setSubtitlePaint(INK);
        t.setAxisLabelPaint(INK);
        t.setTickLabelPaint(INK);
        t.setItemLabelPaint(INK);
        t.setLegendItemPaint(INK);
        t.setChartBackgroundPaint(Color.WHITE);
        t.setLegendBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setPlotOutlinePaint(GRID);
        t.setDomainGridlinePaint(GRID);
        t.setRangeGridlinePaint(GRID);
        t.setBaselinePaint(Theme.INK);
        t.setAxisOffset(RectangleInsets.ZERO_INSETS);
        t.setShadowVisible(false);
        t.setBarPainter(new StandardBarPainter());
        t.setXYBarPainter(new StandardXYBarPainter());
        Paint[] outline = {INK};
        Stroke[] strokes = {new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)};
        Stroke[] outlineStrokes = {new BasicStroke(1f)};
        Shape[] shapes = {new Ellipse2D.Double(-3.5, -3.5, 7, 7)};
        t.setDrawingSupplier(new DefaultDrawingSupplier(SERIES, SERIES, outline, strokes, outlineStrokes, shapes));
        return t;
    }
}
