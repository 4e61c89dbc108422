package org.dds.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Lays results out as files: one CSV per {@link ResultTable} (full double precision, {@link Double#toString}),
 * a Markdown {@code report.md} that puts every reproduced number beside its published one and lists the
 * experiments that were skipped with the reason, and {@code provenance.json}. A run directory is written to a
 * temporary directory and renamed into place, so it is complete or absent. The output depends only on the
 * report: the same results give byte-identical files.
 */
public final class ReportWriter {
    /** Name of the Markdown report in a run directory. */
    public static final String REPORT_FILE = "report.md";
    /** Name of the provenance file in a run directory. */
    public static final String PROVENANCE_FILE = "provenance.json";

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
    private static final MathContext MARKDOWN_DIGITS = new MathContext(6);

    private ReportWriter() {
    }

    /**
     * Writes a run directory: {@code <table id>.csv} for every table, {@code report.md} and
     * {@code provenance.json}, all at once (a directory already there is replaced).
     *
     * @param runDirectory e.g. {@code reports/20261126-213000}
     * @param report       what to write
     * @return the path of {@code report.md}
     * @throws UncheckedIOException if the directory cannot be written
     */
    public static Path write(Path runDirectory, Report report) {
        AtomicFiles.writeDirectory(runDirectory, dir -> {
            for (ExperimentResult r : report.results()) {
                for (ResultTable t : r.tables()) {
                    AtomicFiles.write(dir.resolve(t.id() + ".csv"), w -> writeCsv(t, w));
                }
            }
            AtomicFiles.writeString(dir.resolve(REPORT_FILE), markdown(report));
            AtomicFiles.writeString(dir.resolve(PROVENANCE_FILE), report.provenance().toJson());
        });
        return runDirectory.toAbsolutePath().normalize().resolve(REPORT_FILE);
    }

    /**
     * Writes one table as a CSV file, atomically.
     *
     * @param file  the file
     * @param table the table
     */
    public static void writeCsv(Path file, ResultTable table) {
        AtomicFiles.write(file, w -> writeCsv(table, w));
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
        printer.printRecord(table.columns());
        for (List<Object> row : table.rows()) {
            List<String> cells = new ArrayList<>(row.size());
            for (Object cell : row) {
                cells.add(cell.toString());
            }
            printer.printRecord(cells);
        }
        printer.flush();
    }

    /**
     * @param report what to lay out
     * @return the Markdown text of {@code report.md}
     */
    public static String markdown(Report report) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(report.title()).append("\n\n");
        md.append("Project version ").append(report.provenance().projectVersion())
                .append(". Configuration, seeds, versions and the SHA-256 of every input are in `")
                .append(PROVENANCE_FILE).append("`.\n\n");

        md.append("## Reproduced vs. published\n\n");
        List<List<Object>> comparisons = new ArrayList<>();
        for (ExperimentResult r : report.results()) {
            for (ResultTable t : r.tables()) {
                for (PublishedValue p : t.published()) {
                    comparisons.add(List.of(r.name(), p.quantity(), p.reproduced(), p.published(), p.difference(),
                            p.matches() ? "yes (within " + number(p.tolerance()) + ")"
                                    : "no (tolerance " + number(p.tolerance()) + ")",
                            p.reference()));
                }
            }
        }
        if (comparisons.isEmpty()) {
            md.append("No published number was reproduced in this run.\n\n");
        } else {
            table(md, List.of("experiment", "quantity", "reproduced", "published", "difference", "matches",
                    "published in"), comparisons);
        }

        for (ExperimentResult r : report.results()) {
            md.append("## ").append(r.name()).append("\n\n");
            md.append("Reproduces: ").append(r.reference()).append(".\n\n");
            md.append(r.summary().strip()).append("\n\n");
            for (ResultTable t : r.tables()) {
                md.append("### ").append(t.title()).append("\n\n");
                md.append("Full precision: `").append(t.id()).append(".csv`.\n\n");
                table(md, t.columns(), t.rows());
            }
        }

        md.append("## Skipped experiments\n\n");
        if (report.skipped().isEmpty()) {
            md.append("None: every experiment ran.\n");
        } else {
            List<List<Object>> rows = new ArrayList<>();
            for (SkippedExperiment s : report.skipped()) {
                rows.add(List.of(s.name(), s.reference(), s.reason()));
            }
            table(md, List.of("experiment", "reproduces", "missing input and how to get it"), rows);
        }
        return md.toString();
    }

    private static void table(StringBuilder md, List<String> columns, List<List<Object>> rows) {
        md.append('|');
        for (String c : columns) {
            md.append(' ').append(escape(c)).append(" |");
        }
        md.append("\n|");
        for (int k = 0; k < columns.size(); k++) {
            md.append("---|");
        }
        md.append('\n');
        for (List<Object> row : rows) {
            md.append('|');
            for (Object cell : row) {
                md.append(' ').append(cell instanceof Double d ? number(d) : escape(cell.toString())).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    /** Six significant digits, no trailing zeros, no exponent for everyday magnitudes: 0.919434, 0.988, 1. */
    static String number(double value) {
        if (value == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(value).round(MARKDOWN_DIGITS).stripTrailingZeros();
        double magnitude = Math.abs(value);
        return magnitude >= 1e-4 && magnitude < 1e9 ? d.toPlainString() : d.toString();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
    }
}
