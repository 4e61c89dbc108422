package org.dds.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dds.io.Sha256;
import org.dds.core.DdsInputException;
import org.dds.groundtruth.GroundTruthSource;
import org.dds.groundtruth.files.GroundTruthLocation;
import org.dds.reports.ExperimentResult;
import org.dds.reports.ResultTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running a registry: what runs, what is skipped and why, which inputs are hashed. */
class ReproductionTest {

    /** An experiment that needs one file and reports its size, or fails as told. */
    private record Fake(String name, String file, boolean unusable) implements Experiment {
        @Override
        public String paperReference() {
            return "nowhere";
        }

        @Override
        public List<RequiredInput> requiredInputs() {
            return List.of(new RequiredInput("the " + file + " file",
                    c -> Optional.of(c.groundTruthDirectory().resolve(file)), "create it"));
        }

        @Override
        public ExperimentResult run(ExperimentContext context) {
            if (unusable) {
                throw new DdsInputException(file + " is garbage: write it again");
            }
            return new ExperimentResult(name, paperReference(), "ran",
                    List.of(ResultTable.inferred(name, "t", List.of("x"), List.of(List.of(1)))));
        }
    }

    @Test
    void runsWhatItCanAndSaysWhyTheRestWasSkipped(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("here.txt"), "abc");
        Files.writeString(dir.resolve("bad.txt"), "x");
        List<String> progress = new ArrayList<>();
        ExperimentContext context = new ExperimentContext(new GroundTruthLocation(dir,
                GroundTruthLocation.Origin.ARGUMENT), Optional.empty(), true, 1, progress::add);

        Reproduction.Outcome o = Reproduction.run(List.of(new Fake("one", "here.txt", false),
                new Fake("two", "absent.txt", false), new Fake("three", "bad.txt", true),
                new Fake("four", "here.txt", false)), context);

        assertThat(o.results()).extracting(ExperimentResult::name).containsExactly("one", "four");
        assertThat(o.skipped()).hasSize(2);
        assertThat(o.skipped().get(0).name()).isEqualTo("two");
        assertThat(o.skipped().get(0).reason())
                .isEqualTo("the absent.txt file: " + dir.resolve("absent.txt") + " does not exist; create it");
        assertThat(o.skipped().get(1).reason()).isEqualTo("unusable input: bad.txt is garbage: write it again");
        assertThat(o.inputs()).as("each input once, with its SHA-256").hasSize(1);
        assertThat(o.inputs().get(0).path()).isEqualTo(dir.resolve("here.txt").toString());
        assertThat(o.inputs().get(0).sha256()).isEqualTo(Sha256.of("abc".getBytes()));
        assertThat(progress).hasSize(4).allMatch(l -> l.startsWith("["));
    }

    @Test
    void everyRegisteredExperimentHasADistinctNameAndItsInputs() {
        List<String> names = Experiments.all().stream().map(Experiment::name).toList();
        assertThat(names).doesNotHaveDuplicates().contains("taskonomy-agreement");
        assertThat(Experiments.all()).allSatisfy(e -> assertThat(e.requiredInputs()).isNotEmpty());
    }
}
