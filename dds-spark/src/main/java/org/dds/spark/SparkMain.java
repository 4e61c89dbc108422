package org.dds.spark;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.dds.core.DdsInputException;
import org.dds.core.MapShape;
import org.dds.core.affinity.AffinityMatrix;
import org.dds.core.affinity.DdsConfig;
import org.dds.core.affinity.TiledAffinity;
import org.dds.core.comparison.Centering;
import org.dds.core.comparison.ComparisonType;
import org.dds.core.kernel.FunctionType;
import org.dds.core.normalization.NormalizationType;

/**
 * The entry point of the shaded jar for {@code spark-submit}: {@code affinity} with the options of
 * {@code dds affinity} that apply to it ({@code --features --norm --f --g --centering --images --shape --tile
 * --out}), the same defaults and the same CSV. Paths go through Hadoop's FileSystem API, so {@code --features} and
 * {@code --out} may be {@code hdfs://} or {@code s3a://} URIs. A bad option is one line on stderr and exit code 2.
 *
 * <pre>
 * spark-submit --class org.dds.spark.SparkMain --master yarn dds-spark-0.1.0-SNAPSHOT-shaded.jar \
 *     affinity --features hdfs:///feats --images 10000 --out hdfs:///out/affinity.csv
 * </pre>
 */
public final class SparkMain {
    /** Images used when {@code --images} is not given, as {@code dds affinity}: 200, or all when fewer. */
    static final int DEFAULT_IMAGES = 200;

    private static final List<String> OPTIONS = List.of("--features", "--norm", "--f", "--g", "--centering",
            "--images", "--shape", "--tile", "--out");

    private SparkMain() {
    }

    /**
     * @param args {@code affinity} and its options
     */
    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code;
        try {
            code = run(args, err);
        } catch (DdsInputException e) {
            err.println("dds-spark: " + e.messageFor(SparkMain::flag));
            code = 2;
        }
        err.flush();
        System.exit(code);
    }

    /** A library parameter as this command's flag. */
    private static String flag(String parameter) {
        return switch (parameter) {
            case "normalization" -> "--norm";
            case "function" -> "--f";
            case "comparison" -> "--g";
            default -> "--" + parameter;
        };
    }

    static int run(String[] args, PrintWriter err) {
        if (args.length == 0 || !args[0].equals("affinity")) {
            throw new DdsInputException("expected the command 'affinity' first, e.g. affinity --features "
                    + "hdfs:///feats --out hdfs:///affinity.csv");
        }
        Map<String, String> opt = options(args);
        String features = opt.get("--features");
        if (features == null) {
            throw new DdsInputException("--features is missing: give a directory of <model>.npy files (local, "
                    + "hdfs:// or s3a://)");
        }
        MapShape shape = MapShape.parse(opt.getOrDefault("--shape", "16,16,8"));
        DdsConfig config = new DdsConfig(NormalizationType.parse(opt.getOrDefault("--norm", "zscore")).create(shape),
                function(opt.getOrDefault("--f", "cosine")),
                ComparisonType.parse(opt.getOrDefault("--g", "cka"))
                        .create(Centering.parse(opt.getOrDefault("--centering", "unbiased"))));
        int tile = integer(opt, "--tile", 0);
        SparkConf conf = new SparkConf().setAppName("dds affinity").setIfMissing("spark.master", "local[*]");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            HadoopFeatures found = HadoopFeatures.find(features, sc.hadoopConfiguration());
            int available;
            try (HadoopFeatures.Opened opened = found.open()) {
                available = opened.sources().get(0).rows();
            }
            int images = opt.containsKey("--images") ? integer(opt, "--images", 0) : Math.min(DEFAULT_IMAGES,
                    available);
            if (images < 1 || images > available) {
                throw new DdsInputException("--images " + images + " is not possible: the features describe "
                        + available + " images, so choose --images between 1 and " + available);
            }
            AffinityMatrix a = SparkAffinity.compute(sc, found, images, config, tile, progress(err),
                    SparkAffinity.TileHook.NONE);
            write(a, opt.get("--out"), sc);
        }
        return 0;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opt = new HashMap<>();
        for (int k = 1; k < args.length; k++) {
            String name = args[k];
            String value = null;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!OPTIONS.contains(name)) {
                throw new DdsInputException("unknown option '" + args[k] + "': expected one of "
                        + String.join(", ", OPTIONS));
            }
            if (value == null) {
                if (k + 1 >= args.length) {
                    throw new DdsInputException("option '" + name + "' needs a value");
                }
                value = args[++k];
            }
            opt.put(name, value);
        }
        return opt;
    }

    private static int integer(Map<String, String> opt, String name, int otherwise) {
        String v = opt.get(name);
        if (v == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 0) {
                throw new NumberFormatException(v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new DdsInputException("invalid value '" + v + "' for option '" + name
                    + "': expected a non-negative integer", e);
        }
    }

    /** {@code name} or {@code name:parameter}, as {@code dds affinity --f} reads it. */
    private static org.dds.core.kernel.PairwiseFunction function(String text) {
        int colon = text.indexOf(':');
        FunctionType type = FunctionType.parse(colon < 0 ? text : text.substring(0, colon));
        if (colon < 0) {
            return type.create();
        }
        try {
            return type.create(Double.parseDouble(text.substring(colon + 1).trim()));
        } catch (NumberFormatException e) {
            throw new DdsInputException("invalid value '" + text + "' for option '--f': the parameter after the "
                    + "colon must be a number", e);
        }
    }

    private static TiledAffinity.Progress progress(PrintWriter err) {
        long start = System.nanoTime();
        return (done, total) -> {
            double elapsed = (System.nanoTime() - start) / 1e9;
            err.printf(Locale.ROOT, "affinity: %d/%d tiles, %.1f s elapsed, ETA %.1f s%n", done, total, elapsed,
                    elapsed / done * (total - done));
        };
    }

    /** The CSV of {@code dds affinity}: header {@code model,<names>}, doubles by {@link Double#toString}. */
    private static void write(AffinityMatrix a, String out, JavaSparkContext sc) {
        try {
            if (out == null) {
                Writer w = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                csv(a, w);
                w.flush();
                return;
            }
            Path path = new Path(out);
            FileSystem fs = path.getFileSystem(sc.hadoopConfiguration());
            Path tmp = new Path(path.getParent(), "." + path.getName() + ".tmp");
            try (FSDataOutputStream s = fs.create(tmp, true);
                 Writer w = new OutputStreamWriter(s, StandardCharsets.UTF_8)) {
                csv(a, w);
            }
            fs.delete(path, false);
            if (!fs.rename(tmp, path)) {
                throw new IOException("cannot rename " + tmp + " to " + path);
            }
        } catch (IOException e) {
            throw new DdsInputException("cannot write '" + out + "' (" + e.getMessage()
                    + "): check that its directory exists and is writable", e);
        }
    }

    private static void csv(AffinityMatrix a, Writer w) throws IOException {
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
        List<String> header = new java.util.ArrayList<>();
        header.add("model");
        header.addAll(a.names());
        p.printRecord(header);
        for (int i = 0; i < a.size(); i++) {
            List<String> row = new java.util.ArrayList<>();
            row.add(a.names().get(i));
            for (int j = 0; j < a.size(); j++) {
                row.add(Double.toString(a.get(i, j)));
            }
            p.printRecord(row);
        }
        p.flush();
    }
}
