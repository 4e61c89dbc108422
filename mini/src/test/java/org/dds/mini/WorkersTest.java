package org.dds.mini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dds.core.DdsInputException;
import org.junit.jupiter.api.Test;

class WorkersTest {
    @Test
    void everyJobRunsOnceWhateverTheNumberOfThreads() {
        for (int threads : new int[] {1, 2, 5}) {
            int[] runs = new int[7];
            Workers.run(7, threads, i -> runs[i]++);
            assertThat(runs).containsOnly(1);
        }
    }

    @Test
    void theFirstFailureIsRethrownAsItWasThrown() {
        assertThatThrownBy(() -> Workers.run(4, 2, i -> {
            if (i >= 2) {
                throw new DdsInputException("job " + i + " failed");
            }
        })).isInstanceOf(DdsInputException.class).hasMessage("job 2 failed");
    }
}
