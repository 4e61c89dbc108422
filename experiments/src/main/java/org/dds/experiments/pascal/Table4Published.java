package org.dds.experiments.pascal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dds.core.kernel.FunctionType;

/**
 * The published numbers Table 4 is checked against, from the resource {@value #RESOURCE}: paper Table 4 (mean and
 * sd for f = cosine and Laplacian on each image set) and the authors' Pascal VOC notebook (means for the six f on
 * Pascal VOC images).
 */
public final class Table4Published {
    /** The classpath resource holding the numbers. */
    public static final String RESOURCE = "/published/table4.csv";
    /** The reference of the paper's rows. */
    public static final String PAPER = "paper Table 4";
    /** The reference of the notebook's rows. */
    public static final String NOTEBOOK = "authors' Pascal VOC notebook";

    /**
     * One published number.
     *
     * @param reference where it is printed: {@link #PAPER} or {@link #NOTEBOOK}
     * @param imageSet  the image set
     * @param function  f
     * @param mean      the bootstrap mean of rho
     * @param sd        the bootstrap population sd, when printed
     */
    public record Entry(String reference, ImageSet imageSet, FunctionType function, double mean, OptionalDouble sd) {
    }

    private final List<Entry> entries;

    private Table4Published(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** @return the published numbers */
    public static Table4Published load() {
        try (InputStream in = Table4Published.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the published table " + RESOURCE + " is not on the class path");
            }
            List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setCommentMarker('#').get().parse(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getRecords();
            List<Entry> entries = new ArrayList<>();
            for (CSVRecord r : records) {
                String sd = r.get("sd").strip();
                entries.add(new Entry(r.get("reference"), ImageSet.parse(r.get("image_set")),
                        FunctionType.parse(r.get("f")), Double.parseDouble(r.get("mean")),
                        sd.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(sd))));
            }
            return new Table4Published(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the published table " + RESOURCE, e);
        }
    }

    /**
     * @param set an image set
     * @param f   a function
     * @return the paper's Table 4 entry, if the paper prints one
     */
    public Optional<Entry> paper(ImageSet set, FunctionType f) {
        return find(PAPER, set, f);
    }

    /**
     * @param set an image set
     * @param f   a function
     * @return the notebook's mean, if it prints one
     */
    public Optional<Entry> notebook(ImageSet set, FunctionType f) {
        return find(NOTEBOOK, set, f);
    }

    private Optional<Entry> find(String reference, ImageSet set, FunctionType f) {
        return entries.stream().filter(e -> e.reference().equals(reference) && e.imageSet() == set
                && e.function() == f).findFirst();
    }
}
