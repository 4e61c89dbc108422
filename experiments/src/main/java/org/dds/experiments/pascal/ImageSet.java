package org.dds.experiments.pascal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.dds.core.DdsInputException;
import org.dds.experiments.RequiredInput;
import org.dds.experiments.features.AuthorsFeatures;

/**
 * The three image sets of paper Table 4, one column each: the images the 21 feature models (20 Taskonomy encoders
 * and the Pascal VOC segmentation model) were run on. The ids are those of the authors' feature files,
 * {@code taskonomy_pascal_feats_<id>.npy}.
 */
public enum ImageSet {
    /** 5000 Taskonomy images. */
    TASKONOMY("taskonomy_5000", "Taskonomy images"),
    /** 5000 Pascal VOC images. */
    PASCAL("pascal_5000", "Pascal VOC images"),
    /** The 1449 images of the NYUv2 labelled set. */
    NYUV2("nyuv2", "NYUv2 images");

    private final String id;
    private final String label;

    ImageSet(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** @return the authors' dataset id, e.g. {@code pascal_5000} */
    public String id() {
        return id;
    }

    /** @return the paper's column heading, e.g. "Pascal VOC images" */
    public String label() {
        return label;
    }

    /**
     * @param id a dataset id, any case
     * @return the image set
     * @throws DdsInputException listing the ids if there is none such
     */
    public static ImageSet parse(String id) {
        String s = id.trim().toLowerCase(Locale.ROOT);
        for (ImageSet set : values()) {
            if (set.id.equals(s)) {
                return set;
            }
        }
        throw new DdsInputException("unknown image set '" + id + "': expected one of "
                + Arrays.stream(values()).map(ImageSet::id).collect(Collectors.joining(", ")));
    }

    /**
     * Where the features of an image set are: the authors' file, else a directory named after the image set beside
     * where that file would be.
     *
     * @return the requirement
     */
    public RequiredInput input() {
        RequiredInput file = AuthorsFeatures.input(id);
        return new RequiredInput(file.description(), c -> {
            Optional<Path> authors = file.locator().apply(c);
            if (authors.isPresent() && Files.exists(authors.get())) {
                return authors;
            }
            Optional<Path> directory = authors.map(p -> p.resolveSibling(id)).filter(Files::isDirectory);
            return directory.isPresent() ? directory : authors;
        }, p -> file.howToGet().apply(p) + " (a directory " + id + "/ beside it with one <model>.npy per model,"
                + " the 20 Taskonomy models and " + PascalBootstrap.TARGET + ", works too)");
    }
}
