package org.dds.groundtruth.runs;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dds.io.Sha256;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dds.core.DdsInputException;
import org.dds.groundtruth.GroundTruthSource;

/**
 * Reads the {@code result.csv} files of {@code dds train} (one header line, one row per run) by column name with
 * Commons CSV, so the column order does not matter; a missing or an unknown column is refused, naming it. This
 * module does not depend on the training module: {@link #COLUMNS} restates its header, and a test in the
 * experiments module checks that the two agree.
 */
public final class TrainingRuns {
    /** The file a finished run writes. */
    public static final String RESULT_CSV = "result.csv";
    /** The columns of a result file, in the order dds train writes them. */
    public static final List<String> COLUMNS = List.of("dataset", "task", "block", "metric", "value",
            "higher_is_better", "epochs", "weights");
    /** How deep below the runs directory result files are looked for (runs/name/result.csv and one more level). */
    private static final int DEPTH = 3;

    private TrainingRuns() {
    }

    /**
     * @param runs a directory holding run directories (or one run directory)
     * @return every run of every {@code result.csv} at most two levels down, sorted by dataset, task, block and
     *         file; empty if none has finished
     * @throws DdsInputException if the directory is missing or a result file is malformed
     */
    public static List<TrainingRun> read(Path runs) {
        if (!Files.isDirectory(runs)) {
            throw new DdsInputException(p -> p.apply("runs") + " " + runs + " is not a directory: give the directory"
                    + " that holds the run directories of dds train (each with a " + RESULT_CSV + ")");
        }
        List<Path> files;
        try (Stream<Path> s = Files.find(runs, DEPTH, (p, a) -> a.isRegularFile()
                && p.getFileName().toString().equals(RESULT_CSV))) {
            files = s.sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DdsInputException("cannot list " + runs + " (" + e.getMessage() + "): check its permissions", e);
        }
        List<TrainingRun> out = new ArrayList<>();
        for (Path f : files) {
            out.addAll(readFile(f));
        }
        out.sort(Comparator.comparing(TrainingRun::dataset).thenComparing(TrainingRun::task)
                .thenComparingInt(TrainingRun::block).thenComparing(r -> r.source().location()));
        return out;
    }

    /**
     * @param file a result.csv
     * @return its rows, in file order
     * @throws DdsInputException naming the file, the line and the column for anything malformed
     */
    public static List<TrainingRun> readFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DdsInputException("cannot read " + file + " (" + e.getMessage() + "): check that it exists and"
                    + " is readable", e);
        }
        GroundTruthSource source = new GroundTruthSource("training run result (" + RESULT_CSV + " of dds train)",
                file.toAbsolutePath().toString(), Sha256.of(bytes));
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (CSVParser parser = format.parse(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            checkHeader(file, parser.getHeaderMap());
            List<TrainingRun> out = new ArrayList<>();
            for (CSVRecord r : parser) {
                String where = file + " line " + (r.getRecordNumber() + 1);
                if (r.size() != COLUMNS.size()) {
                    throw new DdsInputException(where + " has " + r.size() + " fields but the header " + COLUMNS.size()
                            + ": each row must have one value per column; train the run again");
                }
                out.add(new TrainingRun(r.get("dataset"), r.get("task"), integer(r, "block", where), r.get("metric"),
                        number(r, "value", where), bool(r, "higher_is_better", where), integer(r, "epochs", where),
                        r.get("weights"), source));
            }
            return out;
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            if (e instanceof DdsInputException d) {
                throw d;
            }
            throw new DdsInputException(file + " is not a CSV file dds train wrote (" + e.getMessage() + "): its"
                    + " header must be " + String.join(",", COLUMNS), e);
        }
    }

    private static void checkHeader(Path file, Map<String, Integer> header) {
        if (header == null || header.isEmpty()) {
            throw new DdsInputException(file + " is empty: a result file of dds train starts with the header "
                    + String.join(",", COLUMNS));
        }
        List<String> missing = COLUMNS.stream().filter(c -> !header.containsKey(c)).toList();
        List<String> unknown = header.keySet().stream().filter(c -> !COLUMNS.contains(c)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new DdsInputException(file + " has the header " + String.join(",", header.keySet())
                    + (missing.isEmpty() ? "" : ", missing " + String.join(", ", missing))
                    + (unknown.isEmpty() ? "" : (missing.isEmpty() ? ", " : " and ") + "with unknown "
                            + String.join(", ", unknown))
                    + ": a result file of dds train has the columns " + String.join(",", COLUMNS));
        }
    }

    private static int integer(CSVRecord r, String column, String where) {
        try {
            return Integer.parseInt(r.get(column));
        } catch (NumberFormatException e) {
            throw new DdsInputException(where + ": " + column + " '" + r.get(column) + "' is not a whole number", e);
        }
    }

    private static double number(CSVRecord r, String column, String where) {
        try {
            return Double.parseDouble(r.get(column));
        } catch (NumberFormatException e) {
            throw new DdsInputException(where + ": " + column + " '" + r.get(column) + "' is not a number", e);
        }
    }

    private static boolean bool(CSVRecord r, String column, String where) {
        String v = r.get(column);
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new DdsInputException(where + ": " + column + " '" + v + "' is neither true nor false");
    }
}
