package org.dds.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.dds.reports.ChartSpec;
import org.dds.reports.ExperimentResult;
import org.dds.reports.Provenance;
import org.dds.reports.PublishedValue;
import org.dds.reports.Report;
import org.dds.reports.ReportWriter;
import org.dds.reports.ResultTable;
import org.dds.reports.SkippedExperiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dds report --run DIR}: the whole report again from results.json, and one line when it cannot. */
class ReportCommandTest {

    /** A small run written the way reproduce writes one, without needing the ground truth. */
    private static Path written(Path dir) {
        ResultTable perTask = ResultTable.inferred("agreement-per-task", "Per task", List.of("target", "spearman"),
                List.of(List.of("edge2d", 0.80), List.of("edge3d", 0.97), List.of("reshade", 0.93)),
                List.of(new PublishedValue("edge3d", 0.97, 0.988, 0.0005, "paper Table 3")));
        ResultTable matrix = ResultTable.inferred("matrix", "Matrix", List.of("source", "a", "b"),
                List.of(List.of("a", 1.0, 0.5), List.of("b", 0.5, 1.0)));
        Report report = new Report("DDS reproduction", List.of(new ExperimentResult("agreement", "paper Table 3",
                "Made up.", List.of(perTask, matrix)).withCharts(ChartSpec.heatmap("matrix"))),
                List.of(new SkippedExperiment("table2", "paper Table 2", "features not given; pass --features")),
                new Provenance("dds reproduce", new TreeMap<>(Map.of("quick", "true")), new TreeMap<>(), "v", "c",
                        "17", "Linux", "2026-11-26T21:30:00Z", List.of()));
        Path run = dir.resolve("run");
        ReportWriter.write(run, report);
        return run;
    }

    @Test
    void regeneratesEveryFileFromTheStoredResults(@TempDir Path dir) throws IOException {
        Path run = written(dir);
        Map<String, byte[]> before = contents(run);
        try (Stream<Path> files = Files.walk(run)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().equals("results.json"))
                    .filter(Files::isRegularFile).toList()) {
                Files.delete(f);
            }
        }
        Cli.Run r = Cli.run("report", "--run", run.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo(run.resolve("index.html").toAbsolutePath().toString());
        Map<String, byte[]> after = contents(run);
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
        assertThat(before.keySet()).contains("charts/agreement-per-task-bars.png", "charts/matrix-heatmap.svg");
    }

    @Test
    void aMissingRunDirectoryIsOneLineAndExitTwo(@TempDir Path dir) {
        Cli.Run r = Cli.run("report", "--run", dir.resolve("nope").toString());
        assertThat(r.exit()).isEqualTo(Failures.BAD_INPUT);
        assertThat(r.errLines()).containsExactly("the run directory " + dir.resolve("nope") + " does not exist:"
                + " give a directory that ./dds reproduce wrote, e.g. reports/<run>");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMissingOrCorruptResultsFileIsOneLineAndLeavesTheDirectoryAlone(@TempDir Path dir) throws IOException {
        Path run = written(dir);
        Files.writeString(run.resolve("results.json"), "{\"format\": \"dds-results\", \"version\": 1,");
        Map<String, byte[]> before = contents(run);
        Cli.Run corrupt = Cli.run("report", "--run", run.toString());
        assertThat(corrupt.exit()).isEqualTo(Failures.BAD_INPUT);
        assertThat(corrupt.errLines()).hasSize(1);
        assertThat(corrupt.err()).startsWith(run.resolve("results.json") + " is not a usable DDS results file:"
                + " it is not valid JSON at line 1").contains("regenerate it with ./dds reproduce");
        assertThat(contents(run).keySet()).isEqualTo(before.keySet());

        Files.delete(run.resolve("results.json"));
        Cli.Run missing = Cli.run("report", "--run", run.toString());
        assertThat(missing.exit()).isEqualTo(Failures.BAD_INPUT);
        assertThat(missing.errLines()).containsExactly(run.resolve("results.json") + " does not exist: give the"
                + " run directory that ./dds reproduce wrote (it holds results.json), or run ./dds reproduce again");
    }

    @Test
    void withoutRunItIsAUsageError() {
        Cli.Run r = Cli.run("report");
        assertThat(r.exit()).isEqualTo(Failures.BAD_INPUT);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("Missing required option: '--run=DIR'");
    }

    private static Map<String, byte[]> contents(Path run) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(run)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(run.relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        return out;
    }
}
