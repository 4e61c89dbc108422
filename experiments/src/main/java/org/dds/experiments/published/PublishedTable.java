package org.dds.experiments.published;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dds.core.kernel.FunctionType;
import org.dds.core.normalization.NormalizationType;

/**
 * A table of published numbers copied from the paper and the authors' notebooks
 * ({@code ../shared/published/paper_tables.md}) into a CSV resource under {@code /published/} on the class path: a
 * header, then one row per method (or normalisation) with its name in the first column. The files and their
 * sources are listed in {@code published/README.md}.
 */
public final class PublishedTable {
    /** Half a unit in the last place of a number printed with three decimals. */
    public static final double THREE_DECIMALS = 0.0005;

    private final String resource;
    private final Map<String, CSVRecord> rows;

    private PublishedTable(String resource, Map<String, CSVRecord> rows) {
        this.resource = resource;
        this.rows = rows;
    }

    /** Where the published tables are on the class path. */
    static final String DIRECTORY = "/published/";

    /** @return paper Table 3: mean Spearman against the Taskonomy affinity and winrate, and total time */
    public static PublishedTable table3() {
        return load("table3.csv");
    }

    /**
     * @return paper Table 2 as printed (captioned "winrate"; its numbers are closer to the notebook's affinity
     *         table): rows named like {@link NormalizationType#cliName()}, no centering row
     */
    public static PublishedTable paperTable2() {
        return load("paper_table2.csv");
    }

    /**
     * @param against {@code affinity} or {@code winrate}: which Taskonomy matrix the notebook compared with
     * @return the authors' notebook output of the 7 x 6 ablation, rows and columns named as in their code
     */
    public static PublishedTable notebookTable2(String against) {
        if (!against.equals("affinity") && !against.equals("winrate")) {
            throw new IllegalArgumentException("the notebook has Table-2 outputs against 'affinity' and 'winrate',"
                    + " not '" + against + "'");
        }
        return load("notebook_table2_" + against + ".csv");
    }

    /**
     * @param resource a CSV file name in this package
     * @return its rows, keyed by the first column
     */
    static PublishedTable load(String resource) {
        try (InputStream in = PublishedTable.class.getResourceAsStream(DIRECTORY + resource)) {
            if (in == null) {
                throw new IllegalStateException("the published table " + resource + " is not on the class path");
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader).getRecords();
            Map<String, CSVRecord> rows = new LinkedHashMap<>();
            for (CSVRecord r : records) {
                rows.put(r.get(0), r);
            }
            return new PublishedTable(resource, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the published table " + resource, e);
        }
    }

    /** @return the row names (first column), in file order */
    public List<String> rows() {
        return List.copyOf(rows.keySet());
    }

    /**
     * @param row    a row name, as in the first column
     * @param column a column name of the header
     * @return the published number, or empty when the table has no such cell
     */
    public OptionalDouble find(String row, String column) {
        CSVRecord r = rows.get(row);
        if (r == null || !r.isMapped(column)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(r.get(column)));
    }

    /**
     * A cell of a Table-2 grid, whichever naming the file uses (the project's or the authors').
     *
     * @param norm the normalisation (row)
     * @param f    the function (column)
     * @return the published number, or empty when the table has no such cell (the paper has no centering row)
     */
    public OptionalDouble cell(NormalizationType norm, FunctionType f) {
        for (String row : List.of(norm.cliName(), norm.authorsName())) {
            for (String column : List.of(f.cliName(), f.authorsName())) {
                OptionalDouble v = find(row, column);
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        return OptionalDouble.empty();
    }

    /** @return the resource name, e.g. {@code table3.csv} */
    public String resource() {
        return resource;
    }

    /**
     * @param row    the method, as in the first column
     * @param column a column name of the header
     * @return the published number
     */
    public double value(String row, String column) {
        CSVRecord r = rows.get(row);
        if (r == null || !r.isMapped(column)) {
            throw new IllegalArgumentException("the published table " + resource + " has no value for row '" + row
                    + "', column '" + column + "'");
        }
        return Double.parseDouble(r.get(column));
    }
}
