package io.zklayer.zk.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.zk.field.Fr;
import io.zklayer.zk.r1cs.ConstraintSystem;
import io.zklayer.zk.r1cs.LinearCombination;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class CircuitWriterTest {
    @Test
    void signBitsCoverTheIntervalWithTheLeastPowerOfTwo() {
        assertThat(CircuitWriter.signBits(Interval.of(0, 0))).isZero();
        assertThat(CircuitWriter.signBits(Interval.of(-1, 0))).isZero();
        assertThat(CircuitWriter.signBits(Interval.of(-2, 0))).isEqualTo(1);
        assertThat(CircuitWriter.signBits(Interval.of(0, 1))).isEqualTo(1);
        assertThat(CircuitWriter.signBits(Interval.of(-128, 127))).isEqualTo(7);
        assertThat(CircuitWriter.signBits(Interval.of(-129, 127))).isEqualTo(8);
        assertThat(CircuitWriter.signBits(Interval.of(0, 128))).isEqualTo(8);
    }

    /**
     * Exhaustive soundness of the sign test for v ∈ [−4, 3] (k = 2, 3 bits): over every value of v in a
     * window much wider than the range and every assignment of the bit wires from {−1, 0, 1, 2}, the
     * constraints hold only when v is in range and the bits are the offset binary of v, so the result bit
     * is [v ≥ 0].
     */
    @Test
    void signTestAcceptsExactlyTheTrueBitsForInRangeValuesAndNothingElse() {
        CircuitWriter c = new CircuitWriter();
        LinearCombination v = c.privateWire(Fr.of(-3));
        LinearCombination bit = c.isNonNegative(v, Interval.of(-4, 3), "v");
        ConstraintSystem cs = c.system();
        Fr[] w = c.witness();
        assertThat(w).hasSize(5);
        int accepted = 0;
        for (int value = -20; value <= 20; value++) {
            for (int digits = 0; digits < 64; digits++) {
                w[1] = Fr.of(value);
                int[] b = new int[3];
                for (int i = 0; i < 3; i++) {
                    b[i] = ((digits >> (2 * i)) & 3) - 1;
                    w[2 + i] = Fr.of(b[i]);
                }
                if (cs.isSatisfiedBy(w)) {
                    accepted++;
                    assertThat(value).isBetween(-4, 3);
                    assertThat(b).containsExactly((value + 4) & 1, ((value + 4) >> 1) & 1, ((value + 4) >> 2) & 1);
                    assertThat(bit.evaluate(w)).isEqualTo(value >= 0 ? Fr.ONE : Fr.ZERO);
                }
            }
        }
        assertThat(accepted).isEqualTo(8);
    }

    @Test
    void signTestRefusesAnHonestValueOutsideItsBoundAsABug() {
        CircuitWriter c = new CircuitWriter();
        LinearCombination v = c.privateWire(Fr.of(9));
        assertThatThrownBy(() -> c.isNonNegative(v, Interval.of(-4, 3), "v"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("v = 9 is outside its bound");
    }

    @Test
    void selectPicksByTheBitWithOneConstraint() {
        CircuitWriter c = new CircuitWriter();
        LinearCombination one = c.privateWire(Fr.ONE);
        LinearCombination zero = c.privateWire(Fr.ZERO);
        LinearCombination a = CircuitWriter.constant(-7);
        LinearCombination b = CircuitWriter.constant(BigInteger.valueOf(12));
        LinearCombination s1 = c.select(one, a, b);
        LinearCombination s0 = c.select(zero, a, b);
        Fr[] w = c.witness();
        assertThat(s1.evaluate(w)).isEqualTo(Fr.of(-7));
        assertThat(s0.evaluate(w)).isEqualTo(Fr.of(12));
        assertThat(c.system().constraints()).hasSize(2);
        assertThat(c.system().isSatisfiedBy(w)).isTrue();
    }
}
