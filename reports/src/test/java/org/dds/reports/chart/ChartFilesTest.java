package org.dds.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.dds.reports.Report;
import org.dds.reports.ResultTable;
import org.dds.reports.SyntheticReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The chart files of the synthetic report: which, and that each is a real PNG and a parseable SVG. */
class ChartFilesTest {
    /** A chart below this many bytes is empty or broken (the smallest here, a 4 x 3 heatmap, is ~40 kB). */
    private static final long MIN_PNG_BYTES = 10_000;
    /** A chart draws axes, labels and data in several colours, antialiased: far more than a blank. */
    private static final int MIN_COLOURS = 50;

    private static Report report;
    private static Path charts;

    @BeforeAll
    static void writeTheReport() {
        report = SyntheticReport.report();
        charts = SyntheticReport.writtenRun().resolve("charts");
    }

    @Test
    void requestedChartsComeFirstThenTheDefaultsTheShapesSuggest() {
        assertThat(ChartPlan.of(report)).extracting(ChartPlan.Planned::stem).containsExactly(
                "fig2-gt-heatmap", // requested: ground truth beside DDS
                "fig2-per-task-bars", // default: label + one numeric column
                "table2-heatmap", // default: a grid of correlations
                "table4-draws-box", // requested
                "images-line", // requested, log x
                "fig4-heatmap", "fig4-bars", // both requested
                "training-line"); // default: integer x and numeric columns
    }

    @Test
    void everyChartIsAValidPngOfNonTrivialSizeAndAParseableSvg() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(charts)) {
            files = s.sorted().toList();
        }
        assertThat(files).hasSize(2 * ChartPlan.of(report).size());
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(".png")) {
                assertThat(Files.size(f)).as(name).isGreaterThan(MIN_PNG_BYTES);
                BufferedImage image = ImageIO.read(f.toFile());
                assertThat(image).as(name + " decodes").isNotNull();
                assertThat(image.getWidth()).as(name).isGreaterThanOrEqualTo(400 * ChartRenderer.PNG_SCALE);
                assertThat(image.getHeight()).as(name).isGreaterThanOrEqualTo(300 * ChartRenderer.PNG_SCALE);
                assertThat(colours(image)).as(name).isGreaterThan(MIN_COLOURS);
            } else {
                assertThat(name).endsWith(".svg");
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
                org.w3c.dom.Document svg = factory.newDocumentBuilder().parse(f.toFile());
                assertThat(svg.getDocumentElement().getLocalName()).as(name).isEqualTo("svg");
                assertThat(svg.getElementsByTagNameNS("*", "text").getLength()).as(name + " has text")
                        .isGreaterThan(5);
            }
        }
    }

    @Test
    void theSameTablesGiveTheSameBytes() throws IOException {
        Map<String, ResultTable> tables = new LinkedHashMap<>();
        report.results().forEach(r -> r.tables().forEach(t -> tables.put(t.id(), t)));
        // Two of the eight: a pair of large heatmaps and the box plots, the ones with the most parts.
        for (ChartPlan.Planned p : ChartPlan.of(report).stream().filter(c -> c.stem().equals("fig2-gt-heatmap")
                || c.stem().equals("table4-draws-box")).toList()) {
            ChartRenderer.Rendered a = ChartRenderer.render(p.spec(), tables, p.stem());
            ChartRenderer.Rendered b = ChartRenderer.render(p.spec(), tables, p.stem());
            assertThat(a.png()).as(p.stem()).isEqualTo(b.png());
            assertThat(a.svg()).as(p.stem()).isEqualTo(b.svg());
            assertThat(a.width()).isPositive();
            assertThat(a.png()).as("the same as the file").isEqualTo(Files.readAllBytes(charts.resolve(p.stem()
                    + ".png")));
        }
    }

    @Test
    void heatmapPanelsAreSideBySide() throws IOException {
        BufferedImage pair = ImageIO.read(charts.resolve("fig2-gt-heatmap.png").toFile());
        BufferedImage single = ImageIO.read(charts.resolve("fig4-heatmap.png").toFile());
        assertThat(pair.getWidth()).as("two panels").isGreaterThan(pair.getHeight());
        assertThat(pair.getWidth() % 2).isZero();
        assertThat(single.getWidth()).isLessThan(pair.getWidth());
    }

    @Test
    void largeTablesGiveChartsOfBoundedSize() {
        int n = 300;
        List<String> columns = new java.util.ArrayList<>(List.of("row"));
        List<List<Object>> rows = new java.util.ArrayList<>();
        List<List<Object>> bars = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            columns.add("c" + i);
        }
        for (int i = 0; i < n; i++) {
            List<Object> row = new java.util.ArrayList<>(List.of("c" + i));
            for (int j = 0; j < n; j++) {
                row.add(Math.cos(i * 0.01 + j * 0.02));
            }
            rows.add(row);
            bars.add(List.of("r" + i, (double) i));
        }
        Map<String, ResultTable> tables = Map.of("m", ResultTable.inferred("m", "M", columns, rows),
                "b", ResultTable.inferred("b", "B", List.of("row", "v"), bars));
        ChartRenderer.Rendered heatmap = ChartRenderer.render(org.dds.reports.ChartSpec.heatmap("m"), tables, "m");
        ChartRenderer.Rendered bar = ChartRenderer.render(org.dds.reports.ChartSpec.bars("b", "row", "v"), tables,
                "b");
        // 300 rows: cells of 2 px (430 / 300, floored at 2) and bars of 4 px (1400 / 300) keep both small.
        assertThat(heatmap.width()).isLessThan(1_600);
        assertThat(heatmap.height()).isLessThan(1_600);
        assertThat(bar.height()).isLessThan(1_900);
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
