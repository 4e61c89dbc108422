package org.dds.experiments.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dds.core.DdsInputException;
import org.dds.experiments.Experiment;
import org.dds.experiments.ExperimentContext;
import org.dds.experiments.RequiredInput;
import org.dds.groundtruth.files.GroundTruthLocator;
import org.dds.groundtruth.runs.TrainingRun;
import org.dds.groundtruth.runs.TrainingRuns;
import org.dds.reports.Cell;
import org.dds.reports.ExperimentResult;
import org.dds.reports.PublishedValue;
import org.dds.reports.ResultTable;
import org.dds.training.task.Task;

/**
 * Paper Table 5: the validation metric of an ImageNet ResNet-50 fine-tuned with a DeepLabV3 decoder branched after
 * block 1..4, on Pascal VOC (edge, normals, semantic) and NYUv2 (edge, depth, semantic), from the runs of
 * {@code dds train}, each beside the published number. The runs are read from {@code $DDS_RUNS}, else
 * {@code runs/} in the repository: every {@code result.csv} at most two levels down, by the groundtruth module's
 * {@link TrainingRuns} (the transfer ground truth of these experiments).
 */
public final class Table5 implements Experiment {
    /** The environment variable naming the runs directory. */
    public static final String ENV_VAR = "DDS_RUNS";
    private static final String RESOURCE = "table5.csv";

    private final Optional<Path> runs;

    /** Table 5 from the runs under {@link #runsDirectory()}, looked up when it runs. */
    public Table5() {
        this.runs = Optional.empty();
    }

    /** @param runs the directory of run directories */
    public Table5(Path runs) {
        this.runs = Optional.of(runs);
    }

    private Path runs() {
        return runs.orElseGet(Table5::runsDirectory);
    }

    @Override
    public String name() {
        return "table5";
    }

    @Override
    public String paperReference() {
        return "paper Table 5: transfer from an ImageNet ResNet-50 branched after block 1..4 (DeepLabV3 decoder)";
    }

    @Override
    public List<RequiredInput> requiredInputs() {
        return List.of(new RequiredInput("finished training runs of dds train (runs/<name>/result.csv)",
                c -> Optional.of(firstResult(runs())),
                p -> "train them with ./dds train " + p.apply("dataset") + " pascal|nyuv2 " + p.apply("data")
                        + " DIR " + p.apply("task") + " T " + p.apply("block") + " B " + p.apply("out")
                        + " runs/<name> (see README 'Training'), or set " + ENV_VAR
                        + " to the directory that holds the runs"));
    }

    @Override
    public ExperimentResult run(ExperimentContext context) {
        Path dir = runs();
        return result(TrainingRuns.read(dir), dir);
    }

    /** @return $DDS_RUNS, else runs/ in the repository */
    public static Path runsDirectory() {
        String env = System.getenv(ENV_VAR);
        return env != null && !env.isBlank() ? Path.of(env) : GroundTruthLocator.system().repoRoot().resolve("runs");
    }

    /** The first result.csv under the runs directory, or a path naming what is looked for when there is none. */
    private static Path firstResult(Path runs) {
        if (Files.isDirectory(runs)) {
            try (Stream<Path> s = Files.find(runs, 3, (p, a) -> a.isRegularFile()
                    && p.getFileName().toString().equals(TrainingRuns.RESULT_CSV))) {
                Optional<Path> first = s.sorted().findFirst();
                if (first.isPresent()) {
                    return first.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + runs, e);
            }
        }
        return runs.resolve("<run>").resolve(TrainingRuns.RESULT_CSV);
    }

    /**
     * @param runs   the runs
     * @param source where they were read from
     * @return Table 5 as reproduced, beside the published values, rows by dataset, task (edge, normals, depth,
     *         semantic) and block
     * @throws DdsInputException if a run names a task dds train does not have
     */
    public static ExperimentResult result(List<TrainingRun> runs, Path source) {
        Map<Integer, CSVRecord> published = published();
        ResultTable.Builder table = ResultTable.builder("table5", "Transfer from ResNet-50 blocks (Table 5)")
                .text("dataset", "task").integer("block").text("metric").real("reproduced", "published", "difference")
                .integer("epochs").text("weights");
        Cell none = Cell.missing("");
        Map<TrainingRun, Task> tasks = new LinkedHashMap<>();
        for (TrainingRun r : runs) {
            try {
                tasks.put(r, Task.parse(r.task()));
            } catch (IllegalArgumentException e) {
                throw new DdsInputException(r.source().location() + ": " + e.getMessage(), e);
            }
        }
        List<TrainingRun> results = runs.stream().sorted(Comparator.comparing(TrainingRun::dataset)
                .thenComparing(tasks::get).thenComparingInt(TrainingRun::block)).toList();
        for (TrainingRun r : results) {
            String label = tasks.get(r).label();
            String column = r.dataset() + "/" + label;
            CSVRecord row = published.get(r.block());
            Optional<Double> paper = row != null && row.isMapped(column)
                    ? Optional.of(Double.parseDouble(row.get(column))) : Optional.empty();
            table.row(r.dataset(), label, r.block(), r.metric(), r.value(),
                    paper.<Object>map(v -> v).orElse(none), paper.<Object>map(v -> r.value() - v).orElse(none),
                    r.epochs(), r.weights());
            paper.ifPresent(v -> table.published(new PublishedValue(column + " block " + r.block() + " (" + r.metric()
                    + ")", r.value(), v, halfUnit(row.get(column)), "paper Table 5")));
        }
        int cells = published.size() * (published.isEmpty() ? 0 : published.values().iterator().next().size() - 1);
        String text = String.format(Locale.ROOT, "%d finished run(s) read from %s, of the %d cells of paper Table 5."
                + " Each value is the validation metric after the run's last epoch (edge: mean absolute error of the"
                + " edge probability against Canny labels; normals: mean angle in degrees; depth: RMSE of log depth;"
                + " semantic: mIoU over the classes present), on centre crops at the training size. The paper's edge"
                + " values above 1 cannot be a mean absolute error of probabilities, so its edge metric is on another"
                + " scale; compare the ranking of the blocks rather than the values.", results.size(), source,
                cells);
        return new ExperimentResult("table5", "paper Table 5", text, List.of(table.build()));
    }

    /** Half a unit in the last printed place, e.g. 0.005 for "18.09". */
    private static double halfUnit(String printed) {
        int dot = printed.indexOf('.');
        int decimals = dot < 0 ? 0 : printed.length() - dot - 1;
        return 0.5 * Math.pow(10, -decimals);
    }

    private static Map<Integer, CSVRecord> published() {
        try (InputStream in = Table5.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the published table " + RESOURCE + " is not on the class path");
            }
            Map<Integer, CSVRecord> rows = new LinkedHashMap<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                rows.put(Integer.parseInt(r.get("block")), r);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the published table " + RESOURCE, e);
        }
    }
}
