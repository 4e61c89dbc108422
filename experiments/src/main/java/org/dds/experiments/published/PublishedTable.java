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

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A table of published numbers copied from the paper ({@code ../shared/published/paper_tables.md}) into a CSV
 * resource of this package: a header, then one row per method with its name in the first column.
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

    /** @return paper Table 3: mean Spearman against the Taskonomy affinity and winrate, and total time */
    public static PublishedTable table3() {
        return load("table3.csv");
    }

    /**
     * @param resource a CSV file name in this package
     * @return its rows, keyed by the first column
     */
    static PublishedTable load(String resource) {
        try (InputStream in = PublishedTable.class.getResourceAsStream(resource)) {
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
