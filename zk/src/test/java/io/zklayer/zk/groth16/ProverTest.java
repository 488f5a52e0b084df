package io.zklayer.zk.groth16;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.zk.Vectors;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.r1cs.ConstraintSystem;
import io.zklayer.zk.r1cs.R1csFile;
import io.zklayer.zk.r1cs.WtnsFile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProverTest {
    @ParameterizedTest
    @ValueSource(strings = {"dot2", "lt"})
    void provesSnarkjsCircuitsFromR1csWtnsAndZkeyAndOurVerifierAccepts(String circuit) {
        ConstraintSystem cs = R1csFile.read(Vectors.bytes("snarkjs/" + circuit + "/" + circuit + ".r1cs")).system();
        ProvingKey pk = ZkeyFile.read(Vectors.bytes("snarkjs/" + circuit + "/" + circuit + "_final.zkey"));
        VerifyingKey fromJson = SnarkjsJson.readVerifyingKey(Vectors.text("snarkjs/" + circuit + "/verification_key.json"));
        assertThat(pk.verifyingKey()).isEqualTo(fromJson);
        PreparedVerifyingKey vk = PreparedVerifyingKey.of(fromJson);
        for (int k = 1; k <= 5; k++) {
            Fr[] w = WtnsFile.read(Vectors.bytes("snarkjs/" + circuit + "/proofs/witness_" + k + ".wtns"));
            assertThat(cs.isSatisfiedBy(w)).isTrue();
            List<Fr> pub = cs.publicSignals(w);
            assertThat(pub).isEqualTo(SnarkjsJson.readPublicSignals(Vectors.text("snarkjs/" + circuit + "/proofs/public_" + k + ".json")));
            Proof proof = Groth16Prover.prove(pk, w, Fr.of(1000 + k), Fr.of(2000 + k));
            assertThat(Groth16Prover.prove(PreparedProvingKey.of(pk), w, Fr.of(1000 + k), Fr.of(2000 + k))).isEqualTo(proof);
            assertThat(Groth16Verifier.verify(vk, proof, pub)).as("%s witness %d", circuit, k).isEqualTo(VerificationResult.VALID);
            List<Fr> wrong = new java.util.ArrayList<>(pub);
            wrong.set(0, wrong.get(0).add(Fr.ONE));
            assertThat(Groth16Verifier.verify(vk, proof, wrong).isValid()).isFalse();
        }
    }

    @Test
    void proofsWithRandomBlindingDifferButBothVerify() throws Exception {
        ProvingKey pk = ZkeyFile.read(Vectors.bytes("snarkjs/lt/lt_final.zkey"));
        PreparedVerifyingKey vk = PreparedVerifyingKey.of(pk.verifyingKey());
        Fr[] w = WtnsFile.read(Vectors.bytes("snarkjs/lt/proofs/witness_2.wtns"));
        java.security.SecureRandom rng = java.security.SecureRandom.getInstance("SHA1PRNG");
        rng.setSeed(99L); // seeded so the test is reproducible
        Proof one = Groth16Prover.prove(pk, w, rng);
        Proof two = Groth16Prover.prove(pk, w, rng);
        assertThat(one).isNotEqualTo(two);
        List<Fr> pub = List.of(java.util.Arrays.copyOfRange(w, 1, 1 + pk.publicCount()));
        assertThat(Groth16Verifier.verify(vk, one, pub).isValid()).isTrue();
        assertThat(Groth16Verifier.verify(vk, two, pub).isValid()).isTrue();
    }

    @Test
    void provesTheMlpCircuit() {
        ProvingKey pk = ZkeyFile.read(Vectors.sharedBytes("snarkjs/mlp/mlp_final.zkey"));
        PreparedVerifyingKey vk = PreparedVerifyingKey.of(SnarkjsJson.readVerifyingKey(Vectors.text("snarkjs/mlp/verification_key.json")));
        Fr[] w = WtnsFile.read(Vectors.sharedBytes("snarkjs/mlp/proofs/witness_1.wtns"));
        List<Fr> pub = List.of(java.util.Arrays.copyOfRange(w, 1, 1 + pk.publicCount()));
        assertThat(pub).isEqualTo(SnarkjsJson.readPublicSignals(Vectors.text("snarkjs/mlp/proofs/public_1.json")));
        Proof proof = Groth16Prover.prove(pk, w, Fr.of(7), Fr.of(11));
        assertThat(Groth16Verifier.verify(vk, proof, pub)).isEqualTo(VerificationResult.VALID);
        // the prepared key (H from a fixed-base table) gives the same proof
        assertThat(Groth16Prover.prove(PreparedProvingKey.of(pk), w, Fr.of(7), Fr.of(11))).isEqualTo(proof);
    }
}
