package org.dds.groundtruth.pascal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.dds.core.DdsInputException;
import org.junit.jupiter.api.Test;

class PascalVocGroundTruthTest {

    @Test
    void holdsTheSeventeenPublishedValuesInTheirSourceOrder() {
        PascalVocGroundTruth gt = PascalVocGroundTruth.load();
        // Order and values from published/paper_tables.md, Table 4 ("Pascal VOC ground truth").
        assertThat(gt.sources()).containsExactly("autoencoder", "class_1000", "class_places", "curvature", "edge2d",
                "edge3d", "keypoint2d", "keypoint3d", "reshade", "rgb2depth", "rgb2mist", "rgb2sfnorm", "room_layout",
                "segment25d", "segment2d", "segmentsemantic", "vanishing_point");
        assertThat(gt.miou()).hasSize(17).containsExactly(0.590164306133055, 0.649290395668602,
                0.652942936208706, 0.647184483742267, 0.600769184861427, 0.649696268320798, 0.5994201374950169,
                0.647529319500711, 0.6300454561362, 0.6487250234464327, 0.643817731132111, 0.647786678981121,
                0.625850319733945, 0.656534260134841, 0.629964850307006, 0.648764305659868, 0.589181267604318);
        assertThat(gt.miou()[0]).as("first value, autoencoder (paper_tables.md)").isEqualTo(0.590164306133055);
        assertThat(gt.miou("vanishing_point")).as("last value (paper_tables.md)").isEqualTo(0.589181267604318);
        assertThat(gt.source().location()).endsWith("pascal_voc_transfer_miou.csv");
    }

    @Test
    void resourceCitesItsOrigin() throws Exception {
        try (var in = PascalVocGroundTruth.class.getResourceAsStream(PascalVocGroundTruth.RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text.lines().findFirst().orElseThrow()).startsWith("#")
                    .contains("published/paper_tables.md, Table 4");
        }
    }

    @Test
    void refusesMalformedFiles() {
        assertThatThrownBy(() -> parse("# c\nsource,miou\nedge2d,abc\n"))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("t.csv line 3: mIoU 'abc' is not a number");
        assertThatThrownBy(() -> parse("name,value\n"))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("expected the header 'source,miou'");
        assertThatThrownBy(() -> parse("source,miou\nedge2d,0.5\n"))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("holds 1 sources but")
                .hasMessageContaining("has 17");
        assertThatThrownBy(() -> parse("source,miou\n" + "edge2d,0.5\n".repeat(17)))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("'edge2d' appears twice");
    }

    private static PascalVocGroundTruth parse(String csv) {
        return PascalVocGroundTruth.parse(csv.getBytes(StandardCharsets.UTF_8), "t.csv");
    }
}
