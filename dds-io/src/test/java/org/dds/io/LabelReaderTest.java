package org.dds.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureMatrix;
import org.dds.core.transfer.TargetKind;
import org.dds.core.transfer.TargetLabels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labels from .npy and .csv: which kind each layout is read as, the override, and the refusals. */
class LabelReaderTest {
    @TempDir
    Path dir;

    @Test
    void csvIntegersAreClassesAndAHeaderIsSkipped() throws IOException {
        Path f = Files.writeString(dir.resolve("y.csv"), "label\n3\n-1\n3\n-1\n");
        TargetLabels y = LabelReader.read(f, Optional.empty());
        assertThat(y.kind()).isEqualTo(TargetKind.CLASSIFICATION);
        assertThat(y.classNames()).containsExactly(-1, 3);
        assertThat(y.classIndices()).containsExactly(1, 0, 1, 0);
    }

    @Test
    void csvDecimalsOrSeveralColumnsAreRegressionAndTheKindCanBeForced() throws IOException {
        Path one = Files.writeString(dir.resolve("t.csv"), "0.5\n1.5\n2\n");
        assertThat(LabelReader.read(one, Optional.empty()).kind()).isEqualTo(TargetKind.REGRESSION);
        Path two = Files.writeString(dir.resolve("t2.csv"), "1,2\n3,4\n5,7\n");
        TargetLabels y = LabelReader.read(two, Optional.empty());
        assertThat(y.targetCount()).isEqualTo(2);
        assertThat(y.values()[2]).containsExactly(5, 7);
        Path ints = Files.writeString(dir.resolve("i.csv"), "1\n2\n3\n");
        assertThat(LabelReader.read(ints, Optional.of(TargetKind.REGRESSION)).kind())
                .isEqualTo(TargetKind.REGRESSION);
    }

    @Test
    void npyFloatsAreRegressionTargets() throws IOException {
        Path f = dir.resolve("t.npy");
        NpyWriter.write(f, FeatureMatrix.of("t", new double[][] {{0.5, 1}, {1.5, 0}, {2, 3}}));
        TargetLabels y = LabelReader.read(f, Optional.empty());
        assertThat(y.kind()).isEqualTo(TargetKind.REGRESSION);
        assertThat(y.values()[1]).containsExactly(1.5, 0);
        // Whole-number floats read as classes on request; fractional ones are refused as classes.
        Path whole = dir.resolve("w.npy");
        NpyWriter.write(whole, FeatureMatrix.of("w", new double[][] {{1}, {2}, {1}, {2}}));
        assertThat(LabelReader.read(whole, Optional.of(TargetKind.CLASSIFICATION)).classCount()).isEqualTo(2);
        assertThatThrownBy(() -> LabelReader.read(f, Optional.of(TargetKind.CLASSIFICATION)))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("2 values per image");
    }

    @Test
    void refusals() throws IOException {
        assertThatThrownBy(() -> LabelReader.read(dir.resolve("none.csv"), Optional.empty()))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("does not exist");
        Path txt = Files.writeString(dir.resolve("y.txt"), "1\n");
        assertThatThrownBy(() -> LabelReader.read(txt, Optional.empty()))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("is neither .npy nor .csv");
        Path ragged = Files.writeString(dir.resolve("r.csv"), "1,2\n3\n");
        assertThatThrownBy(() -> LabelReader.read(ragged, Optional.empty()))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("1 values in data row 2 but 2");
        Path single = Files.writeString(dir.resolve("s.csv"), "1\n1\n2\n");
        assertThatThrownBy(() -> LabelReader.read(single, Optional.empty()))
                .isInstanceOf(DdsInputException.class)
                .hasMessageStartingWith("labels file '" + single + "': class 2 of the labels has a single image");
    }
}
