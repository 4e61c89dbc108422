package org.dds.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.dds.reports.Checks;
import org.dds.reports.ExperimentResult;
import org.dds.reports.PublishedValue;
import org.dds.reports.Report;
import org.dds.reports.ReportWriter;
import org.dds.reports.ResultTable;
import org.dds.reports.SkippedExperiment;
import org.dds.reports.SyntheticReport;
import org.dds.reports.Verdict;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** index.html of the synthetic report: well-formed, complete, escaped, self-contained. */
class HtmlReportTest {
    private static Report report;
    private static Path run;
    private static String html;
    private static Document page;

    @BeforeAll
    static void writeTheReport() throws IOException {
        report = SyntheticReport.report();
        run = SyntheticReport.writtenRun();
        html = Files.readString(run.resolve("index.html"));
        page = Jsoup.parse(html);
    }

    @Test
    void isWellFormedXmlAndHtml() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        org.w3c.dom.Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                html.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("html");
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(page.title()).isEqualTo("DDS reproduction \u00b7 2026-11-26T21:30:00Z");
    }

    @Test
    void everyTableAppearsWithEveryRowAndColumn() {
        for (ExperimentResult r : report.results()) {
            assertThat(page.getElementById(HtmlReport.anchor(r.name()))).as(r.name()).isNotNull();
            for (ResultTable t : r.tables()) {
                Element figure = page.getElementById("table-" + t.id());
                assertThat(figure).as(t.id()).isNotNull();
                assertThat(figure.select("thead th").eachText()).as(t.id()).isEqualTo(t.columnNames());
                Elements rows = figure.select("tbody tr");
                assertThat(rows).as(t.id()).hasSize(t.rows().size());
                assertThat(rows.get(0).child(0).text()).isEqualTo(t.rows().get(0).get(0).toString());
                assertThat(figure.select("a[href=" + t.id() + ".csv]")).isNotEmpty();
            }
        }
    }

    @Test
    void checkedCellsShowPublishedValueDifferenceAndAgreement() {
        for (ExperimentResult r : report.results()) {
            for (ResultTable t : r.tables()) {
                Checks checks = Checks.of(t);
                Elements rows = page.getElementById("table-" + t.id()).select("tbody tr");
                for (int i = 0; i < t.rows().size(); i++) {
                    for (int c = 0; c < t.columns().size(); c++) {
                        List<PublishedValue> here = checks.at(i, c);
                        Element cell = rows.get(i).child(c);
                        if (here.isEmpty()) {
                            assertThat(cell.hasClass("check")).isFalse();
                            continue;
                        }
                        boolean ok = here.stream().anyMatch(PublishedValue::matches);
                        assertThat(cell.hasClass(ok ? "ok" : "off")).as(t.id() + " " + i + "," + c).isTrue();
                        for (PublishedValue p : here) {
                            assertThat(cell.text()).contains(p.reference()).contains("\u0394 ");
                        }
                    }
                }
            }
        }
        // Table-2-like cell (None, rbf) is 0.004 above the notebook's 0.815: off by the tolerance 0.0005.
        Element none = page.getElementById("table-table2").select("tbody tr").get(0).child(1);
        assertThat(none.classNames()).contains("check", "off");
        assertThat(none.text()).contains("authors' notebook 0.815").contains("\u0394 +0.0040");
        assertThat(page.getElementById("table-table2").select(".legend").text())
                .contains("tolerance \u00b10.0005 (authors' notebook, paper Table 2)");
    }

    /**
     * Issue 14, first contact: "At a glance" repeated the same missing-features paragraph nine times. Skipped
     * experiments that miss the same input are one line now: how many, which, and what they need, once.
     */
    @Test
    void skippedExperimentsAreGroupedByWhatTheyMissAtAGlance(@TempDir Path dir) throws IOException {
        String features = "the authors' Taskonomy features: download taskonomy_pascal_feats_taskonomy_5000.npy";
        List<SkippedExperiment> skipped = new ArrayList<>();
        for (String name : List.of("table2", "table3", "per-task", "centring", "spearman-g", "image-count",
                "pascal", "fig4", "layers")) {
            skipped.add(new SkippedExperiment(name, "paper", features));
        }
        skipped.add(new SkippedExperiment("mini-taskonomy", "beyond the paper", "Fashion-MNIST: apt-get install"));
        Report nine = new Report("DDS reproduction", List.of(), skipped, report.provenance());
        Document p = Jsoup.parse(Files.readString(ReportWriter.write(dir.resolve("run"), nine)));
        Elements glance = p.select("#glance li");
        assertThat(glance).hasSize(2);
        assertThat(glance.get(0).select(".name").text()).isEqualTo("9 experiments");
        assertThat(glance.get(0).select(".detail").text()).isEqualTo("table2, table3, per-task, centring,"
                + " spearman-g, image-count, pascal, fig4, layers need: " + features);
        assertThat(glance.get(1).select(".detail").text()).isEqualTo("needs: Fashion-MNIST: apt-get install");
        assertThat(p.select("#glance").text().split(java.util.regex.Pattern.quote(features), -1)).hasSize(2);
        assertThat(p.select("table.skipped tbody tr")).as("the table below still lists each").hasSize(10);
    }

    @Test
    void theSummaryCountsWhatReproducedAndWhatDidNot() {
        List<PublishedValue> all = report.results().stream().flatMap(r -> Verdict.publishedValues(r).stream())
                .toList();
        long ok = all.stream().filter(PublishedValue::matches).count();
        Elements tiles = page.select(".tiles .tile .big");
        assertThat(tiles.eachText()).containsExactly(Long.toString(ok), Long.toString(all.size() - ok),
                Integer.toString(report.results().size()), Integer.toString(report.skipped().size()));
        Elements glance = page.select("#glance li");
        assertThat(glance).hasSize(report.results().size() + report.skipped().size());
        assertThat(glance.get(0).select(".badge").text()).isEqualTo("no published number");
        assertThat(page.select("#glance li:has(a[href=#exp-table4]) .badge").text()).isEqualTo("reproduced");
        assertThat(page.select("#glance li:has(a[href=#exp-table2]) .badge").text()).isEqualTo("partly reproduced");
    }

    @Test
    void theHeaderCarriesTheProvenance() {
        Element facts = page.getElementById("provenance");
        assertThat(facts.text()).contains("dds reproduce --quick --out 'a b'", "2026-11-26T21:30:00Z", "12.345 s",
                "0123456789abcdef0123456789abcdef01234567", "Java 17.0.15", "seed = 1993");
        assertThat(page.select("header details").text()).contains("groundtruth", "/g (from --groundtruth)",
                "/g/taskonomy/all_affinities.pkl", report.provenance().inputs().get(0).sha256());
    }

    @Test
    void skippedExperimentsSayWhatTheyNeed() {
        Elements rows = page.select("#skipped tbody tr");
        assertThat(rows).hasSize(report.skipped().size());
        for (int k = 0; k < rows.size(); k++) {
            SkippedExperiment s = report.skipped().get(k);
            assertThat(rows.get(k).children().eachText()).containsExactly(s.name(), s.reference(), s.reason());
        }
    }

    @Test
    void everyStringIsEscaped() {
        assertThat(page.select("script")).as("no script element, not even from a table cell").isEmpty();
        assertThat(page.select("#table-escaping tbody th").eachText()).contains(SyntheticReport.NASTY);
        assertThat(page.getElementById(HtmlReport.anchor("escaping & <friends>")).select("h2").text())
                .isEqualTo("escaping & <friends>");
        assertThat(page.select(".summary b")).as("raw HTML in a summary stays text").isEmpty();
        assertThat(html).doesNotContain("javascript:").contains("&lt;script&gt;");
    }

    @Test
    void isSelfContained() throws IOException {
        assertThat(page.select("link, script, iframe, object, embed")).isEmpty();
        for (Element img : page.select("img")) {
            assertThat(img.attr("src")).startsWith("data:image/png;base64,");
            assertThat(img.attr("alt")).isNotBlank();
            String stem = img.parent().id().substring("chart-".length());
            assertThat(java.util.Base64.getDecoder().decode(img.attr("src").substring("data:image/png;base64,"
                    .length()))).as("the embedded image is the chart's PNG file").isEqualTo(Files.readAllBytes(
                            run.resolve("charts").resolve(stem + ".png")));
        }
        assertThat(page.select("img")).hasSize(Files.list(run.resolve("charts")).toList().size() / 2);
        for (Element a : page.select("a[href]")) {
            String href = a.attr("href");
            assertThat(href).doesNotStartWith("http").doesNotStartWith("//");
            if (!href.isEmpty() && !href.startsWith("#")) {
                assertThat(run.resolve(href)).as("a link to a file beside the page").isRegularFile();
            } else if (href.startsWith("#")) {
                assertThat(page.getElementById(href.substring(1))).as(href).isNotNull();
            }
        }
        assertThat(html).doesNotContain("url(").doesNotContain("@import");
    }

    @Test
    void markdownSaysTheSameAsThePage() throws IOException {
        String md = Files.readString(run.resolve("report.md"));
        List<PublishedValue> all = report.results().stream().flatMap(r -> Verdict.publishedValues(r).stream())
                .toList();
        long ok = all.stream().filter(PublishedValue::matches).count();
        assertThat(md).contains(ok + " of " + all.size() + " published numbers reproduced within tolerance")
                .contains("- git commit: `0123456789abcdef0123456789abcdef01234567`")
                .contains("![fig2-gt-heatmap](charts/fig2-gt-heatmap.png)")
                .contains("| None | 0.819 ✗ |")
                .contains("| table5 | paper Table 5 (block transfer) |");
        for (ExperimentResult r : report.results()) {
            for (ResultTable t : r.tables()) {
                // HTML in a title is text in the Markdown too (issue 14): "<b>" as "&lt;b&gt;".
                assertThat(md).contains("### " + t.title().replace("&", "&amp;").replace("<", "&lt;")
                        .replace(">", "&gt;"));
            }
        }
    }
}
