package io.zklayer.zk.groth16;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.zk.Vectors;
import io.zklayer.zk.curve.G1Endomorphism;
import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.field.Fr;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchVerifierTest {
    private static final byte[] SEED = "parent block hash".getBytes(StandardCharsets.UTF_8);

    /** 64 valid proofs cycling through the 15 snarkjs proofs of the three circuits (three keys). */
    static List<BatchVerifier.Item> sixtyFourValidItems() {
        List<BatchVerifier.Item> pool = new ArrayList<>();
        for (String circuit : new String[] {"dot2", "lt", "mlp"}) {
            PreparedVerifyingKey key = SnarkjsVectorsTest.key(circuit);
            for (int k = 1; k <= 5; k++) {
                pool.add(new BatchVerifier.Item(key,
                        SnarkjsJson.readProof(Vectors.text("snarkjs/" + circuit + "/proofs/proof_" + k + ".json")),
                        SnarkjsJson.readPublicSignals(Vectors.text("snarkjs/" + circuit + "/proofs/public_" + k + ".json"))));
            }
        }
        List<BatchVerifier.Item> items = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            items.add(pool.get(i % pool.size()));
        }
        return items;
    }

    @Test
    void acceptsSixtyFourValidProofsOfThreeKeys() {
        BatchVerifier.BatchResult r = BatchVerifier.verify(sixtyFourValidItems(), SEED);
        assertThat(r.allValid()).isTrue();
        assertThat(r.results()).hasSize(64);
    }

    @Test
    void namesTheOneBadProofAmongSixtyFour() {
        List<BatchVerifier.Item> items = sixtyFourValidItems();
        BatchVerifier.Item good = items.get(37);
        Proof p = good.proof();
        Proof bad = new Proof(p.a(), p.b(), p.c().add(G1Point.GENERATOR));
        items.set(37, new BatchVerifier.Item(good.key(), bad, good.publicSignals()));
        BatchVerifier.BatchResult r = BatchVerifier.verify(items, SEED);
        assertThat(r.allValid()).isFalse();
        assertThat(r.invalidIndexes()).containsExactly(37);
        assertThat(r.results().get(37)).isInstanceOf(VerificationResult.Invalid.class);
    }

    @Test
    void rejectsTwoProofsWhoseErrorsWouldCancelWithoutRandomizers() {
        // proof 0 with C + G and proof 1 (same key, same proof) with C − G: the plain sum cancels.
        List<BatchVerifier.Item> base = sixtyFourValidItems();
        BatchVerifier.Item it = base.get(0);
        Proof p = it.proof();
        List<BatchVerifier.Item> items = List.of(
                new BatchVerifier.Item(it.key(), new Proof(p.a(), p.b(), p.c().add(G1Point.GENERATOR)), it.publicSignals()),
                new BatchVerifier.Item(it.key(), new Proof(p.a(), p.b(), p.c().sub(G1Point.GENERATOR)), it.publicSignals()));
        assertThat(BatchVerifier.verify(items, SEED).invalidIndexes()).containsExactly(0, 1);
    }

    @Test
    void wrongSignalCountIsRejectedWithoutDisturbingTheOthers() {
        List<BatchVerifier.Item> items = new ArrayList<>(sixtyFourValidItems().subList(0, 4));
        BatchVerifier.Item it = items.get(2);
        List<Fr> fewer = it.publicSignals().subList(0, it.publicSignals().size() - 1);
        items.set(2, new BatchVerifier.Item(it.key(), it.proof(), fewer));
        BatchVerifier.BatchResult r = BatchVerifier.verify(items, SEED);
        assertThat(r.invalidIndexes()).containsExactly(2);
        assertThat(((VerificationResult.Invalid) r.results().get(2)).reason()).isEqualTo(VerificationResult.Reason.PUBLIC_SIGNAL_COUNT);
    }

    @Test
    void randomizersAreDeterministicInTheSeed() {
        assertThat(BatchVerifier.randomizer(SEED, 5)).isEqualTo(BatchVerifier.randomizer(SEED, 5));
        assertThat(BatchVerifier.randomizer(SEED, 5)).isNotEqualTo(BatchVerifier.randomizer(SEED, 6));
        long[] halves = BatchVerifier.randomizerHalves(SEED, 5);
        assertThat(BatchVerifier.randomizer(SEED, 5)).isEqualTo(G1Endomorphism.scalar(halves[0], halves[1]));
    }
}
