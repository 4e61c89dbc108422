package org.dds.experiments.features;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.dds.core.DdsInputException;
import org.dds.experiments.ExperimentContext;
import org.dds.experiments.RequiredInput;

/**
 * Stand-in for the authors' feature files {@code taskonomy_pascal_feats_<dataset>.npy} (Dwivedi et al., ECCV 2020):
 * looked for under {@code --features DIR}, else under the directory named by {@code DDS_FEATURES}. Replaced by the
 * real class when the branches are merged.
 */
public final class AuthorsFeatures {
    private static final List<String> DATASETS = List.of("taskonomy_5000", "pascal_5000", "nyuv2");

    private AuthorsFeatures() {
    }

    /**
     * @param context where to look
     * @param dataset taskonomy_5000, pascal_5000 or nyuv2
     * @return the file, if it is there
     */
    public static Optional<Path> locate(ExperimentContext context, String dataset) {
        return input(dataset).locate(context);
    }

    /**
     * @param dataset taskonomy_5000, pascal_5000 or nyuv2
     * @return the requirement for that dataset's feature file
     */
    public static RequiredInput input(String dataset) {
        if (!DATASETS.contains(dataset)) {
            throw new DdsInputException("unknown image set '" + dataset + "': expected one of "
                    + String.join(", ", DATASETS));
        }
        String file = "taskonomy_pascal_feats_" + dataset + ".npy";
        return new RequiredInput("the authors' features on " + dataset + " images (" + file + ")",
                c -> c.features().or(AuthorsFeatures::environment).map(d -> d.resolve(file)),
                "pass --features DIR (or set DDS_FEATURES) naming a directory that holds " + file);
    }

    private static Optional<Path> environment() {
        String dir = System.getenv("DDS_FEATURES");
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
    }
}
