package io.zklayer.sdk.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RequantizationTest {
    @Test
    void matchesTheDocumentedExample() {
        Requantization r = Requantization.of(0.0123);
        assertThat(r.shift()).isEqualTo(22);
        assertThat(r.multiplier()).isEqualTo((int) Math.round(0.0123 * (1 << 22)));
        assertThat(r.multiplier()).isBetween(1 << 15, 1 << 16);
    }

    @Property(tries = 500)
    void approximatesTheScaleWithin16BitPrecision(@ForAll @DoubleRange(min = 1, max = 2) double mantissa,
            @ForAll @IntRange(min = -40, max = 13) int exponent) {
        double scale = Math.scalb(mantissa, exponent);
        Requantization r = Requantization.of(scale);
        assertThat(Math.abs(r.value() - scale) / scale).isLessThan(1.0 / (1 << 15));
        assertThat(r.shift()).isBetween(0, 62);
    }

    @Test
    void rejectsUnusableScales() {
        assertThatThrownBy(() -> Requantization.of(0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> Requantization.of(Double.NaN)).hasMessageContaining("positive");
        assertThatThrownBy(() -> Requantization.of(1e12)).hasMessageContaining("too large");
    }
}
