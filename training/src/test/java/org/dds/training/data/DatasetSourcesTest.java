package org.dds.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dds.core.DdsInputException;
import org.dds.training.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Datasets}: names, tasks and epochs of paper Table 5's datasets. */
class DatasetSourcesTest {
    @ParameterizedTest
    @EnumSource(Datasets.class)
    void parsesItsOwnName(Datasets d) {
        assertThat(Datasets.parse(d.source().name().toUpperCase(java.util.Locale.ROOT))).isEqualTo(d);
        assertThat(d.source().tasks()).as("every dataset has semantic labels").contains(Task.SEMANTIC);
    }

    @Test
    void hasThePapersTasksAndEpochs() {
        assertThat(Datasets.NYUV2.source().tasks()).containsExactlyInAnyOrder(Task.EDGE, Task.DEPTH, Task.SEMANTIC);
        assertThat(Datasets.PASCAL.source().tasks()).containsExactlyInAnyOrder(Task.EDGE, Task.NORMALS,
                Task.SEMANTIC);
        assertThat(Datasets.NYUV2.source().paperEpochs()).isEqualTo(200);
        assertThat(Datasets.PASCAL.source().paperEpochs()).isEqualTo(60);
        assertThatThrownBy(() -> Datasets.parse("coco")).isInstanceOf(DdsInputException.class)
                .hasMessage("unknown dataset 'coco': expected one of nyuv2 or pascal");
    }
}
