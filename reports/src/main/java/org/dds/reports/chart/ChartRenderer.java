package org.dds.reports.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import org.dds.reports.ChartSpec;
import org.dds.reports.ResultTable;
import org.jfree.chart.JFreeChart;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;

/**
 * Draws a {@link ChartSpec} with JFreeChart, headless, to PNG (at twice the logical size, so it stays sharp on
 * high-density screens) and to SVG (Apache Batik's SVG generator). The output depends only on the spec and the tables: the same input
 * gives the same bytes.
 */
public final class ChartRenderer {
    /** PNG pixels per logical pixel. */
    public static final int PNG_SCALE = 2;

    static {
        // Charts are drawn into images, never shown: no display is needed or wanted, even when one is set.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * A chart drawn.
     *
     * @param width  logical width in pixels (the PNG is {@link #PNG_SCALE} times wider)
     * @param height logical height in pixels
     * @param png    the PNG bytes
     * @param svg    the SVG document
     */
    public record Rendered(int width, int height, byte[] png, String svg) {
        /** Copies the PNG bytes in. */
        public Rendered {
            png = png.clone();
        }

        /** @return a copy of the PNG bytes */
        @Override
        public byte[] png() {
            return png.clone();
        }
    }

    private ChartRenderer() {
    }

    /**
     * @param spec   what to draw; its tables must be in {@code tables} (checked when its result was built)
     * @param tables tables by id
     * @param id     a name unique in the report, used for the ids inside the SVG
     * @return the chart as PNG and SVG
     */
    public static Rendered render(ChartSpec spec, Map<String, ResultTable> tables, String id) {
        spec.check(tables);
        Drawing d = draw(spec, tables);
        return new Rendered(d.width(), d.height(), png(d), svg(d, id));
    }

    private static Drawing draw(ChartSpec spec, Map<String, ResultTable> tables) {
        if (spec instanceof ChartSpec.Heatmap h) {
            return Heatmaps.draw(h, tables);
        }
        if (spec instanceof ChartSpec.Bars b) {
            return Bars.draw(b, tables);
        }
        if (spec instanceof ChartSpec.Box b) {
            return Boxes.draw(b, tables);
        }
        if (spec instanceof ChartSpec.Line l) {
            return Lines.draw(l, tables);
        }
        throw new IllegalArgumentException("nothing to draw for " + spec);
    }

    private static byte[] png(Drawing d) {
        BufferedImage image = new BufferedImage(d.width() * PNG_SCALE, d.height() * PNG_SCALE,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setPaint(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(PNG_SCALE, PNG_SCALE);
            paint(d, g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("this Java has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG in memory", e);
        }
        return out.toByteArray();
    }

    private static String svg(Drawing d, String id) {
        org.w3c.dom.Document doc;
        try {
            doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("this Java has no DOM implementation", e);
        }
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(doc);
        // Ids inside the SVG derive from this prefix and a counter, so the same chart gives the same file.
        String prefix = id.replaceAll("[^A-Za-z0-9_-]", "_") + "-";
        context.setIDGenerator(new org.apache.batik.svggen.SVGIDGenerator() {
            @Override
            public String generateID(String base) {
                return prefix + super.generateID(base);
            }
        });
        context.setComment(null);
        SVGGraphics2D g = new SVGGraphics2D(context, false);
        g.setSVGCanvasSize(new java.awt.Dimension(d.width(), d.height()));
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        paint(d, g);
        java.io.StringWriter w = new java.io.StringWriter();
        try {
            g.stream(w, true);
        } catch (org.apache.batik.svggen.SVGGraphics2DIOException e) {
            throw new UncheckedIOException("cannot write an SVG in memory", new IOException(e));
        } finally {
            g.dispose();
        }
        // Batik writes no DOCTYPE by default; the SVG 1.0 DTD is not needed to read the file.
        return w.toString().replaceAll("(?s)<!DOCTYPE[^>]*>\s*", "");
    }

    private static void paint(Drawing d, Graphics2D g) {
        int k = 0;
        for (JFreeChart chart : d.panels()) {
            chart.draw(g, new Rectangle2D.Double((double) k * d.panelWidth(), 0, d.panelWidth(), d.height()));
            k++;
        }
    }
}
