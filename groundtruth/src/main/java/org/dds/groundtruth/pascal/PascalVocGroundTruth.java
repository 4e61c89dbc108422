package org.dds.groundtruth.pascal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.dds.io.Sha256;
import org.dds.core.DdsInputException;
import org.dds.groundtruth.GroundTruthSource;
import org.dds.groundtruth.taskonomy.TaskonomyTasks;

/**
 * The Pascal VOC transfer ground truth (Dwivedi, Huang, Cichy, Roig, ECCV 2020, Table 4): for each of 17
 * Taskonomy source feature models, the mIoU on Pascal VOC semantic segmentation after transfer from it. DDS
 * rankings of DDS(source, pascal_voc_segmentation) are correlated with this vector, sources in this order.
 * The values live in the resource {@value #RESOURCE} (copied from {@code published/paper_tables.md}, Table 4).
 *
 * @param sources the source feature-model names (e.g. {@code vanishing_point}, {@code segmentsemantic}), distinct
 * @param miou    the transfer mIoU of each source, aligned with {@code sources}, each in [0, 1]
 * @param source  where the values were read from
 */
public record PascalVocGroundTruth(List<String> sources, double[] miou, GroundTruthSource source) {

    /** The classpath resource holding the vector. */
    public static final String RESOURCE = "/org/dds/groundtruth/pascal/pascal_voc_transfer_miou.csv";

    /** The number of sources in the published vector. */
    public static final int SOURCES = 17;

    /** Validates and copies the fields. */
    public PascalVocGroundTruth {
        sources = List.copyOf(sources);
        miou = miou.clone();
        Objects.requireNonNull(source, "source");
        if (sources.size() != miou.length) {
            throw new DdsInputException("Pascal VOC ground truth from " + source.location() + " has "
                    + sources.size() + " sources but " + miou.length + " values");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < miou.length; i++) {
            String s = sources.get(i);
            if (!seen.add(s)) {
                throw new DdsInputException("source '" + s + "' appears twice in " + source.location());
            }
            if (!TaskonomyTasks.FEATURE_MODELS.contains(s)) {
                throw new DdsInputException("source '" + s + "' in " + source.location()
                        + " is not a Taskonomy feature model: use one of " + String.join(", ",
                                TaskonomyTasks.FEATURE_MODELS));
            }
            if (!(miou[i] >= 0 && miou[i] <= 1)) {
                throw new DdsInputException("mIoU of source '" + s + "' in " + source.location() + " is " + miou[i]
                        + ": an mIoU lies in [0, 1]");
            }
        }
    }

    /**
     * @return the published vector, read from {@value #RESOURCE}
     * @throws IllegalStateException if the resource is missing from the jar (a build error)
     */
    public static PascalVocGroundTruth load() {
        try (InputStream in = PascalVocGroundTruth.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the groundtruth jar");
            }
            return parse(in.readAllBytes(), "classpath:" + RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
        }
    }

    /**
     * Parses the CSV: lines starting with '#' are comments, then the header {@code source,miou}, then one line
     * per source.
     *
     * @param csv      the file's bytes, UTF-8
     * @param location where they came from, for messages and provenance
     * @return the vector
     */
    static PascalVocGroundTruth parse(byte[] csv, String location) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        boolean header = false;
        String[] lines = new String(csv, StandardCharsets.UTF_8).split("\\R");
        for (int ln = 0; ln < lines.length; ln++) {
            String line = lines[ln].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (!header) {
                if (!line.equals("source,miou")) {
                    throw new DdsInputException(location + " line " + (ln + 1) + ": expected the header 'source,miou'"
                            + " but found '" + line + "'");
                }
                header = true;
                continue;
            }
            if (cells.length != 2) {
                throw new DdsInputException(location + " line " + (ln + 1) + ": expected 'source,miou' but found '"
                        + line + "'");
            }
            try {
                values.add(Double.parseDouble(cells[1].strip()));
            } catch (NumberFormatException e) {
                throw new DdsInputException(location + " line " + (ln + 1) + ": mIoU '" + cells[1]
                        + "' is not a number", e);
            }
            names.add(cells[0].strip());
        }
        if (names.size() != SOURCES) {
            throw new DdsInputException(location + " holds " + names.size() + " sources but the published Pascal VOC"
                    + " ground truth has " + SOURCES);
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        return new PascalVocGroundTruth(names, v,
                new GroundTruthSource("Pascal VOC transfer mIoU (paper Table 4)", location,
                        Sha256.of(csv)));
    }

    /** @return a copy of the mIoU values, aligned with {@link #sources()} */
    @Override
    public double[] miou() {
        return miou.clone();
    }

    /**
     * @param sourceModel a source feature-model name
     * @return its transfer mIoU
     * @throws DdsInputException naming the sources if it has none
     */
    public double miou(String sourceModel) {
        int i = sources.indexOf(sourceModel);
        if (i < 0) {
            throw new DdsInputException("no Pascal VOC ground truth for source '" + sourceModel + "': it exists for "
                    + String.join(", ", sources));
        }
        return miou[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PascalVocGroundTruth p && sources.equals(p.sources) && Arrays.equals(miou, p.miou)
                && source.equals(p.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sources, Arrays.hashCode(miou), source);
    }

    @Override
    public String toString() {
        return "PascalVocGroundTruth(" + sources.size() + " sources, " + source + ")";
    }
}
