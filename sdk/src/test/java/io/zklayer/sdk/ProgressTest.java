package io.zklayer.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void aTimedStepReportsItsStartAndDurationAndReturnsTheResult() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Progress p = lines::add;
        assertThat(p.timed("setup", "keys for 10 constraints", () -> 42)).isEqualTo(42);
        assertThat(lines.get(0)).isEqualTo("setup: keys for 10 constraints");
        assertThat(lines.get(lines.size() - 1)).matches("setup: done in \\d+\\.\\d s");
    }

    @Test
    void aFailedStepIsReportedAndRethrown() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Progress p = lines::add;
        assertThatThrownBy(() -> p.timed("prove", "x", () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(lines.get(lines.size() - 1)).startsWith("prove: failed after ");
    }

    @Test
    void secondsHaveOneDecimal() {
        assertThat(Progress.seconds(21_349_000_000L)).isEqualTo("21.3 s");
    }
}
