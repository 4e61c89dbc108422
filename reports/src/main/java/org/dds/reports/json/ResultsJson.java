package org.dds.reports.json;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.dds.core.DdsInputException;
import org.dds.io.Json;
import org.dds.reports.Cell;
import org.dds.reports.CellType;
import org.dds.reports.ChartSpec;
import org.dds.reports.Column;
import org.dds.reports.ExperimentResult;
import org.dds.reports.InputFile;
import org.dds.reports.Provenance;
import org.dds.reports.PublishedValue;
import org.dds.reports.Report;
import org.dds.reports.ResultTable;
import org.dds.reports.SkippedExperiment;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A run's results as {@code results.json}: every experiment's tables (cells, published values, tolerances), the
 * charts it asked for, the skipped experiments and the provenance, so that the whole report can be regenerated
 * without recomputing anything. The reader is strict: an unknown or missing field, a wrong type, a duplicate key,
 * trailing content or a value the records refuse (a NaN, an unknown table in a chart) is one sentence naming the
 * file and the place in it.
 *
 * <p>Version 2 (written since tables have typed columns): a table's {@code columns} are objects
 * {@code {"name": "dds", "type": "real"}} with the type {@code text}, {@code integer} or {@code real}. A TEXT cell
 * is a JSON string, an INTEGER cell a JSON integer, a REAL cell a JSON number (written by {@link Double#toString},
 * so it reads back to the same double); in a numeric column a JSON string is a {@link Cell.Missing} note such as
 * "n/a".
 *
 * <p>Version 1 (still read) wrote column names only, with an {@link Integer} as a JSON integer, a {@link Long} as
 * an object {@code {"long": n}}, a {@link Double} as a JSON number with a fraction or exponent and a string as a
 * JSON string. Its column types are inferred from the cells: a column whose numbers are all integers is INTEGER,
 * one with a double is REAL (an integer there becomes its double), one without numbers is TEXT; a string in a
 * numeric column becomes a {@link Cell.Missing} note.
 */
public final class ResultsJson {
    /** Name of the results file in a run directory. */
    public static final String FILE = "results.json";
    /** The value of the {@code format} field. */
    public static final String FORMAT = "dds-results";
    /** The format version this code writes; it reads this one and {@link #VERSION_1}. */
    public static final int VERSION = 2;
    /** The first format version, with untyped columns; still read. */
    public static final int VERSION_1 = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ResultsJson() {
    }

    /**
     * @param report a run's results
     * @return them as JSON, two-space indented, ending in a newline; the same report gives the same text
     */
    public static String write(Report report) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeStringField("title", report.title());
            writeProvenance(g, report.provenance());
            g.writeArrayFieldStart("results");
            for (ExperimentResult r : report.results()) {
                writeResult(g, r);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("skipped");
            for (SkippedExperiment s : report.skipped()) {
                g.writeStartObject();
                g.writeStringField("name", s.name());
                g.writeStringField("reference", s.reference());
                g.writeStringField("reason", s.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON to memory", e);
        }
        return out.append('\n').toString();
    }

    /**
     * @param file a {@code results.json}
     * @return the report it holds
     * @throws DdsInputException if the file is missing, unreadable or not a valid results file
     */
    public static Report read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new DdsInputException(file + " does not exist: give the run directory that ./dds reproduce"
                    + " wrote (it holds " + FILE + "), or run ./dds reproduce again", e);
        } catch (IOException e) {
            throw new DdsInputException("cannot read " + file + " (" + e.getClass().getSimpleName() + " "
                    + e.getMessage() + "): check its permissions, or run ./dds reproduce again", e);
        }
        return parse(text, file.toString());
    }

    /**
     * @param text   the JSON text
     * @param source where it came from, for messages
     * @return the report it holds
     * @throws DdsInputException if it is not a valid results file
     */
    public static Report parse(String text, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw bad(source, "it is not valid JSON" + where + " (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || root.isMissingNode()) {
            throw bad(source, "it is empty", null);
        }
        try {
            return readReport(new Node(root, "$"));
        } catch (Malformed e) {
            throw bad(source, e.getMessage(), e);
        }
    }

    private static DdsInputException bad(String source, String what, Throwable cause) {
        return new DdsInputException(source + " is not a usable DDS results file: " + what
                + "; regenerate it with ./dds reproduce", cause);
    }

    /**
     * @param provenance where a run's results came from
     * @return it as the JSON object of {@code provenance.json}, two-space indented, ending in a newline
     */
    public static String write(Provenance provenance) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            writeProvenanceFields(g, provenance);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON to memory", e);
        }
        return out.append('\n').toString();
    }

    // ---- writing -------------------------------------------------------------------------------------------

    private static JsonGenerator generator(StringWriter out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out);
        g.setPrettyPrinter(Json.prettyPrinter());
        return g;
    }

    private static void writeProvenance(JsonGenerator g, Provenance p) throws IOException {
        g.writeObjectFieldStart("provenance");
        writeProvenanceFields(g, p);
        g.writeEndObject();
    }

    private static void writeProvenanceFields(JsonGenerator g, Provenance p) throws IOException {
        g.writeStringField("command", p.command());
        g.writeObjectFieldStart("config");
        for (Map.Entry<String, String> e : p.config().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("seeds");
        for (Map.Entry<String, Long> e : p.seeds().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeStringField("projectVersion", p.projectVersion());
        g.writeStringField("gitCommit", p.gitCommit());
        g.writeStringField("javaVersion", p.javaVersion());
        g.writeStringField("os", p.os());
        g.writeStringField("timestamp", p.timestamp());
        if (p.elapsed() != null) {
            g.writeNumberField("elapsedSeconds", p.elapsedSeconds());
        }
        g.writeArrayFieldStart("inputs");
        for (InputFile f : p.inputs()) {
            g.writeStartObject();
            g.writeStringField("path", f.path());
            g.writeStringField("sha256", f.sha256());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeResult(JsonGenerator g, ExperimentResult r) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", r.name());
        g.writeStringField("reference", r.reference());
        g.writeStringField("summary", r.summary());
        g.writeArrayFieldStart("tables");
        for (ResultTable t : r.tables()) {
            writeTable(g, t);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("charts");
        for (ChartSpec c : r.charts()) {
            writeChart(g, c);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeTable(JsonGenerator g, ResultTable t) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", t.id());
        g.writeStringField("title", t.title());
        g.writeArrayFieldStart("columns");
        for (Column c : t.columns()) {
            g.writeStartObject();
            g.writeStringField("name", c.name());
            g.writeStringField("type", c.type().jsonName());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rows");
        for (List<Cell> row : t.rows()) {
            g.writeStartArray();
            for (Cell cell : row) {
                if (cell instanceof Cell.Int i) {
                    g.writeNumber(i.value());
                } else if (cell instanceof Cell.Real r) {
                    g.writeNumber(r.value());
                } else {
                    g.writeString(cell.text());
                }
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("published");
        for (PublishedValue p : t.published()) {
            g.writeStartObject();
            g.writeStringField("quantity", p.quantity());
            g.writeNumberField("reproduced", p.reproduced());
            g.writeNumberField("published", p.published());
            g.writeNumberField("tolerance", p.tolerance());
            g.writeStringField("reference", p.reference());
            if (p.placed()) {
                g.writeStringField("row", p.row());
                g.writeStringField("column", p.column());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeChart(JsonGenerator g, ChartSpec spec) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", spec.kind());
        if (spec instanceof ChartSpec.Heatmap h) {
            writeStrings(g, "tables", h.tableIds());
        } else if (spec instanceof ChartSpec.Bars b) {
            g.writeStringField("table", b.tableId());
            g.writeStringField("label", b.labelColumn());
            writeStrings(g, "values", b.valueColumns());
        } else if (spec instanceof ChartSpec.Box b) {
            g.writeStringField("table", b.tableId());
            optional(g, "category", b.categoryColumn());
            optional(g, "series", b.seriesColumn());
            writeStrings(g, "values", b.valueColumns());
        } else if (spec instanceof ChartSpec.Line l) {
            g.writeStringField("table", l.tableId());
            g.writeStringField("x", l.xColumn());
            writeStrings(g, "y", l.yColumns());
            optional(g, "series", l.seriesColumn());
            g.writeBooleanField("logX", l.logX());
        } else {
            g.writeStringField("table", spec.tableIds().get(0));
        }
        if (!(spec instanceof ChartSpec.NoChart)) {
            g.writeStringField("title", spec.title());
        }
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    private static void writeStrings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    // ---- reading -------------------------------------------------------------------------------------------

    private static Report readReport(Node root) {
        root.only("format", "version", "title", "provenance", "results", "skipped");
        String format = root.string("format");
        if (!format.equals(FORMAT)) {
            throw new Malformed(root.where("format") + " is '" + format + "', expected '" + FORMAT + "'");
        }
        long version = root.integer("version");
        if (version != VERSION && version != VERSION_1) {
            throw new Malformed(root.where("version") + " is " + version + " but this dds reads versions "
                    + VERSION_1 + " and " + VERSION);
        }
        String title = root.string("title");
        Provenance provenance = readProvenance(root.object("provenance"));
        List<ExperimentResult> results = new ArrayList<>();
        for (Node r : root.array("results")) {
            results.add(r.build(() -> readResult(r, version)));
        }
        List<SkippedExperiment> skipped = new ArrayList<>();
        for (Node s : root.array("skipped")) {
            s.only("name", "reference", "reason");
            skipped.add(new SkippedExperiment(s.string("name"), s.string("reference"), s.string("reason")));
        }
        return root.build(() -> new Report(title, results, skipped, provenance));
    }

    private static Provenance readProvenance(Node p) {
        p.only("command", "config", "seeds", "projectVersion", "gitCommit", "javaVersion", "os", "timestamp",
                "elapsedSeconds", "inputs");
        SortedMap<String, String> config = new TreeMap<>();
        Node c = p.object("config");
        for (String key : c.fieldNames()) {
            config.put(key, c.string(key));
        }
        SortedMap<String, Long> seeds = new TreeMap<>();
        Node s = p.object("seeds");
        for (String key : s.fieldNames()) {
            seeds.put(key, s.integer(key));
        }
        List<InputFile> inputs = new ArrayList<>();
        for (Node f : p.array("inputs")) {
            f.only("path", "sha256");
            inputs.add(f.build(() -> new InputFile(f.string("path"), f.string("sha256"))));
        }
        Duration elapsed = p.has("elapsedSeconds") ? duration(p) : null;
        return p.build(() -> new Provenance(p.string("command"), config, seeds, p.string("projectVersion"),
                p.string("gitCommit"), p.string("javaVersion"), p.string("os"), p.string("timestamp"), inputs,
                elapsed));
    }

    private static Duration duration(Node p) {
        double seconds = p.number("elapsedSeconds");
        if (!(seconds >= 0) || seconds > Long.MAX_VALUE / 1000.0) {
            throw new Malformed(p.where("elapsedSeconds") + " is " + seconds + ", not a duration in seconds");
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static ExperimentResult readResult(Node r, long version) {
        r.only("name", "reference", "summary", "tables", "charts");
        List<ResultTable> tables = new ArrayList<>();
        for (Node t : r.array("tables")) {
            tables.add(version == VERSION_1 ? readTableV1(t) : readTable(t));
        }
        List<ChartSpec> charts = new ArrayList<>();
        for (Node c : r.array("charts")) {
            charts.add(readChart(c));
        }
        return new ExperimentResult(r.string("name"), r.string("reference"), r.string("summary"), tables, charts);
    }

    private static ResultTable readTable(Node t) {
        t.only("id", "title", "columns", "rows", "published");
        List<Column> columns = new ArrayList<>();
        for (Node c : t.array("columns")) {
            c.only("name", "type");
            String type = c.string("type");
            columns.add(c.build(() -> new Column(c.string("name"), CellType.fromJsonName(type))));
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (Node row : t.array("rows")) {
            List<Node> nodes = row.elements();
            if (nodes.size() != columns.size()) {
                throw new Malformed(row.path + " has " + nodes.size() + " cells for " + columns.size() + " columns");
            }
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < nodes.size(); c++) {
                cells.add(nodes.get(c).cell(columns.get(c).type()));
            }
            rows.add(cells);
        }
        List<PublishedValue> published = readPublished(t);
        return t.build(() -> new ResultTable(t.string("id"), t.string("title"), columns, rows, published));
    }

    /** A version-1 table: column names only; each column's type is inferred from its cells. */
    private static ResultTable readTableV1(Node t) {
        t.only("id", "title", "columns", "rows", "published");
        List<String> names = t.strings("columns");
        List<List<?>> raw = new ArrayList<>();
        for (Node row : t.array("rows")) {
            List<Node> nodes = row.elements();
            if (nodes.size() != names.size()) {
                throw new Malformed(row.path + " has " + nodes.size() + " cells for " + names.size() + " columns");
            }
            List<Object> cells = new ArrayList<>();
            for (Node cell : nodes) {
                cells.add(cell.cellV1());
            }
            raw.add(cells);
        }
        List<PublishedValue> published = readPublished(t);
        return t.build(() -> ResultTable.inferred(t.string("id"), t.string("title"), names, raw, published));
    }

    private static List<PublishedValue> readPublished(Node t) {
        List<PublishedValue> published = new ArrayList<>();
        for (Node p : t.array("published")) {
            p.only("quantity", "reproduced", "published", "tolerance", "reference", "row", "column");
            published.add(p.build(() -> new PublishedValue(p.string("quantity"), p.number("reproduced"),
                    p.number("published"), p.number("tolerance"), p.string("reference"), p.optionalString("row"),
                    p.optionalString("column"))));
        }
        return published;
    }

    private static ChartSpec readChart(Node c) {
        String type = c.string("type");
        return c.build(() -> switch (type) {
            case "heatmap" -> {
                c.only("type", "tables", "title");
                yield new ChartSpec.Heatmap(c.strings("tables"), c.string("title"));
            }
            case "bars" -> {
                c.only("type", "table", "label", "values", "title");
                yield new ChartSpec.Bars(c.string("table"), c.string("label"), c.strings("values"), c.string("title"));
            }
            case "box" -> {
                c.only("type", "table", "category", "series", "values", "title");
                yield new ChartSpec.Box(c.string("table"), c.optionalString("category"), c.optionalString("series"),
                        c.strings("values"), c.string("title"));
            }
            case "line" -> {
                c.only("type", "table", "x", "y", "series", "logX", "title");
                yield new ChartSpec.Line(c.string("table"), c.string("x"), c.strings("y"), c.optionalString("series"),
                        c.bool("logX"), c.string("title"));
            }
            case "none" -> {
                c.only("type", "table");
                yield new ChartSpec.NoChart(c.string("table"));
            }
            default -> throw new Malformed(c.where("type") + " is '" + type
                    + "', expected heatmap, bars, box, line or none");
        });
    }

    /** A JSON value and where it is (a JSONPath-like trail such as {@code $.results[0].tables[1]}). */
    private record Node(JsonNode json, String path) {
        String where(String field) {
            return path + "." + field;
        }

        void only(String... fields) {
            if (!json.isObject()) {
                throw new Malformed(path + " should be an object but is " + describe(json));
            }
            List<String> known = List.of(fields);
            for (String name : fieldNames()) {
                if (!known.contains(name)) {
                    throw new Malformed(path + " has an unknown field '" + name + "' (known: "
                            + String.join(", ", known) + ")");
                }
            }
        }

        boolean has(String field) {
            return json.has(field);
        }

        List<String> fieldNames() {
            List<String> names = new ArrayList<>();
            json.fieldNames().forEachRemaining(names::add);
            return names;
        }

        Node field(String field) {
            if (!json.isObject()) {
                throw new Malformed(path + " should be an object but is " + describe(json));
            }
            JsonNode v = json.get(field);
            if (v == null) {
                throw new Malformed(path + " has no field '" + field + "'");
            }
            return new Node(v, where(field));
        }

        Node object(String field) {
            Node n = field(field);
            if (!n.json.isObject()) {
                throw new Malformed(n.path + " should be an object but is " + describe(n.json));
            }
            return n;
        }

        List<Node> array(String field) {
            return field(field).elements();
        }

        List<Node> elements() {
            if (!json.isArray()) {
                throw new Malformed(path + " should be an array but is " + describe(json));
            }
            List<Node> out = new ArrayList<>();
            for (int k = 0; k < json.size(); k++) {
                out.add(new Node(json.get(k), path + "[" + k + "]"));
            }
            return out;
        }

        String string(String field) {
            Node n = field(field);
            if (!n.json.isTextual()) {
                throw new Malformed(n.path + " should be a string but is " + describe(n.json));
            }
            return n.json.textValue();
        }

        String optionalString(String field) {
            return json.has(field) ? string(field) : null;
        }

        List<String> strings(String field) {
            List<String> out = new ArrayList<>();
            for (Node n : array(field)) {
                if (!n.json.isTextual()) {
                    throw new Malformed(n.path + " should be a string but is " + describe(n.json));
                }
                out.add(n.json.textValue());
            }
            return out;
        }

        double number(String field) {
            Node n = field(field);
            if (!n.json.isNumber()) {
                throw new Malformed(n.path + " should be a number but is " + describe(n.json));
            }
            return n.json.doubleValue();
        }

        long integer(String field) {
            Node n = field(field);
            if (!n.json.isIntegralNumber() || !n.json.canConvertToLong()) {
                throw new Malformed(n.path + " should be an integer but is " + describe(n.json));
            }
            return n.json.longValue();
        }

        boolean bool(String field) {
            Node n = field(field);
            if (!n.json.isBoolean()) {
                throw new Malformed(n.path + " should be true or false but is " + describe(n.json));
            }
            return n.json.booleanValue();
        }

        /** A cell of a version-2 table, in a column of the given type. */
        Cell cell(CellType type) {
            if (json.isTextual()) {
                return type == CellType.TEXT ? new Cell.Text(json.textValue()) : Cell.missing(json.textValue());
            }
            if (type == CellType.INTEGER && json.isIntegralNumber() && json.canConvertToLong()) {
                return new Cell.Int(json.longValue());
            }
            if (type == CellType.REAL && json.isNumber()) {
                double v = json.doubleValue();
                if (!Double.isFinite(v)) {
                    throw new Malformed(path + " is " + v + ": results must be finite");
                }
                return new Cell.Real(v);
            }
            String expected = switch (type) {
                case TEXT -> "a string";
                case INTEGER -> "an integer (or a string noting a missing number)";
                case REAL -> "a number (or a string noting a missing number)";
            };
            throw new Malformed(path + " is in a " + type.jsonName() + " column, so it should be " + expected
                    + ", but is " + describe(json));
        }

        /** A cell of a version-1 table: a String, a Long (JSON integer or {"long": n}) or a Double. */
        Object cellV1() {
            if (json.isTextual()) {
                return json.textValue();
            }
            if (json.isFloatingPointNumber()) {
                double v = json.doubleValue();
                if (!Double.isFinite(v)) {
                    throw new Malformed(path + " is " + v + ": results must be finite");
                }
                return v;
            }
            if (json.isIntegralNumber() && json.canConvertToInt()) {
                return json.longValue();
            }
            if (json.isObject() && json.size() == 1 && json.has("long")) {
                return new Node(json, path).integer("long");
            }
            throw new Malformed(path + " should be a table cell (a string, a number, or {\"long\": n}) but is "
                    + describe(json));
        }

        /** Runs a record constructor; its refusal becomes a message about this place. */
        <T> T build(java.util.function.Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (Malformed e) {
                throw e;
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new Malformed(path + " is refused: " + e.getMessage());
            }
        }

        private static String describe(JsonNode v) {
            String text = v.toString();
            String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
            return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + shown;
        }
    }

    /** Where and how a results file departs from the format; becomes one {@link DdsInputException}. */
    private static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }
}
