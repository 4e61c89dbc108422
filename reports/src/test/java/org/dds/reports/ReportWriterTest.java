package org.dds.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.dds.io.AtomicFiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    private static final String SHA = "6b2d42a7281fe4eac2f5f32499f12c3da63292d4a5d8f04bf1b8b97d9687260c";

    private static ResultTable perTask() {
        return ResultTable.inferred("agreement", "Per task", List.of("task", "spearman"),
                List.of(List.of("a", 0.6614480923237572), List.of("b, with comma", 1.0000000000000002)),
                List.of(new PublishedValue("mean Spearman", 0.9194340578036582, 0.988, 0.0005, "paper Table 3")));
    }

    private static Provenance provenance(String timestamp) {
        return new Provenance("dds reproduce --quick", new TreeMap<>(Map.of("quick", "true", "groundtruth", "/g")),
                new TreeMap<>(Map.of("bootstrap", 1993L)), "0.1.0", "abc", "17", "Linux/amd64", timestamp,
                List.of(new InputFile("/g/taskonomy/all_affinities.pkl", SHA)));
    }

    private static Report report(String timestamp) {
        return new Report("DDS reproduction", List.of(new ExperimentResult("taskonomy-agreement", "paper Table 3",
                "Agreement of the two matrices.", List.of(perTask()))),
                List.of(new SkippedExperiment("table2", "paper Table 2", "features not found at /f: pass --features")),
                provenance(timestamp));
    }

    @Test
    void csvHasTheHeaderFullPrecisionAndQuotesWhereNeeded() throws IOException {
        StringBuilder s = new StringBuilder();
        ReportWriter.writeCsv(perTask(), s);
        assertThat(s.toString()).isEqualTo("task,spearman\na,0.6614480923237572\n\"b, with comma\",1.0000000000000002\n");
    }

    @Test
    void markdownPutsReproducedBesidePublishedAndListsSkipped() {
        String md = ReportWriter.markdown(report("t"));
        assertThat(md).contains("| experiment | quantity | reproduced | published | difference | matches |")
                .contains("| taskonomy-agreement | mean Spearman | 0.919434 | 0.988 | -0.0685659 | no (tolerance 0.0005) |")
                .contains("| b, with comma | 1 |")
                .contains("**1 of 2 experiments ran; 0 of 1 published numbers reproduced within tolerance.**")
                .contains("- command: `dds reproduce --quick`")
                .contains("| /g/taskonomy/all_affinities.pkl | " + SHA + " |")
                .contains("## Skipped experiments")
                .contains("| table2 | paper Table 2 | features not found at /f: pass --features |");
    }

    @Test
    void numbersInMarkdownHaveSixSignificantDigits() {
        assertThat(ReportWriter.number(0.9194340578036582)).isEqualTo("0.919434");
        assertThat(ReportWriter.number(0.988)).isEqualTo("0.988");
        assertThat(ReportWriter.number(-0.0685659421963418)).isEqualTo("-0.0685659");
        assertThat(ReportWriter.number(16000000.0)).isEqualTo("16000000");
        assertThat(ReportWriter.number(1e-9)).isEqualTo("1E-9");
        assertThat(ReportWriter.number(0.0)).isEqualTo("0");
    }

    @Test
    void writesARunDirectoryThatIsByteIdenticalApartFromTheTimestamp(@TempDir Path dir) throws IOException {
        Path first = ReportWriter.write(dir.resolve("one"), report("2026-01-01T00:00:00Z")).resolveSibling(
                "report.md");
        Path second = ReportWriter.write(dir.resolve("two"), report("2026-06-01T12:00:00Z")).resolveSibling(
                "report.md");
        assertThat(first).isEqualTo(dir.resolve("one/report.md"));
        assertThat(names(dir.resolve("one"))).containsExactly("agreement.csv", "index.html", "provenance.json",
                "report.md", "results.json");
        assertThat(names(dir)).as("no temporary directory left behind").containsExactly("one", "two");
        assertThat(Files.mismatch(dir.resolve("one/agreement.csv"), dir.resolve("two/agreement.csv"))).isEqualTo(-1L);
        for (String f : List.of("index.html", "report.md", "results.json", "provenance.json")) {
            assertThat(Files.readString(second.resolveSibling(f)).replace("2026-06-01T12:00:00Z", "T")).as(f)
                    .isEqualTo(Files.readString(first.resolveSibling(f)).replace("2026-01-01T00:00:00Z", "T"));
        }
    }

    @Test
    void provenanceIsJsonWithEscapedStrings() {
        Provenance p = new Provenance("dds \"x\"\n", new TreeMap<>(), new TreeMap<>(), "v", "c", "j", "o", "t",
                List.of());
        assertThat(p.toJson()).isEqualTo("{\n  \"command\": \"dds \\\"x\\\"\\n\",\n  \"config\": {},\n"
                + "  \"seeds\": {},\n  \"projectVersion\": \"v\",\n  \"gitCommit\": \"c\",\n  \"javaVersion\": \"j\",\n"
                + "  \"os\": \"o\",\n  \"timestamp\": \"t\",\n  \"inputs\": []\n}\n");
        assertThat(provenance("t").toJson()).contains("\"seeds\": {\n    \"bootstrap\": 1993\n  },")
                .contains("{\n      \"path\": \"/g/taskonomy/all_affinities.pkl\",\n      \"sha256\": \"" + SHA + "\"\n    }");
    }

    @Test
    void regeneratesFromResultsJsonWithoutTheResultsInMemory(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        ReportWriter.write(run, report("t"));
        byte[] html = Files.readAllBytes(run.resolve("index.html"));
        byte[] md = Files.readAllBytes(run.resolve("report.md"));
        Files.delete(run.resolve("index.html"));
        Files.delete(run.resolve("agreement.csv"));
        assertThat(ReportWriter.regenerate(run)).isEqualTo(run.resolve("index.html"));
        assertThat(Files.readAllBytes(run.resolve("index.html"))).isEqualTo(html);
        assertThat(Files.readAllBytes(run.resolve("report.md"))).isEqualTo(md);
        assertThat(names(run)).contains("agreement.csv");
    }

    @Test
    void regeneratingWhatIsNotThereIsOneSentence(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> ReportWriter.regenerate(dir.resolve("nope")))
                .isInstanceOf(org.dds.core.DdsInputException.class)
                .hasMessage("the run directory " + dir.resolve("nope") + " does not exist: give a directory that"
                        + " ./dds reproduce wrote, e.g. reports/<run>");
        Files.writeString(dir.resolve("results.json"), "{\"format\": \"dds-results\"");
        Files.writeString(dir.resolve("kept.txt"), "x");
        assertThatThrownBy(() -> ReportWriter.regenerate(dir)).isInstanceOf(org.dds.core.DdsInputException.class)
                .hasMessageContaining("results.json is not a usable DDS results file: it is not valid JSON");
        assertThat(names(dir)).as("left as it was").containsExactly("kept.txt", "results.json");
    }

    /**
     * Issue 14, defect 10: {@code report --run DIR} replaced DIR whole and so deleted unrelated files ({@code --run
     * .} deleted a user's file). Only the report's own files are replaced now.
     */
    @Test
    void anEarlierRunDirectoryKeepsFilesThatAreNotTheReports(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        ReportWriter.write(run, report("t"));
        Files.writeString(run.resolve("notes.txt"), "the user's");
        Files.writeString(run.resolve("index.html"), "stale");
        assertThat(ReportWriter.regenerate(run)).isEqualTo(run.resolve("index.html"));
        assertThat(names(run)).containsExactly("agreement.csv", "index.html", "notes.txt", "provenance.json",
                "report.md", "results.json");
        assertThat(Files.readString(run.resolve("notes.txt"))).isEqualTo("the user's");
        assertThat(Files.readString(run.resolve("index.html"))).startsWith("<!DOCTYPE html>");
        assertThat(names(dir)).containsExactly("run");
    }

    @Test
    void aDirectoryOfOtherFilesIsNotTakenForARun(@TempDir Path dir) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("index.html"), "the user's page");
        assertThatThrownBy(() -> ReportWriter.write(home, report("t")))
                .isInstanceOf(org.dds.core.DdsInputException.class)
                .hasMessage("the directory " + home + " already holds files and is not a DDS run directory (it has"
                        + " no results.json): give a new directory for the run, or the directory of an earlier run");
        assertThat(names(home)).containsExactly("index.html");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(ReportWriter.write(empty, report("t"))).isEqualTo(empty.resolve("index.html"));
    }

    /**
     * Issue 14, defect 10: a model named {@code =cmd|calc} was written as it is, and a spreadsheet opening the CSV
     * runs it. Expected cells: OWASP's advice, a leading apostrophe on text that starts with = + - @; numbers,
     * negative ones included, as they are.
     */
    @Test
    void csvCellsThatASpreadsheetWouldRunAreMadeText() throws IOException {
        ResultTable t = ResultTable.inferred("inj", "Injection", List.of("model", "=SUM(A1)", "-0.5"),
                List.of(List.of("=cmd|' /C calc'!A0", "+1+1", -0.5), List.of("@SUM(1)", "-x", 1.0),
                        List.of("-1e-3", "a-b", 2.0)), List.of());
        StringBuilder s = new StringBuilder();
        ReportWriter.writeCsv(t, s);
        assertThat(s.toString()).isEqualTo("model,'=SUM(A1),-0.5\n'=cmd|' /C calc'!A0,'+1+1,-0.5\n"
                + "'@SUM(1),'-x,1.0\n-1e-3,a-b,2.0\n");
    }

    /** Issue 14, defect 10: report.md carried a model's raw {@code <script>}. */
    @Test
    void markdownShowsHtmlInNamesAsText() {
        ResultTable t = ResultTable.inferred("x", "Models <b>", List.of("model", "dds"),
                List.of(List.of("<script>alert(1)</script>", 0.5), List.of("a&b", 0.25)), List.of());
        Report r = new Report("DDS <i>", List.of(new ExperimentResult("e", "ref", "best: <img src=x>",
                List.of(t))), List.of(), provenance("t"));
        String md = ReportWriter.markdown(r);
        assertThat(md).doesNotContain("<script>", "<b>", "<i>", "<img")
                .contains("| &lt;script&gt;alert(1)&lt;/script&gt; | 0.5 |", "| a&amp;b | 0.25 |",
                        "### Models &lt;b&gt;", "best: &lt;img src=x&gt;");
    }

    @Test
    void aFailedWriteLeavesNothingBehindAndKeepsWhatWasThere(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        Files.writeString(run.resolve("kept.csv"), "old");
        assertThatThrownBy(() -> AtomicFiles.writeDirectory(run, d -> {
            Files.writeString(d.resolve("half.csv"), "partial");
            throw new IOException("disk full");
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full");
        assertThat(names(dir)).as("no temporary directory").containsExactly("run");
        assertThat(names(run)).containsExactly("kept.csv");

        Path file = dir.resolve("out.csv");
        assertThatThrownBy(() -> AtomicFiles.writeText(file, w -> {
            w.write("half");
            throw new IOException("disk full");
        })).isInstanceOf(UncheckedIOException.class);
        assertThat(names(dir)).as("no temporary file").containsExactly("run");
    }

    @Test
    void writtenFilesAreReadableByOthersLikeAnyFileTheUserWrites(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        ReportWriter.write(run, report("t"));
        if (Files.getFileStore(run).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(run))).isEqualTo("rwxr-xr-x");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(run.resolve("index.html"))))
                    .isEqualTo("rw-r--r--");
        }
    }

    @Test
    void atomicWriteReplacesAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sub/out.txt");
        AtomicFiles.writeString(file, "one");
        AtomicFiles.writeString(file, "two é");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("two é");
        assertThat(names(dir.resolve("sub"))).containsExactly("out.txt");
    }

    @Test
    void tablesRefuseNonFiniteAndOddCells() {
        assertThatThrownBy(() -> ResultTable.builder("t", "T").real("x").row(Double.NaN))
                .hasMessage("table 't' row 0 column 'x' is NaN: results must be finite");
        assertThatThrownBy(() -> ResultTable.inferred("t", "T", List.of("x"), List.of(List.of(Double.NaN))))
                .hasMessageContaining("is NaN: results must be finite");
        assertThatThrownBy(() -> ResultTable.inferred("t", "T", List.of("x"), List.of(List.of(new Object()))))
                .hasMessageContaining("but the column is text: give a String");
        assertThatThrownBy(() -> ResultTable.builder("t", "T").text("m").real("x").row("a", 1.0).row("b", 3))
                .hasMessage("table 't' row 1 column 'x' holds a Integer (3), but the column is real: give a finite"
                        + " Double (or Cell.missing(note))");
        assertThatThrownBy(() -> new ResultTable("t", "T", List.of(new Column("x", CellType.INTEGER)),
                List.of(List.of(new Cell.Text("a"))), List.of()))
                .hasMessage("table 't' row 0 column 'x' holds a text (a), but the column is integer: give an Integer"
                        + " or a Long (or Cell.missing(note))");
        assertThatThrownBy(() -> ResultTable.inferred("t", "T", List.of("x", "y"), List.of(List.of(1))))
                .hasMessageContaining("1 cells for 2 columns");
        assertThatThrownBy(() -> ResultTable.inferred("../x", "T", List.of("x"), List.of()))
                .hasMessageContaining("must be a file stem");
        assertThatThrownBy(() -> new PublishedValue("q", Double.NaN, 1, 0, "r")).hasMessageContaining("finite");
    }

    @Test
    void tableIdsMustBeDistinctWithinAReport() {
        ExperimentResult r = new ExperimentResult("e", "r", "s", List.of(perTask()));
        assertThatThrownBy(() -> new Report("t", List.of(r, r), List.of(), provenance("t")))
                .hasMessageContaining("two tables are called 'agreement'");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
