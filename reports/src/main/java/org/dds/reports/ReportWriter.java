package org.dds.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.dds.io.AtomicFiles;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dds.core.DdsInputException;
import org.dds.reports.chart.ChartPlan;
import org.dds.reports.chart.ChartRenderer;
import org.dds.reports.html.HtmlReport;
import org.dds.reports.json.ResultsJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lays a run's results out as files in its directory: {@code index.html} (the report to look at: self-contained,
 * opens from disk), {@code report.md} (the same in Markdown), {@code results.json} (everything needed to
 * regenerate both without recomputing), {@code provenance.json}, one CSV per {@link ResultTable} (full double
 * precision, {@link Double#toString}) and {@code charts/} (each chart as PNG and SVG). A run directory is written
 * to a temporary directory and renamed into place, so it is complete or absent; an earlier run's directory gets
 * its report files replaced and keeps anything else. The output depends only on the
 * report: the same results give byte-identical files.
 */
public final class ReportWriter {
    /** Name of the HTML report in a run directory. */
    public static final String INDEX_FILE = "index.html";
    /** Name of the Markdown report in a run directory. */
    public static final String REPORT_FILE = "report.md";
    /** Name of the provenance file in a run directory. */
    public static final String PROVENANCE_FILE = "provenance.json";
    /** Name of the results file in a run directory, from which the reports are regenerated. */
    public static final String RESULTS_FILE = ResultsJson.FILE;
    /** The charts' directory in a run directory. */
    public static final String CHART_DIR = "charts";

    private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private ReportWriter() {
    }

    /**
     * Writes a run directory: {@code <table id>.csv} for every table, {@code results.json}, {@code provenance.json},
     * {@code charts/<chart>.png} and {@code .svg}, {@code report.md} and {@code index.html}. A new directory is
     * written all at once (complete or absent); in an earlier run's directory these files are replaced one by one
     * and nothing else in it is touched (see {@link AtomicFiles#writeDirectory}).
     *
     * @param runDirectory e.g. {@code reports/20261126-213000}
     * @param given        what to write
     * @return the path of {@code index.html}
     * @throws DdsInputException    if {@code runDirectory} exists but is not a directory, or holds files and no
     *                              {@code results.json}
     * @throws UncheckedIOException if the directory cannot be written
     */
    public static Path write(Path runDirectory, Report given) {
        // Render from what results.json holds, so that a regenerated report is the same as this one.
        String json = ResultsJson.write(given);
        Report report = stored(json, given);
        List<ChartPlan.Planned> plan = ChartPlan.of(report);
        Map<String, ResultTable> tables = new LinkedHashMap<>();
        report.results().forEach(r -> r.tables().forEach(t -> tables.put(t.id(), t)));
        Map<String, ChartRenderer.Rendered> charts = new LinkedHashMap<>();
        for (ChartPlan.Planned p : plan) {
            LOG.info("drawing chart {}", p.stem());
            charts.put(p.stem(), ChartRenderer.render(p.spec(), tables, p.stem()));
        }
        String html = HtmlReport.render(report, plan, charts, CHART_DIR);
        String md = markdown(report, plan);
        requireRunDirectory(runDirectory.toAbsolutePath().normalize(), "the directory");
        AtomicFiles.writeDirectory(runDirectory, dir -> {
            for (ResultTable t : tables.values()) {
                AtomicFiles.writeText(dir.resolve(t.id() + ".csv"), w -> writeCsv(t, w));
            }
            AtomicFiles.writeString(dir.resolve(RESULTS_FILE), json);
            AtomicFiles.writeString(dir.resolve(PROVENANCE_FILE), report.provenance().toJson());
            if (!charts.isEmpty()) {
                Path chartDir = Files.createDirectories(dir.resolve(CHART_DIR));
                for (Map.Entry<String, ChartRenderer.Rendered> c : charts.entrySet()) {
                    Files.write(chartDir.resolve(c.getKey() + ".png"), c.getValue().png());
                    AtomicFiles.writeString(chartDir.resolve(c.getKey() + ".svg"), c.getValue().svg());
                }
            }
            AtomicFiles.writeString(dir.resolve(REPORT_FILE), md);
            AtomicFiles.writeString(dir.resolve(INDEX_FILE), html);
        });
        return runDirectory.toAbsolutePath().normalize().resolve(INDEX_FILE);
    }

    /**
     * A directory that exists is written into only if it is a run directory already (it holds {@code results.json})
     * or empty: a report's files ({@code index.html}, {@code report.md}, ...) never replace files of the same names
     * that something else put there.
     *
     * @param runDirectory the run directory about to be written
     * @param what         how the message names it, e.g. "the directory" or the option that gave it
     * @throws DdsInputException if it holds files and no {@code results.json}
     */
    public static void requireRunDirectory(Path runDirectory, String what) {
        if (!Files.isDirectory(runDirectory, LinkOption.NOFOLLOW_LINKS)
                || Files.exists(runDirectory.resolve(RESULTS_FILE), LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> entries = Files.list(runDirectory)) {
            if (entries.findAny().isPresent()) {
                throw new DdsInputException(what + " " + runDirectory + " already holds files and is not a DDS run"
                        + " directory (it has no " + RESULTS_FILE + "): give a new directory for the run, or the"
                        + " directory of an earlier run");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + runDirectory + ": " + e.getMessage(), e);
        }
    }

    private static Report stored(String json, Report given) {
        Report back;
        try {
            back = ResultsJson.parse(json, RESULTS_FILE);
        } catch (DdsInputException e) {
            throw new IllegalStateException("the results do not survive " + RESULTS_FILE + ": " + e.getMessage(), e);
        }
        if (!back.equals(given)) {
            throw new IllegalStateException("the results read back from " + RESULTS_FILE + " differ from those"
                    + " written");
        }
        return back;
    }

    /**
     * Regenerates a run directory from its {@code results.json}, without recomputing anything.
     *
     * @param runDirectory a directory written by {@link #write}
     * @return the path of {@code index.html}
     * @throws org.dds.core.DdsInputException if the directory or its results file is missing or unusable
     */
    public static Path regenerate(Path runDirectory) {
        if (!Files.isDirectory(runDirectory)) {
            throw new DdsInputException("the run directory " + runDirectory + (Files.exists(runDirectory)
                    ? " is not a directory" : " does not exist") + ": give a directory that ./dds reproduce wrote,"
                    + " e.g. reports/<run>");
        }
        Report report = ResultsJson.read(runDirectory.resolve(RESULTS_FILE));
        return write(runDirectory, report);
    }

    /**
     * Writes one table as a CSV file, atomically.
     *
     * @param file  the file
     * @param table the table
     */
    public static void writeCsv(Path file, ResultTable table) {
        AtomicFiles.writeText(file, w -> writeCsv(table, w));
    }

    /**
     * Writes one table as CSV: a header of column names, then one record per row; doubles in full precision.
     *
     * @param table the table
     * @param out   where to write
     * @throws IOException if {@code out} fails
     */
    public static void writeCsv(ResultTable table, Appendable out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSV);
        printer.printRecord(table.columnNames().stream().map(ReportWriter::inertText).toList());
        for (List<Cell> row : table.rows()) {
            List<String> cells = new ArrayList<>(row.size());
            for (Cell cell : row) {
                cells.add(cell.isNumber() ? cell.text() : inertText(cell.text()));
            }
            printer.printRecord(cells);
        }
        printer.flush();
    }

    /**
     * A text cell as a spreadsheet will not run it: text that starts with {@code =}, {@code +}, {@code -},
     * {@code @}, a tab or a carriage return is a formula to Excel, LibreOffice and Google Sheets (a model named
     * {@code =cmd|' /C calc'!A0} would run a program), so it gets a leading apostrophe, which spreadsheets show as
     * text, as OWASP's "CSV injection" advice says. Text that reads as a number ({@code -0.5}, {@code -1e-3}) is
     * left alone, and so is every numeric cell.
     *
     * @param text a header or text cell
     * @return it, made inert
     */
    static String inertText(String text) {
        if (text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0 || isNumber(text)) {
            return text;
        }
        return "'" + text;
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return !text.endsWith("d") && !text.endsWith("D") && !text.endsWith("f") && !text.endsWith("F");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * @param report what to lay out
     * @return the Markdown text of {@code report.md}, with the charts of {@link ChartPlan#of}
     */
    public static String markdown(Report report) {
        return markdown(report, ChartPlan.of(report));
    }

    private static String markdown(Report report, List<ChartPlan.Planned> plan) {
        StringBuilder md = new StringBuilder();
        Provenance p = report.provenance();
        md.append("# ").append(html(report.title())).append("\n\n");
        List<PublishedValue> all = report.results().stream().flatMap(r -> Verdict.publishedValues(r).stream())
                .toList();
        long ok = all.stream().filter(PublishedValue::matches).count();
        md.append("**").append(report.results().size()).append(" of ")
                .append(report.results().size() + report.skipped().size()).append(" experiments ran; ")
                .append(all.isEmpty() ? "no published number was checked"
                        : ok + " of " + all.size() + " published numbers reproduced within tolerance")
                .append(".** The same report with pictures: `").append(INDEX_FILE).append("`.\n\n");
        md.append("- command: `").append(p.command().replace("`", "'")).append("`\n");
        md.append("- started (UTC): ").append(p.timestamp()).append(p.elapsed() == null ? ""
                : ", run time " + Format.number(p.elapsedSeconds()) + " s").append("\n");
        md.append("- git commit: `").append(p.gitCommit()).append("`; dds ").append(p.projectVersion())
                .append(", Java ").append(p.javaVersion()).append(", ").append(p.os()).append("\n");
        md.append("- seeds: ").append(p.seeds().isEmpty() ? "none" : p.seeds().entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "))).append("\n");
        md.append("- configuration, versions and the SHA-256 of every input: `").append(PROVENANCE_FILE)
                .append("`; every result: `").append(RESULTS_FILE).append("`\n\n");
        if (!p.inputs().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (InputFile f : p.inputs()) {
                rows.add(List.of(f.path(), f.sha256()));
            }
            table(md, List.of("input file", "SHA-256"), rows);
        }

        md.append("## Reproduced vs. published\n\n");
        List<List<String>> comparisons = new ArrayList<>();
        for (ExperimentResult r : report.results()) {
            for (ResultTable t : r.tables()) {
                for (PublishedValue v : t.published()) {
                    comparisons.add(List.of(r.name(), v.quantity(), Format.number(v.reproduced()),
                            Format.number(v.published()), Format.number(v.difference()),
                            v.matches() ? "yes (within " + number(v.tolerance()) + ")"
                                    : "no (tolerance " + number(v.tolerance()) + ")",
                            v.reference()));
                }
            }
        }
        if (comparisons.isEmpty()) {
            md.append("No published number was reproduced in this run.\n\n");
        } else {
            table(md, List.of("experiment", "quantity", "reproduced", "published", "difference", "matches",
                    "published in"), comparisons);
        }

        Map<String, List<ChartPlan.Planned>> charts = ChartPlan.byTable(plan);
        for (ExperimentResult r : report.results()) {
            Verdict verdict = Verdict.of(Verdict.publishedValues(r));
            md.append("## ").append(html(r.name())).append("\n\n");
            md.append("Reproduces: ").append(r.reference()).append(". Verdict: ").append(verdict.label())
                    .append(".\n\n");
            md.append(html(r.summary().strip())).append("\n\n");
            for (ResultTable t : r.tables()) {
                md.append("### ").append(html(t.title())).append("\n\n");
                md.append("Full precision: `").append(t.id()).append(".csv`.");
                if (!t.published().isEmpty()) {
                    md.append(" Checked cells read `reproduced ✓` (within tolerance) or `reproduced ✗` (off).");
                }
                md.append("\n\n");
                Checks checks = Checks.of(t);
                List<List<String>> rows = new ArrayList<>();
                for (int i = 0; i < t.rowCount(); i++) {
                    List<String> row = new ArrayList<>();
                    for (int c = 0; c < t.columns().size(); c++) {
                        String shown = Format.cell(t.cell(i, c));
                        List<PublishedValue> here = checks.at(i, c);
                        if (!here.isEmpty()) {
                            shown += " " + (here.stream().anyMatch(PublishedValue::matches) ? "✓" : "✗");
                        }
                        row.add(shown);
                    }
                    rows.add(row);
                }
                table(md, t.columnNames(), rows);
                for (ChartPlan.Planned c : charts.getOrDefault(t.id(), List.of())) {
                    if (c.experiment().equals(r.name())) {
                        md.append("![").append(escape(c.stem())).append("](").append(CHART_DIR).append('/')
                                .append(c.stem()).append(".png)\n\n");
                    }
                }
            }
        }

        md.append("## Skipped experiments\n\n");
        if (report.skipped().isEmpty()) {
            md.append("None: every experiment ran.\n");
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (SkippedExperiment s : report.skipped()) {
                rows.add(List.of(s.name(), s.reference(), s.reason()));
            }
            table(md, List.of("experiment", "reproduces", "missing input and how to get it"), rows);
        }
        return md.toString();
    }

    private static void table(StringBuilder md, List<String> columns, List<List<String>> rows) {
        md.append('|');
        for (String c : columns) {
            md.append(' ').append(escape(c)).append(" |");
        }
        md.append("\n|");
        for (int k = 0; k < columns.size(); k++) {
            md.append("---|");
        }
        md.append('\n');
        for (List<String> row : rows) {
            md.append('|');
            for (String cell : row) {
                md.append(' ').append(escape(cell)).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    /** Six significant digits, no trailing zeros, no exponent for everyday magnitudes: 0.919434, 0.988, 1. */
    static String number(double value) {
        return Format.number(value);
    }

    /** HTML's {@code <}, {@code >} and {@code &} as entities: Markdown passes raw HTML through to the page. */
    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * A table cell's text as Markdown shows it literally: backslashes and pipes escaped, line breaks folded, and
     * HTML's {@code <}, {@code >} and {@code &} as entities, so a model named {@code <script>} is text, not markup,
     * wherever the Markdown is rendered.
     */
    private static String escape(String text) {
        return html(text).replace("\\", "\\\\")
                .replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
    }
}
