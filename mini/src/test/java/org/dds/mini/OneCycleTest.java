package org.dds.mini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.schedule.ISchedule;

class OneCycleTest {
    @Test
    void warmsUpLinearlyThenDecaysAlongACosine() {
        // Peak 0.01, warm-up 0.2 of 11 steps: round(2.2) = 2 warm-up steps from 0.001; then 8 steps of cosine decay
        // from 0.01 to 1e-5 (hand values: step 6 is half-way, 1e-5 + (0.01 - 1e-5) / 2 = 0.005005).
        OneCycle c = new OneCycle(0.01, 0.2);
        assertThat(c.valueAt(0, 11)).isCloseTo(0.001, within(1e-15));
        assertThat(c.valueAt(1, 11)).isCloseTo(0.0055, within(1e-15));
        assertThat(c.valueAt(2, 11)).isCloseTo(0.01, within(1e-15));
        assertThat(c.valueAt(6, 11)).isCloseTo(0.005005, within(1e-15));
        assertThat(c.valueAt(10, 11)).isCloseTo(1e-5, within(1e-15));
    }

    @Test
    void theDl4jScheduleHoldsTheSameValuesPerIteration() {
        OneCycle c = new OneCycle(4e-3, OneCycle.WARMUP);
        ISchedule s = c.schedule(375);
        for (int i = 0; i < 375; i++) {
            assertThat(s.valueAt(i, 0)).isEqualTo(c.valueAt(i, 375));
        }
    }

    @Test
    void refusesANonPositivePeakOrAWarmUpOfTheWholeRun() {
        assertThatThrownBy(() -> new OneCycle(0, 0.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OneCycle(1e-3, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
