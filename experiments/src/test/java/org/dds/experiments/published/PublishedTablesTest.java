package org.dds.experiments.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dds.core.kernel.FunctionType;
import org.dds.core.normalization.NormalizationType;
import org.dds.core.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The published numbers in {@code src/main/resources/published/} are the ones in
 * {@code ../shared/published/paper_tables.md}: every cell of paper Table 2, of both notebook tables and of paper
 * Table 3 is read from the Markdown here and compared, so a slip of the hand in copying them fails the build.
 */
class PublishedTablesTest {

    /** A Markdown table: header cells, then rows of cells. */
    private record Md(List<String> header, List<List<String>> rows) {
    }

    /** The first Markdown table after the first line that starts with {@code marker}. */
    private static Md tableAfter(String marker) throws IOException {
        List<String> lines = Files.readAllLines(SharedData.require("published/paper_tables.md"));
        int i = 0;
        while (!lines.get(i).startsWith(marker)) {
            i++;
        }
        while (!lines.get(i).startsWith("|")) {
            i++;
        }
        List<String> header = cells(lines.get(i));
        List<List<String>> rows = new ArrayList<>();
        for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            rows.add(cells(lines.get(i)));
        }
        return new Md(header, rows);
    }

    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        for (String c : line.substring(1, line.lastIndexOf('|')).split("\\|")) {
            out.add(c.strip());
        }
        return out;
    }

    /** The paper's row labels ("Z-score", "Batch norm") as normalisations. */
    private static NormalizationType paperRow(String label) {
        String s = label.toLowerCase(Locale.ROOT).replace(' ', '_');
        return NormalizationType.parse(s.equals("z-score") ? "zscore" : s);
    }

    private static void assertGrid(Md md, PublishedTable table, boolean paperLabels) {
        int compared = 0;
        for (List<String> row : md.rows()) {
            NormalizationType n = paperLabels ? paperRow(row.get(0)) : NormalizationType.parse(row.get(0));
            for (int c = 1; c < md.header().size(); c++) {
                FunctionType f = FunctionType.parse(md.header().get(c));
                assertThat(table.cell(n, f)).as("%s, %s, %s", table.resource(), n, f)
                        .hasValue(Double.parseDouble(row.get(c)));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(md.rows().size() * 6);
        assertThat(table.rows()).hasSize(md.rows().size());
    }

    @Test
    void paperTable2IsCopiedExactly() throws IOException {
        Md md = tableAfter("## Paper Table 2");
        assertThat(md.rows()).hasSize(6);
        assertGrid(md, PublishedTable.paperTable2(), true);
        assertThat(PublishedTable.paperTable2().cell(NormalizationType.CENTERING, FunctionType.COSINE))
                .as("the paper has no centering row").isEmpty();
    }

    @Test
    void notebookTablesAreCopiedExactly() throws IOException {
        Md affinity = tableAfter("Against `all_affinities.pkl`");
        Md winrate = tableAfter("Against `wins_vs_pixels_16k.pkl`");
        assertThat(affinity.rows()).hasSize(7);
        assertGrid(affinity, PublishedTable.notebookTable2("affinity"), false);
        assertGrid(winrate, PublishedTable.notebookTable2("winrate"), false);
        assertThatThrownBy(() -> PublishedTable.notebookTable2("winrates"))
                .hasMessageContaining("'affinity' and 'winrate', not 'winrates'");
    }

    @Test
    void paperTable3IsCopiedExactly() throws IOException {
        Md md = tableAfter("## Paper Table 3");
        PublishedTable t = PublishedTable.table3();
        assertThat(t.rows()).hasSize(md.rows().size());
        for (List<String> row : md.rows()) {
            assertThat(t.value(row.get(0), "affinity")).as(row.get(0)).isEqualTo(Double.parseDouble(row.get(1)));
            assertThat(t.value(row.get(0), "winrate")).as(row.get(0)).isEqualTo(Double.parseDouble(row.get(2)));
            assertThat(t.value(row.get(0), "total_time_s")).as(row.get(0))
                    .isEqualTo(Double.parseDouble(row.get(3)));
        }
    }
}
