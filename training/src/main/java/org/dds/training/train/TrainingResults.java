package org.dds.training.train;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dds.core.DdsInputException;
import org.dds.training.task.Task;

/**
 * Reads the results of finished training runs: every {@code result.csv} (header {@value RunResult#CSV_HEADER}) in
 * a directory of run directories, at most two levels down. This is the format the transfer ground truth of Table 5
 * is read from.
 */
public final class TrainingResults {
    /** The file a finished run writes. */
    public static final String RESULT_CSV = "result.csv";

    private TrainingResults() {
    }

    /**
     * @param runs a directory holding run directories (or one run directory)
     * @return the results, sorted by dataset, task and block; empty if none has finished
     * @throws DdsInputException if the directory is missing or a result file is malformed
     */
    public static List<RunResult> read(Path runs) {
        if (!Files.isDirectory(runs)) {
            throw new DdsInputException("--runs " + runs + " is not a directory: give the directory that holds the"
                    + " run directories of dds train (each with a " + RESULT_CSV + ")");
        }
        List<Path> files;
        try (Stream<Path> s = Files.find(runs, 3, (p, a) -> a.isRegularFile()
                && p.getFileName().toString().equals(RESULT_CSV))) {
            files = s.sorted().toList();
        } catch (IOException e) {
            throw new DdsInputException("cannot list " + runs + ": " + e.getMessage(), e);
        }
        List<RunResult> results = new ArrayList<>();
        for (Path f : files) {
            results.addAll(readFile(f));
        }
        results.sort(Comparator.comparing(RunResult::dataset).thenComparing(RunResult::task)
                .thenComparingInt(RunResult::block));
        return results;
    }

    /**
     * @param file a result.csv
     * @return its rows
     */
    public static List<RunResult> readFile(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<RunResult> out = new ArrayList<>();
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                out.add(new RunResult(rec.get("dataset"), Task.parse(rec.get("task")),
                        Integer.parseInt(rec.get("block")), rec.get("metric"), Double.parseDouble(rec.get("value")),
                        Integer.parseInt(rec.get("epochs")), rec.get("weights")));
            }
            return out;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new DdsInputException(file + " is not a result file of dds train (" + e.getMessage() + "): its"
                    + " header must be " + RunResult.CSV_HEADER, e);
        }
    }
}
