package org.dds.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.dds.core.DdsInputException;
import org.dds.core.FeatureSource;
import org.dds.io.NpyRows;

/**
 * The models' {@code .npy} files found through Hadoop's FileSystem API (a local path, {@code file://},
 * {@code hdfs://}, {@code s3a://} with the user's own Hadoop configuration): a directory of {@code <model>.npy}
 * in the order of its {@code models.txt} when it has one, else by file name, or one {@code .npy}. Serializable: the
 * driver lists the files, and every task opens its own readers ({@link #open}) with the driver's Hadoop settings.
 */
public final class HadoopFeatures implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> names;
    private final List<String> files;
    private final HashMap<String, String> settings;

    private HadoopFeatures(List<String> names, List<String> files, Configuration conf) {
        this.names = List.copyOf(names);
        this.files = List.copyOf(files);
        this.settings = new HashMap<>();
        for (Map.Entry<String, String> e : conf) {
            settings.put(e.getKey(), e.getValue());
        }
    }

    /**
     * @param location a directory of {@code <model>.npy} files or one {@code .npy}
     * @param conf     Hadoop settings (Spark's {@code hadoopConfiguration()})
     * @return the models found there
     * @throws DdsInputException if the location is missing or holds no {@code .npy}
     */
    public static HadoopFeatures find(String location, Configuration conf) {
        Path path = new Path(location);
        try {
            FileSystem fs = path.getFileSystem(conf);
            if (!fs.exists(path)) {
                throw new DdsInputException(p -> "features path '" + location + "' does not exist: pass "
                        + p.apply("features") + " a directory of <model>.npy files or one .npy");
            }
            List<String> names = new ArrayList<>();
            List<String> files = new ArrayList<>();
            if (!fs.getFileStatus(path).isDirectory()) {
                names.add(stem(path.getName()));
                files.add(fs.makeQualified(path).toString());
                return new HadoopFeatures(names, files, conf);
            }
            Map<String, String> byName = new HashMap<>();
            FileStatus[] listed = fs.listStatus(path);
            Arrays.sort(listed, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
            for (FileStatus f : listed) {
                String name = f.getPath().getName();
                if (f.isFile() && !name.startsWith(".") && name.toLowerCase(Locale.ROOT).endsWith(".npy")) {
                    byName.put(stem(name), f.getPath().toString());
                    names.add(stem(name));
                }
            }
            if (names.isEmpty()) {
                throw new DdsInputException(p -> "directory '" + location + "' holds no .npy files: pass "
                        + p.apply("features") + " a directory of <model>.npy files (one per model)");
            }
            Path order = new Path(path, "models.txt");
            if (fs.exists(order)) {
                names = modelsTxt(fs, order, byName, location);
            }
            for (String n : names) {
                files.add(byName.get(n));
            }
            return new HadoopFeatures(names, files, conf);
        } catch (IOException e) {
            throw new DdsInputException("cannot read features path '" + location + "' (" + e.getMessage()
                    + "): check the path and your Hadoop configuration", e);
        }
    }

    private static List<String> modelsTxt(FileSystem fs, Path order, Map<String, String> byName, String location)
            throws IOException {
        List<String> names = new ArrayList<>();
        try (FSDataInputStream in = fs.open(order)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String n = line.trim();
                if (n.isEmpty() || n.startsWith("#")) {
                    continue;
                }
                if (!byName.containsKey(n)) {
                    throw new DdsInputException("models.txt in '" + location + "' names '" + n + "' but there is no "
                            + n + ".npy beside it: add the file or remove the line");
                }
                names.add(n);
            }
        }
        return names;
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** @return the model names, in order */
    public List<String> names() {
        return names;
    }

    /** @return the files, fully qualified, in model order */
    public List<String> files() {
        return files;
    }

    /**
     * Opens every model for positioned reads; the streams stay open until {@link Opened#close}.
     *
     * @return the readers, in model order
     */
    public Opened open() {
        Configuration conf = new Configuration(false);
        settings.forEach(conf::set);
        Opened opened = new Opened();
        try {
            for (int m = 0; m < files.size(); m++) {
                Path p = new Path(files.get(m));
                FileSystem fs = p.getFileSystem(conf);
                long length = fs.getFileStatus(p).getLen();
                FSDataInputStream in = fs.open(p);
                opened.streams.add(in);
                String where = "file '" + files.get(m) + "'";
                try (FSDataInputStream header = fs.open(p)) {
                    opened.sources.add(NpyRows.open(where, names.get(m), length, header, in::readFully));
                }
            }
        } catch (IOException e) {
            opened.close();
            throw new UncheckedIOException("cannot open the features: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        return opened;
    }

    /** The open readers of every model. */
    public static final class Opened implements AutoCloseable {
        private final List<FSDataInputStream> streams = new ArrayList<>();
        private final List<FeatureSource> sources = new ArrayList<>();

        /** @return the models, in order */
        public List<FeatureSource> sources() {
            return sources;
        }

        @Override
        public void close() {
            for (FSDataInputStream s : streams) {
                try {
                    s.close();
                } catch (IOException e) {
                    // Reading is over; a failed close loses nothing.
                }
            }
        }
    }
}
