package io.zklayer.zk.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.model.Dense;
import io.zklayer.primitives.model.InputSpec;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.poseidon.Poseidon;
import io.zklayer.zk.poseidon.PoseidonParameters;
import io.zklayer.zk.r1cs.CircuitBuilder;
import io.zklayer.zk.r1cs.LinearCombination;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommitmentTest {
    private static QuantizedModel oneLayer(byte[] weights, int[] bias) {
        return new QuantizedModel(new InputSpec(List.of(weights.length / bias.length), -128, 127),
                List.of(new Dense(weights.length / bias.length, bias.length, weights, bias, 1, 0, false, -1000, 1000)),
                new OutputSpec.Logits());
    }

    @Test
    void weightCommitmentMatchesTheDocumentedExample() {
        QuantizedModel model = oneLayer(new byte[] {1, -1}, new int[] {5});
        Fr header = Fr.fromBigInteger(BigInteger.valueOf(0x5a4b4c57L).shiftLeft(64).add(BigInteger.valueOf(3)));
        assertThat(129 + 127L * 256 + 2147483653L * 65536).isEqualTo(140737488715649L);
        assertThat(WeightCommitment.of(model)).isEqualTo(Poseidon.hash(header, Fr.of(140737488715649L)));
    }

    @Test
    void inputCommitmentMatchesTheDocumentedExample() {
        Fr header = Fr.fromBigInteger(BigInteger.valueOf(0x5a4b4c58L).shiftLeft(64).add(BigInteger.valueOf(2)));
        assertThat(InputCommitment.of(new byte[] {0, 16})).isEqualTo(Poseidon.hash(header, Fr.of(36992)));
    }

    @Test
    void emptyInputIsOneHashOfTheHeader() {
        Fr header = Fr.fromBigInteger(BigInteger.valueOf(0x5a4b4c58L).shiftLeft(64));
        assertThat(InputCommitment.of(new byte[0])).isEqualTo(Poseidon.hash(header));
    }

    @Test
    void packerPutsThirtyOneBytesOrSevenWordsInAnElementAndNeverSplitsALane() {
        LanePacker p = new LanePacker();
        for (int i = 0; i < 31; i++) {
            assertThat(p.place(8)).isEqualTo(8 * i);
            assertThat(p.currentElement()).isZero();
        }
        assertThat(p.place(8)).isZero();
        assertThat(p.currentElement()).isEqualTo(1);
        LanePacker q = new LanePacker();
        for (int i = 0; i < 7; i++) {
            assertThat(q.place(32)).isEqualTo(32 * i);
        }
        assertThat(q.place(32)).isZero();
        assertThat(q.elementCount()).isEqualTo(2);
        LanePacker r = new LanePacker();
        r.place(8);
        r.place(240);
        assertThat(r.place(8)).isZero();
        assertThat(r.currentElement()).isEqualTo(1);
    }

    @Test
    void everySingleParameterChangeChangesTheWeightCommitment() {
        Random random = new Random(61);
        byte[] w = new byte[40];
        random.nextBytes(w);
        int[] b = {7, -9, 1 << 30, Integer.MIN_VALUE};
        Set<Fr> seen = new HashSet<>();
        seen.add(WeightCommitment.of(oneLayer(w, b)));
        for (int k = 0; k < w.length; k++) {
            byte[] w2 = w.clone();
            w2[k] = (byte) -w2[k] == w2[k] ? (byte) (w2[k] + 1) : (byte) -w2[k];
            assertThat(seen.add(WeightCommitment.of(oneLayer(w2, b)))).as("weight %d", k).isTrue();
        }
        for (int j = 0; j < b.length; j++) {
            int[] b2 = b.clone();
            b2[j] ^= 1;
            assertThat(seen.add(WeightCommitment.of(oneLayer(w, b2)))).as("bias %d", j).isTrue();
        }
    }

    @Test
    void weightAndInputCommitmentsOfTheSameBytesDiffer() {
        byte[] x = {1, 2, 3};
        QuantizedModel model = oneLayer(x, new int[] {0});
        assertThat(WeightCommitment.of(model)).isNotEqualTo(InputCommitment.of(new byte[] {1, 2, 3, 0, 0, 0, 0}));
        assertThat(InputCommitment.of(new byte[] {0})).isNotEqualTo(InputCommitment.of(new byte[] {0, 0}));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 9, 15, 16})
    void leanPoseidonGadgetComputesCircomlibPoseidonWithSboxAndFewLinearConstraints(int n) {
        Random random = new Random(n);
        List<Fr> values = new ArrayList<>();
        CircuitBuilder b = new CircuitBuilder();
        List<LinearCombination> inputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(Fr.random(random));
            inputs.add(b.privateInput(values.get(i)));
        }
        LinearCombination out = LeanPoseidonGadget.hash(b, inputs);
        assertThat(b.value(out)).isEqualTo(Poseidon.hash(values));
        assertThat(b.system().isSatisfiedBy(b.witness())).isTrue();
        PoseidonParameters p = PoseidonParameters.forInputs(n);
        assertThat(b.system().constraints()).hasSize(3 * (8 * p.width + p.partialRounds) + p.partialRounds + p.width);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 14, 15, 16, 30, 31, 46})
    void poseidonChainInTheCircuitEqualsTheNativeChain(int n) {
        Random random = new Random(100 + n);
        List<Fr> values = new ArrayList<>();
        CircuitBuilder b = new CircuitBuilder();
        List<LinearCombination> elements = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(Fr.random(random));
            elements.add(b.privateInput(values.get(i)));
        }
        LinearCombination out = PoseidonChain.hash(b, 7, n, elements);
        assertThat(b.value(out)).isEqualTo(PoseidonChain.hash(7, n, values));
        assertThat(b.system().isSatisfiedBy(b.witness())).isTrue();
        assertThat(PoseidonChain.hash(7, n, values)).isNotEqualTo(PoseidonChain.hash(8, n, values));
        assertThat(PoseidonChain.hash(7, n, values)).isNotEqualTo(PoseidonChain.hash(7, n + 1L, values));
    }
}
