package org.dds.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;

/**
 * Reads one model's features from a CSV file (for small cases): one row per image, comma-separated numbers, UTF-8
 * (a leading byte-order mark is skipped), blank lines and {@code #} comment lines ignored. {@code nan} and
 * {@code inf} are read as such and then refused by {@link FeatureMatrix} with their position.
 *
 * <p><b>Header rule.</b> The first row is a header, and skipped, exactly when none of its fields is a number (e.g.
 * {@code f0,f1,f2}), or when it is the column numbers {@code 0,1,...,d-1} written as integers, as
 * {@code pandas.DataFrame(x).to_csv(path, index=False)} writes them. Any other first row is an image: a first row
 * mixing numbers and text (a typo such as {@code 1,2x,3}) is refused, never dropped as a header.
 */
public final class CsvFeatureReader {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .setCommentMarker('#')
            .get();

    private CsvFeatureReader() {
    }

    /**
     * Reads a model named after the file (its name without {@code .csv}).
     *
     * @param file the CSV file
     * @return the features
     */
    public static FeatureMatrix read(Path file) {
        return read(file, NpyReader.stem(file));
    }

    /**
     * @param file  the CSV file
     * @param model the model name to give
     * @return the features
     * @throws DdsInputException naming the file, line and column of a value that is not a number, a row of the
     *                           wrong length, an empty file, or a NaN or infinity
     */
    public static FeatureMatrix read(Path file, String model) {
        Objects.requireNonNull(model, "model");
        String where = NpyReader.where(file);
        InputFiles.requireRegular(file, where);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            skipByteOrderMark(reader);
            try (CSVParser parser = CSVParser.parse(reader, FORMAT)) {
                return parse(parser, where, model);
            }
        } catch (NoSuchFileException e) {
            throw new DdsInputException(where + " does not exist: check the path", e);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // commons-csv reports malformed quoting as UncheckedIOException (around its CSVException) or
            // IllegalStateException; the message, not the class, is what the user needs.
            Throwable why = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            throw new DdsInputException("cannot read " + where + " as CSV (" + why.getMessage()
                    + "): write one row of comma-separated numbers per image", e);
        }
    }

    private static FeatureMatrix parse(CSVParser parser, String where, String model) {
        double[] values = new double[1024];
        int count = 0;
        int rows = 0;
        int cols = -1;
        long firstDataLine = -1;
        boolean first = true;
        for (CSVRecord record : parser) {
            long line = parser.getCurrentLineNumber();
            if (first) {
                first = false;
                if (isHeader(record)) {
                    continue;
                }
            }
            if (cols < 0) {
                cols = record.size();
                firstDataLine = line;
            } else if (record.size() != cols) {
                throw new DdsInputException(where + " has " + record.size() + " values on line " + line + " (image "
                        + rows + ") but " + cols + " on line " + firstDataLine
                        + ": every image needs the same number of features");
            }
            if (count + cols > values.length) {
                values = Arrays.copyOf(values, Math.max(count + cols, (int) Math.min(Integer.MAX_VALUE - 8,
                        2L * values.length)));
            }
            for (int j = 0; j < cols; j++) {
                values[count++] = number(record.get(j), where, line, rows, j);
            }
            rows++;
        }
        if (rows == 0) {
            throw new DdsInputException(where + " holds no rows of numbers: write one row of comma-separated "
                    + "numbers per image");
        }
        try {
            return FeatureMatrix.wrap(model, rows, cols, Arrays.copyOf(values, count));
        } catch (DdsInputException e) {
            throw NpyReader.inFile(where, e);
        }
    }

    /** The header rule of the class comment. */
    private static boolean isHeader(CSVRecord record) {
        boolean anyNumber = false;
        boolean columnNumbers = true;
        for (int j = 0; j < record.size(); j++) {
            String field = record.get(j).strip();
            boolean number = parseOrNull(field) != null;
            anyNumber |= number;
            columnNumbers &= number && field.equals(Integer.toString(j));
        }
        return !anyNumber || columnNumbers;
    }

    /** Skips a UTF-8 byte-order mark, which Excel and PowerShell write at the start of a file. */
    private static void skipByteOrderMark(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    private static double number(String field, String where, long line, int image, int col) {
        Double v = parseOrNull(field);
        if (v == null) {
            String shown = field.length() <= 40 ? field : field.substring(0, 37) + "...";
            throw new DdsInputException(where + " has '" + shown + "' on line " + line + " (image " + image
                    + ", feature " + col + "), which is not a number: CSV features must be numbers only");
        }
        return v;
    }

    private static Double parseOrNull(String field) {
        String f = field.strip();
        switch (f.toLowerCase(Locale.ROOT)) {
            case "nan", "+nan", "-nan":
                return Double.NaN;
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        // Double.parseDouble also takes Java suffixes (1d, 2f) and hex; CSV numbers are plain decimals.
        if (f.isEmpty() || !f.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        return Double.parseDouble(f);
    }
}
