package org.dds.reports.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.dds.reports.Cell;
import org.dds.reports.ChartSpec;
import org.dds.reports.Checks;
import org.dds.reports.ExperimentResult;
import org.dds.reports.Format;
import org.dds.reports.InputFile;
import org.dds.reports.Provenance;
import org.dds.reports.PublishedValue;
import org.dds.reports.Report;
import org.dds.reports.ResultTable;
import org.dds.reports.SkippedExperiment;
import org.dds.reports.Verdict;
import org.dds.reports.chart.ChartPlan;
import org.dds.reports.chart.ChartRenderer;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * Lays a run out as one self-contained {@code index.html}: inline CSS, charts embedded as PNG data URIs (with
 * links to the PNG and SVG files beside it), no script and nothing fetched from the network, so it opens from
 * disk anywhere. At the top, what reproduced and what did not; then the provenance; then one card per
 * experiment with its tables laid out as in the results (each checked cell shows the reproduced value, the
 * published one, the difference and the tolerance, green within tolerance and red off) and its charts; then the
 * experiments that were skipped and the exact input each needs.
 *
 * <p>The page is built as a DOM (jsoup) and written in XHTML syntax, so every string from the results is escaped
 * by construction and the file parses as XML as well as HTML.
 */
public final class HtmlReport {
    private static final String CSS_RESOURCE = "report.css";
    /** Tables larger than this, with nothing checked in them, are folded away under their chart. */
    private static final int FOLD_COLUMNS = 12;
    private static final int FOLD_ROWS = 30;
    private static final String OK = "ok";
    private static final String OFF = "off";

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer MARKDOWN_HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .build();

    private HtmlReport() {
    }

    /**
     * @param report   the run's results
     * @param plan     the charts to show ({@link ChartPlan#of})
     * @param rendered the drawn charts, by file stem
     * @param chartDir the charts' directory relative to the page, e.g. {@code charts}
     * @return the text of {@code index.html}
     */
    public static String render(Report report, List<ChartPlan.Planned> plan, Map<String, ChartRenderer.Rendered>
            rendered, String chartDir) {
        Document doc = new Document("");
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .charset(StandardCharsets.UTF_8).prettyPrint(true).indentAmount(1);
        doc.appendChild(new DocumentType("html", "", ""));
        Element html = doc.appendElement("html").attr("xmlns", "http://www.w3.org/1999/xhtml").attr("lang", "en");
        Element head = html.appendElement("head");
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text(title(report));
        head.appendElement("style").appendChild(new DataNode(css()));
        Element body = html.appendElement("body");

        header(body, report);
        Element main = body.appendElement("main").addClass("wrap");
        glance(main, report);
        Map<String, List<ChartPlan.Planned>> chartsByTable = ChartPlan.byTable(plan);
        for (ExperimentResult r : report.results()) {
            experiment(main, r, chartsByTable, rendered, chartDir);
        }
        skipped(main, report.skipped());
        footer(body, report);
        return doc.outerHtml() + "\n";
    }

    /**
     * @param report a run's results
     * @return the page title: the report's title and when the run started
     */
    public static String title(Report report) {
        return report.title() + " \u00b7 " + report.provenance().timestamp();
    }

    // ---- header --------------------------------------------------------------------------------------------

    private static void header(Element body, Report report) {
        Element wrap = body.appendElement("header").addClass("top").appendElement("div").addClass("wrap");
        wrap.appendElement("p").addClass("eyebrow").text("Duality Diagram Similarity \u00b7 Dwivedi, Huang, Cichy,"
                + " Roig \u00b7 ECCV 2020");
        wrap.appendElement("h1").text(report.title());
        List<PublishedValue> all = report.results().stream().flatMap(r -> Verdict.publishedValues(r).stream())
                .toList();
        long ok = all.stream().filter(PublishedValue::matches).count();
        wrap.appendElement("p").addClass("lede").text(lede(report, all.size(), ok));
        Element tiles = wrap.appendElement("div").addClass("tiles");
        tile(tiles, OK, ok, "published numbers within tolerance");
        tile(tiles, OFF, all.size() - ok, "published numbers off");
        tile(tiles, "", report.results().size(), "experiments ran");
        tile(tiles, "skip", report.skipped().size(), "experiments skipped");
        provenance(wrap, report.provenance());
    }

