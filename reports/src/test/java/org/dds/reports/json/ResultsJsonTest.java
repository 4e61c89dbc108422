package org.dds.reports.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dds.core.DdsInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dds.reports.Cell;
import org.dds.reports.CellType;
import org.dds.reports.ChartSpec;
import org.dds.reports.Column;
import org.dds.reports.ExperimentResult;
import org.dds.reports.PublishedValue;
import org.dds.reports.Report;
import org.dds.reports.ReportWriter;
import org.dds.reports.ResultTable;
import org.dds.reports.SyntheticReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** results.json: every field survives the trip, and anything else is refused with one sentence. */
class ResultsJsonTest {

    @Test
    void theSyntheticReportRoundTripsExactly() {
        Report report = SyntheticReport.report();
        String json = ResultsJson.write(report);
        Report back = ResultsJson.parse(json, "results.json");
        assertThat(back).isEqualTo(report);
        assertThat(ResultsJson.write(back)).as("and writes the same text again").isEqualTo(json);
    }

    @Test
    void cellsKeepTheirTypeAndDoublesTheirBits() {
        double awkward = 0.1 + 0.2; // 0.30000000000000004: needs all 17 digits
        ResultTable t = ResultTable.builder("t", "T").text("s").integer("i", "l").real("d", "big")
                .row("x", 3, 3L, awkward, 1e300)
                .row("y", -1, Long.MAX_VALUE, 1.0, -0.0)
                .row("z", Cell.missing("n/a"), 7, Cell.missing("n/a (no images)"), 2.5)
                .published(new PublishedValue("q", awkward, 0.3, 1e-9, "r").at("x", "d"))
                .published(new PublishedValue("q2", 1.0, 1.0, 0, "r"))
                .build();
        ExperimentResult r = new ExperimentResult("e", "ref", "s", List.of(t),
                List.of(ChartSpec.bars("t", "s", "big"), ChartSpec.none("t"),
                        new ChartSpec.Box("t", null, "s", List.of("big", "l"), "titled"),
                        ChartSpec.lineBySeries("t", "l", "big", "s").withLogX()));
        Report report = new Report("T", List.of(r), List.of(), SyntheticReport.report().provenance());
        String json = ResultsJson.write(report);
        assertThat(json).as("version 2 writes each column's type")
                .contains("\"version\": 2")
                .containsPattern("\\{\\s*\"name\": \"i\",\\s*\"type\": \"integer\"\\s*}");
        ResultTable back = ResultsJson.parse(json, "x").results().get(0).tables().get(0);
        assertThat(back.columns()).extracting(Column::type).containsExactly(CellType.TEXT, CellType.INTEGER,
                CellType.INTEGER, CellType.REAL, CellType.REAL);
        assertThat(back.integer(0, "i")).isEqualTo(3L);
        assertThat(back.integer(1, "l")).isEqualTo(Long.MAX_VALUE);
        assertThat(back.real(0, "d")).as("all 17 digits survive").isEqualTo(awkward);
        assertThat(Double.doubleToRawLongBits(back.real(1, "big"))).as("-0.0 keeps its sign")
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(back.cell(2, "i")).isEqualTo(Cell.missing("n/a"));
        assertThat(back.text(2, "s")).isEqualTo("z");
        assertThat(back).isEqualTo(t);
    }

    /**
     * A results.json written before columns were typed (version 1, hand-written in the format that version used:
     * an Integer as a JSON integer, a Long as {"long": n}, a Double with a fraction, "n/a" notes as strings) still
     * reads, so {@code ./dds report --run OLD_DIR} keeps working; the column types are inferred from the cells.
     */
    @Test
    void aVersionOneFileStillReadsWithItsTypesInferred() throws Exception {
        Path file = Path.of(ResultsJsonTest.class.getResource("/results-v1.json").toURI());
        Report report = ResultsJson.read(file);
        ResultTable t = report.results().get(0).tables().get(0);
        assertThat(t.columns()).containsExactly(new Column("method", CellType.TEXT),
                new Column("affinity", CellType.REAL), new Column("affinity_p", CellType.REAL),
                new Column("images", CellType.INTEGER), new Column("pixels", CellType.INTEGER),
                new Column("draws", CellType.INTEGER), new Column("note", CellType.TEXT));
        assertThat(t.real(0, "affinity")).isEqualTo(0.9194340578036582);
        assertThat(t.cell(1, "affinity_p")).as("a string in a numeric column is a note")
                .isEqualTo(Cell.missing("n/a (no images)"));
        assertThat(t.integer(1, "pixels")).as("{\"long\": n}").isEqualTo(9_000_000_000L);
        assertThat(t.integer(1, "images")).isEqualTo(200L);
        assertThat(t.published()).hasSize(1);
        assertThat(report.results().get(0).charts()).hasSize(1);
        StringBuilder csv = new StringBuilder();
        ReportWriter.writeCsv(t, csv);
        assertThat(csv.toString()).as("the CSV reads as version 1 wrote it").isEqualTo(
                "method,affinity,affinity_p,images,pixels,draws,note\n"
                        + "Taskonomy winrate,0.9194340578036582,0.001,0,65536,3,ground truth\n"
                        + "DDS (cosine),0.862,n/a (no images),200,9000000000,3,computed\n");
        String again = ResultsJson.write(report);
        assertThat(again).contains("\"version\": 2");
        assertThat(ResultsJson.parse(again, "again")).as("and it round-trips as version 2").isEqualTo(report);
    }

