package org.dds.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.dds.core.DdsInputException;
import org.dds.core.transfer.TargetKind;
import org.dds.core.transfer.TargetLabels;

/**
 * Reads the labels of a target task's images, one per image in the features' image order:
 *
 * <ul>
 *   <li>{@code .npy}: a 1-D array of n values or an n x m array. Integers (or booleans) are classes (1-D or
 *       n x 1); floats are regression targets (1-D: one target; n x m: m targets per image).</li>
 *   <li>{@code .csv}: one row per image, comma-separated, an optional header line (a first line with a field
 *       that is not a number). A single column of integers (no decimal point or exponent) is classes; anything
 *       else is regression targets.</li>
 * </ul>
 *
 * A kind given by the caller overrides the guess (integers read as regression targets, or floats that are whole
 * numbers read as classes).
 */
public final class LabelReader {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private LabelReader() {
    }

    /**
     * @param file the labels file
     * @param kind the kind to read them as, or empty to decide from the file as above
     * @return the labels
     * @throws DdsInputException naming the file if it is missing, of another format, malformed, or its labels are
     *                           unusable (one class, a class with one image, a constant target...)
     */
    public static TargetLabels read(Path file, Optional<TargetKind> kind) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String where = "labels file '" + file + "'";
        if (!Files.isRegularFile(file)) {
            throw new DdsInputException(where + " does not exist: give a .npy or .csv file with one label per image");
        }
        try {
            if (name.endsWith(".npy")) {
                return fromNpy(file, where, kind);
            }
            if (name.endsWith(".csv")) {
                return fromCsv(file, where, kind);
            }
        } catch (DdsInputException e) {
            if (e.getMessage().startsWith(where) || e.getMessage().startsWith("file '")) {
                throw e;
            }
            throw new DdsInputException(p -> where + ": " + e.messageFor(p), e);
        }
        throw new DdsInputException(where + " is neither .npy nor .csv: save the labels as a .npy array (integers"
                + " for classes, floats for regression targets) or a CSV with one row per image");
    }

    private static TargetLabels fromNpy(Path file, String where, Optional<TargetKind> kind) {
        NpyArray a = NpyReader.readArray(file);
        int[] shape = a.shape();
        if (shape.length != 1 && shape.length != 2) {
            throw new DdsInputException(where + " holds a " + shape.length + "-D array: give n labels (1-D) or n x m"
                    + " regression targets (2-D)");
        }
        int n = shape[0];
        int m = shape.length == 1 ? 1 : shape[1];
        double[][] rows = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                rows[i][j] = a.isFloat() ? a.floats()[i * m + j] : a.doubles()[i * m + j];
            }
        }
        TargetKind k = kind.orElse(NpyReader.holdsIntegers(file) ? TargetKind.CLASSIFICATION : TargetKind.REGRESSION);
        return labels(rows, k, where);
    }

    private static TargetLabels fromCsv(Path file, String where, Optional<TargetKind> kind) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DdsInputException(where + " cannot be read (" + e.getMessage() + "): check the path and its"
                    + " permissions", e);
        }
        List<String[]> fields = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                String[] f = line.split(",", -1);
                for (int j = 0; j < f.length; j++) {
                    f[j] = f[j].trim();
                }
                fields.add(f);
            }
        }
        if (!fields.isEmpty() && !numeric(fields.get(0))) {
            fields.remove(0);
        }
        if (fields.isEmpty()) {
            throw new DdsInputException(where + " holds no labels: give one row per image");
        }
        int m = fields.get(0).length;
        boolean integers = m == 1;
        double[][] rows = new double[fields.size()][m];
        for (int i = 0; i < rows.length; i++) {
            String[] f = fields.get(i);
            if (f.length != m) {
                throw new DdsInputException(where + " has " + f.length + " values in data row " + (i + 1) + " but "
                        + m + " in the first: give every image the same number of labels");
            }
            for (int j = 0; j < m; j++) {
                try {
                    rows[i][j] = Double.parseDouble(f[j]);
                } catch (NumberFormatException e) {
                    throw new DdsInputException(where + " has '" + f[j] + "' in data row " + (i + 1) + ", column "
                            + (j + 1) + ": every label must be a number", e);
                }
                integers &= INTEGER.matcher(f[j]).matches();
            }
        }
        return labels(rows, kind.orElse(integers ? TargetKind.CLASSIFICATION : TargetKind.REGRESSION), where);
    }

    private static boolean numeric(String[] fields) {
        for (String f : fields) {
            try {
                Double.parseDouble(f);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    private static TargetLabels labels(double[][] rows, TargetKind kind, String where) {
        if (kind == TargetKind.REGRESSION) {
            return TargetLabels.regression(rows);
        }
        if (rows.length > 0 && rows[0].length != 1) {
            throw new DdsInputException(where + " holds " + rows[0].length + " values per image: classes need exactly"
                    + " one per image (several values per image are regression targets)");
        }
        int[] classes = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double v = rows[i][0];
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                throw new DdsInputException(where + " holds " + v + " at image " + i + ": classes must be whole"
                        + " numbers (read the file as regression targets if they are not classes)");
            }
            classes[i] = (int) v;
        }
        return TargetLabels.classes(classes);
    }
}
