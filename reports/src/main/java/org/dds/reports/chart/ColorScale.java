package org.dds.reports.chart;

import java.awt.Color;
import java.awt.Paint;

import org.jfree.chart.renderer.PaintScale;

/**
 * Colours for heatmaps, interpolated linearly between anchor colours. Sequential data use viridis (perceptually
 * uniform, readable in grey and by most colour-blind readers; van der Walt and Smith, matplotlib 2015); data
 * with both signs use a diverging blue-white-red scale centred on 0.
 */
final class ColorScale implements PaintScale {
    /** Viridis at 0, 1/9, ..., 1. */
    private static final int[] VIRIDIS = {0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779,
        0x6ece58, 0xb5de2b, 0xfde725};
    /** Blue to white to red (ColorBrewer RdBu, reversed), evenly spaced. */
    private static final int[] DIVERGING = {0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xf4a582,
        0xd6604d, 0xb2182b};

    private final double lower;
    private final double upper;
    private final int[] anchors;

    private ColorScale(double lower, double upper, int[] anchors) {
        this.lower = lower;
        this.upper = upper;
        this.anchors = anchors;
    }

    /**
     * @param min the smallest value to show
     * @param max the largest
     * @return viridis over [min, max] for data of one sign, blue-white-red over [-a, a] for data of both signs;
     *         a constant gets a range around it so that it still has a colour
     */
    static ColorScale forRange(double min, double max) {
        if (min < 0 && max > 0) {
            double a = Math.max(-min, max);
            return new ColorScale(-a, a, DIVERGING);
        }
        if (max - min <= 0) {
            double pad = Math.max(Math.abs(min) * 0.05, 1e-9);
            return new ColorScale(min - pad, max + pad, VIRIDIS);
        }
        return new ColorScale(min, max, VIRIDIS);
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        return color(value);
    }

    /**
     * @param value a value (clamped to the range)
     * @return its colour
     */
    Color color(double value) {
        double t = (Math.min(Math.max(value, lower), upper) - lower) / (upper - lower);
        double pos = t * (anchors.length - 1);
        int k = Math.min((int) Math.floor(pos), anchors.length - 2);
        double f = pos - k;
        return mix(new Color(anchors[k]), new Color(anchors[k + 1]), f);
    }

    /**
     * @param background a fill colour
     * @return black or white, whichever reads better on it (WCAG relative luminance)
     */
    static Color textOn(Color background) {
        double l = 0.2126 * linear(background.getRed()) + 0.7152 * linear(background.getGreen())
                + 0.0722 * linear(background.getBlue());
        return l > 0.22 ? new Color(0x1f2328) : Color.WHITE;
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static Color mix(Color a, Color b, double f) {
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }
}