    private static String lede(Report report, int checked, long ok) {
        String numbers = checked == 0 ? "no published number was checked"
                : ok + " of " + checked + " published numbers reproduced within tolerance";
        return report.results().size() + " of " + (report.results().size() + report.skipped().size())
                + " experiments ran; " + numbers + ".";
    }

    private static void tile(Element tiles, String kind, long count, String what) {
        Element t = tiles.appendElement("div").addClass("tile");
        if (!kind.isEmpty()) {
            t.addClass(kind);
        }
        t.appendElement("span").addClass("big").text(Long.toString(count));
        t.appendElement("span").addClass("what").text(what);
    }

    private static void provenance(Element wrap, Provenance p) {
        Element facts = wrap.appendElement("dl").addClass("facts").attr("id", "provenance");
        fact(facts, "command", p.command(), true);
        fact(facts, "started (UTC)", p.timestamp(), false);
        fact(facts, "run time", p.elapsed() == null ? "not recorded" : Format.number(p.elapsedSeconds()) + " s",
                false);
        fact(facts, "git commit", p.gitCommit(), true);
        fact(facts, "versions", "dds " + p.projectVersion() + " \u00b7 Java " + p.javaVersion() + " \u00b7 "
                + p.os(), false);
        fact(facts, "seeds", p.seeds().isEmpty() ? "none" : p.seeds().entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", ")), true);
        Element config = wrap.appendElement("details");
        config.appendElement("summary").text("Configuration (" + p.config().size() + " settings)");
        Element ct = config.appendElement("div").addClass("scroll").appendElement("table");
        headerRow(ct, List.of("setting", "value"));
        Element cb = ct.appendElement("tbody");
        p.config().forEach((k, v) -> {
            Element tr = cb.appendElement("tr");
            tr.appendElement("th").attr("scope", "row").text(k);
            tr.appendElement("td").addClass("mono").text(v);
        });
        Element inputs = wrap.appendElement("details");
        inputs.appendElement("summary").text("Input files (" + p.inputs().size() + "), with SHA-256");
        Element it = inputs.appendElement("div").addClass("scroll").appendElement("table");
        headerRow(it, List.of("file", "SHA-256"));
        Element ib = it.appendElement("tbody");
        for (InputFile f : p.inputs()) {
            Element tr = ib.appendElement("tr");
            tr.appendElement("td").addClass("mono").text(f.path());
            tr.appendElement("td").addClass("mono").text(f.sha256());
        }
    }

    private static void fact(Element facts, String name, String value, boolean mono) {
        Element d = facts.appendElement("div");
        d.appendElement("dt").text(name);
        Element dd = d.appendElement("dd").text(value);
        if (mono) {
            dd.addClass("mono");
        }
    }

    // ---- at a glance ---------------------------------------------------------------------------------------

    private static void glance(Element main, Report report) {
        Element card = main.appendElement("section").addClass("card").attr("id", "glance");
        card.appendElement("h2").text("At a glance");
        Element list = card.appendElement("ul").addClass("glance");
        for (ExperimentResult r : report.results()) {
            Map<String, List<PublishedValue>> byRef = byReference(Verdict.publishedValues(r));
            String kind = kind(best(byRef));
            Element li = list.appendElement("li");
            li.appendElement("span").addClass("dot").addClass(kind);
            li.appendElement("a").addClass("name").attr("href", "#" + anchor(r.name())).text(r.name());
            li.appendElement("span").appendElement("span").addClass("badge").addClass(kind)
                    .text(best(byRef).label());
            Element detail = li.appendElement("span").addClass("detail");
            if (byRef.isEmpty()) {
                detail.text(r.reference());
            }
            for (Map.Entry<String, List<PublishedValue>> e : bestFirst(byRef)) {
                long ok = e.getValue().stream().filter(PublishedValue::matches).count();
                Element line = detail.appendElement("div");
                line.appendElement("span").addClass("meter").appendElement("span")
                        .attr("style", String.format(Locale.ROOT, "width: %.1f%%", 100.0 * ok / e.getValue().size()));
                line.appendText(ok + " of " + e.getValue().size() + " within tolerance of " + e.getKey());
            }
        }
        // Skipped experiments grouped by what they miss: nine experiments without the authors' features are one
        // line that says so once, not nine copies of the same paragraph.
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (SkippedExperiment s : report.skipped()) {
            byReason.computeIfAbsent(s.reason(), k -> new ArrayList<>()).add(s.name());
        }
        for (Map.Entry<String, List<String>> g : byReason.entrySet()) {
            List<String> names = g.getValue();
            Element li = list.appendElement("li");
            li.appendElement("span").addClass("dot").addClass("skip");
            li.appendElement("a").addClass("name").attr("href", "#skipped")
                    .text(names.size() == 1 ? names.get(0) : names.size() + " experiments");
            li.appendElement("span").appendElement("span").addClass("badge").addClass("skip").text("skipped");
            li.appendElement("span").addClass("detail").text(names.size() == 1 ? "needs: " + g.getKey()
                    : String.join(", ", names) + " need: " + g.getKey());
        }
        if (report.results().isEmpty() && report.skipped().isEmpty()) {
            card.appendElement("p").text("No experiment is registered.");
        }
    }

    private static Map<String, List<PublishedValue>> byReference(List<PublishedValue> values) {
        Map<String, List<PublishedValue>> out = new LinkedHashMap<>();
        for (PublishedValue p : values) {
            out.computeIfAbsent(p.reference(), k -> new ArrayList<>()).add(p);
        }
        return out;
    }

    /** The verdict against the reference matched best (the paper and the authors' notebook may disagree). */
    private static Verdict best(Map<String, List<PublishedValue>> byRef) {
        Verdict best = Verdict.NOTHING_TO_CHECK;
        double bestShare = -1;
        for (List<PublishedValue> values : byRef.values()) {
            double share = values.stream().filter(PublishedValue::matches).count() / (double) values.size();
            if (share > bestShare) {
                bestShare = share;
                best = Verdict.of(values);
            }
        }
        return best;
    }

    private static List<Map.Entry<String, List<PublishedValue>>> bestFirst(Map<String, List<PublishedValue>> byRef) {
        List<Map.Entry<String, List<PublishedValue>>> entries = new ArrayList<>(byRef.entrySet());
        entries.sort(Comparator.comparingDouble((Map.Entry<String, List<PublishedValue>> e) -> -e.getValue()
                .stream().filter(PublishedValue::matches).count() / (double) e.getValue().size()));
        return entries;
    }

    private static String badge(Map<String, List<PublishedValue>> byRef) {
        Verdict v = best(byRef);
        if (byRef.size() <= 1 || v == Verdict.NOT_REPRODUCED) {
            return v.label();
        }
        String ref = byRef.entrySet().stream().filter(e -> Verdict.of(e.getValue()) == v).map(Map.Entry::getKey)
                .findFirst().orElse("");
        return v.label() + " (" + ref + ")";
    }

    private static String kind(Verdict v) {
        return switch (v) {
            case REPRODUCED -> OK;
            case NOT_REPRODUCED -> OFF;
            case PARTLY -> "part";
            case NOTHING_TO_CHECK -> "none";
        };
    }

    // ---- experiments ---------------------------------------------------------------------------------------

    private static void experiment(Element main, ExperimentResult r, Map<String, List<ChartPlan.Planned>> charts,
            Map<String, ChartRenderer.Rendered> rendered, String chartDir) {
        Element card = main.appendElement("section").addClass("card").addClass("experiment")
                .attr("id", anchor(r.name()));
        Element head = card.appendElement("div").addClass("exp-head");
        head.appendElement("h2").text(r.name());
        Verdict v = best(byReference(Verdict.publishedValues(r)));
        head.appendElement("span").addClass("badge").addClass(kind(v)).text(badge(byReference(
                Verdict.publishedValues(r))));
        card.appendElement("p").addClass("ref").text("Reproduces " + r.reference());
        card.appendElement("div").addClass("summary").html(MARKDOWN_HTML.render(MARKDOWN.parse(r.summary())));
        Map<String, ResultTable> tables = new LinkedHashMap<>();
        r.tables().forEach(t -> tables.put(t.id(), t));
        for (ResultTable t : r.tables()) {
            // A table and its charts share a row where they fit side by side, and wrap where they do not.
            Element pair = card.appendElement("div").addClass("pair");
            table(pair, t);
            for (ChartPlan.Planned p : charts.getOrDefault(t.id(), List.of())) {
                if (p.experiment().equals(r.name())) {
                    chart(pair, p, rendered.get(p.stem()), chartDir, tables);
                }
            }
        }
    }

    private static void table(Element card, ResultTable t) {
        Checks checks = Checks.of(t);
        Element figure = card.appendElement("figure").addClass("table").attr("id", "table-" + t.id());
        Element caption = figure.appendElement("figcaption");
        caption.appendElement("span").addClass("title").text(t.title());
        Element meta = caption.appendElement("span").addClass("meta");
        meta.appendText(t.rows().size() + " \u00d7 " + t.columns().size() + " \u00b7 ");
        meta.appendElement("a").attr("href", t.id() + ".csv").text(t.id() + ".csv");
        Element holder = figure;
        boolean big = t.columns().size() > FOLD_COLUMNS || t.rows().size() > FOLD_ROWS;
        if (big && t.published().isEmpty()) {
            holder = figure.appendElement("details").addClass("big");
            holder.appendElement("summary").text("Show the table (" + t.rows().size() + " rows \u00d7 "
                    + t.columns().size() + " columns)");
        }
        Element table = holder.appendElement("div").addClass("scroll").appendElement("table");
        Element head = headerRow(table, t.columnNames());
        for (int c = 0; c < t.columns().size(); c++) {
            if (!t.rows().isEmpty() && t.isNumeric(t.columns().get(c).name())) {
                head.child(c).addClass("num");
            }
        }
        Element tbody = table.appendElement("tbody");
        for (int r = 0; r < t.rows().size(); r++) {
            Element tr = tbody.appendElement("tr");
            List<Cell> row = t.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                Cell cell = row.get(c);
                Element td = tr.appendElement(c == 0 && !cell.isNumber() ? "th" : "td");
                if (c == 0 && !cell.isNumber()) {
                    td.attr("scope", "row");
                }
                if (cell.isNumber()) {
                    td.addClass("num");
                }
                List<PublishedValue> here = checks.at(r, c);
                if (here.isEmpty()) {
                    td.text(Format.cell(cell));
                    if (cell instanceof Cell.Real real) {
                        td.attr("title", real.text());
                    }
                } else {
                    checkedCell(td, cell, here);
                }
            }
        }
        if (!t.published().isEmpty()) {
            Element legend = figure.appendElement("p").addClass("legend");
            legend.appendText("Checked cells: the reproduced value, then each published value and the difference"
                    + " \u0394 = reproduced \u2212 published.");
            legend.appendElement("span").addClass("sw").addClass(OK);
            legend.appendText("within tolerance");
            legend.appendElement("span").addClass("sw").addClass(OFF);
            legend.appendText("off");
            legend.appendText(" \u00b7 tolerance " + tolerances(t.published()) + ".");
        }
        if (!checks.unplaced().isEmpty()) {
            Element list = figure.appendElement("ul").addClass("checks");
            for (PublishedValue p : checks.unplaced()) {
                list.appendElement("li").addClass(p.matches() ? OK : OFF).text(p.quantity() + ": reproduced "
                        + Format.number(p.reproduced()) + ", " + p.reference() + " " + Format.number(p.published())
                        + ", \u0394 " + Format.difference(p.difference(), p.tolerance()) + " (tolerance \u00b1"
                        + Format.number(p.tolerance()) + ") \u2014 " + (p.matches() ? "within tolerance" : "off"));
            }
        }
    }

    private static void checkedCell(Element td, Cell cell, List<PublishedValue> here) {
        boolean ok = here.stream().anyMatch(PublishedValue::matches);
        td.addClass("check").addClass(ok ? OK : OFF);
        StringBuilder tip = new StringBuilder("reproduced ").append(cell.text());
        td.appendElement("span").addClass("v").text(Format.cell(cell));
        for (PublishedValue p : here) {
            Element line = td.appendElement("span").addClass("pub").addClass(p.matches() ? OK : OFF);
            line.appendElement("b").text(p.matches() ? "\u2713" : "\u2717");
            line.appendText(" " + p.reference() + " " + Format.number(p.published()));
            td.appendElement("span").addClass("pub").text("\u0394 " + Format.difference(p.difference(),
                    p.tolerance()));
            tip.append("; ").append(p.reference()).append(' ').append(p.published()).append(", difference ")
                    .append(p.difference()).append(", tolerance ").append(p.tolerance()).append(": ")
                    .append(p.matches() ? "within tolerance" : "off");
        }
        td.attr("title", tip.toString());
    }

    private static String tolerances(List<PublishedValue> values) {
        Map<String, List<String>> byTolerance = new LinkedHashMap<>();
        for (PublishedValue p : values) {
            List<String> refs = byTolerance.computeIfAbsent("\u00b1" + Format.number(p.tolerance()),
                    k -> new ArrayList<>());
            if (!refs.contains(p.reference())) {
                refs.add(p.reference());
            }
        }
        return byTolerance.entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining("; "));
    }

    private static void chart(Element card, ChartPlan.Planned p, ChartRenderer.Rendered r, String chartDir,
            Map<String, ResultTable> tables) {
        String title = chartTitle(p, tables);
        // It sits beside its table only where it fits at full size (flex-basis = its width), so fonts stay at 100 %.
        Element figure = card.appendElement("figure").addClass("chart").attr("id", "chart-" + p.stem())
                .attr("style", "flex-basis: " + (r.width() + 2) + "px");
        figure.appendElement("img").attr("src", "data:image/png;base64," + Base64.getEncoder().encodeToString(
                r.png())).attr("width", Integer.toString(r.width())).attr("height", Integer.toString(r.height()))
                .attr("alt", title);
        Element caption = figure.appendElement("figcaption");
        String how = p.spec() instanceof ChartSpec.Box ? " (box: quartiles; white line: median; whiskers: the"
                + " furthest draws within 1.5 interquartile ranges)" : "";
        caption.appendText(title + how + (p.requested() ? "" : " (default chart for this table's shape)")
                + " \u00b7 ");
        caption.appendElement("a").attr("href", chartDir + "/" + p.stem() + ".png").text("PNG");
        caption.appendText(" \u00b7 ");
        caption.appendElement("a").attr("href", chartDir + "/" + p.stem() + ".svg").text("SVG");
    }

    private static String chartTitle(ChartPlan.Planned p, Map<String, ResultTable> tables) {
        if (!p.spec().title().isEmpty()) {
            return p.spec().title();
        }
        String titles = p.spec().tableIds().stream().map(id -> tables.get(id).title())
                .collect(Collectors.joining(" vs. "));
        return switch (p.spec().kind()) {
            case "heatmap" -> "Heatmap: " + titles;
            case "bars" -> "Bars: " + titles;
            case "box" -> "Box plots: " + titles;
            default -> "Curves: " + titles;
        };
    }

    // ---- skipped and footer --------------------------------------------------------------------------------

    private static void skipped(Element main, List<SkippedExperiment> skipped) {
        Element card = main.appendElement("section").addClass("card").attr("id", "skipped");
        card.appendElement("h2").text("Skipped experiments");
        if (skipped.isEmpty()) {
            card.appendElement("p").text("None: every experiment ran.");
            return;
        }
        card.appendElement("p").addClass("ref").text("Each needs the input named below; give it and run"
                + " ./dds reproduce again.");
        Element table = card.appendElement("div").addClass("scroll").appendElement("table").addClass("skipped");
        headerRow(table, List.of("experiment", "reproduces", "what it needs and how to get it"));
        Element tbody = table.appendElement("tbody");
        for (SkippedExperiment s : skipped) {
            Element tr = tbody.appendElement("tr");
            tr.appendElement("td").text(s.name());
            tr.appendElement("td").text(s.reference());
            tr.appendElement("td").addClass("needs").text(s.reason());
        }
    }

    private static void footer(Element body, Report report) {
        Element f = body.appendElement("footer").appendElement("div").addClass("wrap");
        f.appendElement("p").text("Beside this page: report.md (the same report in Markdown), results.json (every"
                + " result, from which ./dds report --run <this directory> regenerates the page), provenance.json,"
                + " one CSV per table in full precision, and charts/ (each chart as PNG and SVG). Made by dds "
                + report.provenance().projectVersion() + ".");
    }

    private static Element headerRow(Element table, List<String> columns) {
        Element tr = table.appendElement("thead").appendElement("tr");
        for (String c : columns) {
            tr.appendElement("th").attr("scope", "col").text(c);
        }
        return tr;
    }

    /**
     * @param name an experiment's name
     * @return the id of its card in the page
     */
    public static String anchor(String name) {
        return "exp-" + name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static String css() {
        try (InputStream in = HtmlReport.class.getResourceAsStream(CSS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + CSS_RESOURCE + " is missing from the reports jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + CSS_RESOURCE, e);
        }
    }
}