    @Test
    void aMissingFileIsOneSentenceThatSaysWhatToDo(@TempDir Path dir) {
        Path file = dir.resolve("results.json");
        assertThatThrownBy(() -> ResultsJson.read(file)).isInstanceOf(DdsInputException.class)
                .hasMessage(file + " does not exist: give the run directory that ./dds reproduce wrote (it holds"
                        + " results.json), or run ./dds reproduce again");
    }

    @Test
    void aTruncatedFileSaysWhere(@TempDir Path dir) throws IOException {
        String json = ResultsJson.write(SyntheticReport.report());
        Path file = dir.resolve("results.json");
        Files.writeString(file, json.substring(0, json.length() / 2));
        assertThatThrownBy(() -> ResultsJson.read(file)).isInstanceOf(DdsInputException.class)
                .hasMessageStartingWith(file + " is not a usable DDS results file: it is not valid JSON at line ")
                .hasMessageEndingWith("; regenerate it with ./dds reproduce")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /**
     * Each row: a JSON pointer into a valid file, the JSON value put there instead (a field that is not there is
     * added), and what the message must say.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "/format|\"csv\"|$.format is 'csv', expected 'dds-results'",
        "/version|7|$.version is 7 but this dds reads versions 1 and 2",
        "/title|5|$.title should be a string but is number 5",
        "/extra|1|$ has an unknown field 'extra' (known: format, version, title, provenance, results, skipped)",
        "/provenance/seeds/seed|1.5|$.provenance.seeds.seed should be an integer but is number 1.5",
        "/provenance/inputs/0/sha256|\"XX\"|$.provenance.inputs[0] is refused: SHA-256 of /g/taskonomy/",
        "/results/0/tables/0/id|\"../x\"|$.results[0].tables[0] is refused: table id '../x' must be a file stem",
        "/results/0/tables/0/rows/0/0|null|$.results[0].tables[0].rows[0][0] is in a text column, so it should be a"
                + " string, but is null",
        "/results/0/tables/0/rows/0/1|true|$.results[0].tables[0].rows[0][1] is in a real column, so it should be"
                + " a number (or a string noting a missing number), but is boolean true",
        "/results/0/tables/0/rows/1|[\"a\"]|$.results[0].tables[0].rows[1] has 1 cells for 18 columns",
        "/results/0/tables/0/columns/1/type|\"float\"|$.results[0].tables[0].columns[1] is refused: unknown cell"
                + " type 'float'",
        "/results/0/charts/0/type|\"pie\"|$.results[0].charts[0].type is 'pie', expected heatmap, bars",
        "/results/0/charts/0/tables/0|\"nope\"|$.results[0] is refused: experiment 'fig2': heatmap chart names"
                + " table 'nope'",
        "/results/1/tables/0/published/0/reproduced|\"0.5\"|$.results[1].tables[0].published[0].reproduced should"
                + " be a number but is string",
        "/results/1/tables/0/published/0/reproduced|0.5|$.results[1].tables[0] is refused: published value 'mean"
                + " Spearman, None, f = rbf' says it reproduced 0.5 but its cell (None, rbf)",
        "/skipped|{}|$.skipped should be an array but is object",
    })
    void aWrongFieldIsNamedWithItsPlace(String pointer, String value, String complaint) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode root = mapper.readTree(ResultsJson.write(SyntheticReport.report()));
        JsonNode parent = root.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        JsonNode replacement = mapper.readTree(value);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), replacement);
        } else {
            ((ObjectNode) parent).set(last, replacement);
        }
        String bad = mapper.writeValueAsString(root);
        assertThatThrownBy(() -> ResultsJson.parse(bad, "r.json")).isInstanceOf(DdsInputException.class)
                .hasMessageStartingWith("r.json is not a usable DDS results file: " + complaint)
                .hasMessageEndingWith("; regenerate it with ./dds reproduce");
    }

    @Test
    void aDuplicateKeyIsRefused() {
        String json = ResultsJson.write(SyntheticReport.report()).replaceFirst("\"title\": \"DDS reproduction\",",
                "\"title\": \"a\", \"title\": \"b\",");
        assertThatThrownBy(() -> ResultsJson.parse(json, "r.json")).hasMessageContaining("Duplicate field 'title'");
    }

    @Test
    void emptyOrTrailingContentIsRefused() {
        String json = ResultsJson.write(SyntheticReport.report());
        assertThatThrownBy(() -> ResultsJson.parse("", "r.json")).hasMessageContaining("it is empty");
        assertThatThrownBy(() -> ResultsJson.parse(json + "{}", "r.json")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ResultsJson.parse("[]", "r.json")).hasMessageContaining("$ should be an object");
    }
}
