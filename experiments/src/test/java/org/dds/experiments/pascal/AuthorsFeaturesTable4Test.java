package org.dds.experiments.pascal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.dds.experiments.ExperimentContext;
import org.dds.experiments.features.AuthorsFeatures;
import org.dds.groundtruth.files.GroundTruthLocator;
import org.dds.reports.ExperimentResult;
import org.dds.reports.PublishedValue;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Paper Table 4 on the authors' real features, for users who have them: set {@code DDS_FEATURES} to the directory
 * holding {@code taskonomy_pascal_feats_<image set>.npy}. Skipped with a printed reason otherwise.
 *
 * <p>The paper's draws came from numpy and cannot be reproduced, so a mean is asserted to lie within the paper's
 * reported sd of the paper's mean (paper Table 4), and on Pascal VOC images the notebook's mean of every f within the
 * sd measured here (the notebook prints no sd).
 */
class AuthorsFeaturesTable4Test {
    @ParameterizedTest
    @EnumSource(ImageSet.class)
    void reproducesPaperTable4WithinTheReportedSd(ImageSet set) {
        ExperimentContext context = new ExperimentContext(GroundTruthLocator.system().locate(), Optional.empty(),
                false, 1993, System.out::println);
        if (AuthorsFeatures.locate(context, set.id()).isEmpty()) {
            String reason = "skipped: DDS_FEATURES does not name a directory holding taskonomy_pascal_feats_"
                    + set.id() + ".npy (the authors' features; this test is for users who have them)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        ExperimentResult r = new Table4(set).run(context);
        assertThat(r.tables().get(0).published()).as("published values").isNotEmpty();
        for (PublishedValue v : r.tables().get(0).published()) {
            assertThat(Math.abs(v.difference())).as("%s: reproduced %s, published %s (%s)", v.quantity(),
                    v.reproduced(), v.published(), v.reference()).isLessThanOrEqualTo(v.tolerance());
        }
    }
}
