package org.dds.reports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** How numbers read in the Markdown and HTML reports (the CSV files keep full precision). */
public final class Format {
    private static final int SIGNIFICANT = 6;
    private static final int DIFFERENCE_SIGNIFICANT = 3;

    private Format() {
    }

    /**
     * @param value a finite number
     * @return six significant digits, no trailing zeros, no exponent for everyday magnitudes: 0.919434, 0.988, 1
     */
    public static String number(double value) {
        return significant(value, SIGNIFICANT);
    }

    /**
     * @param value a finite number
     * @return three significant digits, for numbers written inside charts: 0.862, 0.0123, 1
     */
    public static String compact(double value) {
        return significant(value, DIFFERENCE_SIGNIFICANT);
    }

    /**
     * @param cell a table cell
     * @return how it reads: a real number with {@link #number}, the rest as the CSV writes it
     */
    public static String cell(Cell cell) {
        return cell instanceof Cell.Real r ? number(r.value()) : cell.text();
    }

    /**
     * @param difference reproduced - published
     * @return three significant digits with an explicit sign, e.g. "+0.00120" reads "+0.0012", "-0.0686"
     */
    public static String difference(double difference) {
        String s = significant(difference, DIFFERENCE_SIGNIFICANT);
        return difference > 0 ? "+" + s : s;
    }

    /**
     * @param difference reproduced - published
     * @param tolerance  the tolerance it is judged by
     * @return the difference to one decimal finer than the width of the tolerance interval (tolerance 0.0005, width
     *         0.001 -> 4 decimals: "+0.0001", "-0.0686"; tolerance 0.02 -> 3 decimals), or three significant
     *         digits when the tolerance is 0; an explicit sign unless 0
     */
    public static String difference(double difference, double tolerance) {
        if (tolerance <= 0 || difference == 0) {
            return difference(difference);
        }
        int decimals = Math.max(1, Math.min(12, 1 - (int) Math.floor(Math.log10(2 * tolerance))));
        BigDecimal d = new BigDecimal(difference).setScale(decimals, RoundingMode.HALF_EVEN);
        String s = d.toPlainString();
        return d.signum() > 0 ? "+" + s : d.signum() == 0 ? s.replace("-", "") : s;
    }

    /**
     * @param value  a finite number
     * @param digits significant digits
     * @return the number rounded to them, trailing zeros dropped
     */
    static String significant(double value, int digits) {
        if (value == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros();
        double magnitude = Math.abs(value);
        return magnitude >= 1e-4 && magnitude < 1e9 ? d.toPlainString() : d.toString();
    }
}
