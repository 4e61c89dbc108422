package org.dds.experiments.bench.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/** The PyTorch peer's JSON lines, as {@code torch_peer.py} prints them (json.dumps). */
class TrainBenchmarkTest {
    @Test
    void readsAPeerLine() throws IOException {
        TrainBenchmark.Row row = TrainBenchmark.peerRow("{\"net\": \"resnet50-deeplabv3\", \"block\": 3,"
                + " \"images_per_second\": 12.5, \"mean\": 1.1e1, \"peak_rss_mib\": 2048.0}");
        assertThat(row.net()).as("net").isEqualTo("resnet50-deeplabv3");
        assertThat(row.block()).as("block").isEqualTo(3);
        assertThat(row.images()).as("fastest step").isEqualTo(12.5);
        assertThat(row.meanImages()).as("mean").isEqualTo(11.0);
        assertThat(row.peakMib()).as("peak RSS").isEqualTo(2048.0);
    }

    @Test
    void namesTheMissingField() {
        assertThatThrownBy(() -> TrainBenchmark.peerRow("{\"net\": \"small-resnet\", \"block\": 0}"))
                .isInstanceOf(IOException.class).hasMessageContaining("images_per_second");
    }
}
