package io.zklayer.zk.groth16;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.zklayer.zk.Vectors;
import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.field.Fr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnarkjsVectorsTest {
    static PreparedVerifyingKey key(String circuit) {
        return PreparedVerifyingKey.of(SnarkjsJson.readVerifyingKey(Vectors.text("snarkjs/" + circuit + "/verification_key.json")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dot2", "lt", "mlp"})
    void everyValidSnarkjsProofVerifies(String circuit) {
        PreparedVerifyingKey key = key(circuit);
        for (int k = 1; k <= 5; k++) {
            Proof proof = SnarkjsJson.readProof(Vectors.text("snarkjs/" + circuit + "/proofs/proof_" + k + ".json"));
            List<Fr> pub = SnarkjsJson.readPublicSignals(Vectors.text("snarkjs/" + circuit + "/proofs/public_" + k + ".json"));
            assertThat(Groth16Verifier.verify(key, proof, pub)).as("%s proof %d", circuit, k).isEqualTo(VerificationResult.VALID);
            assertThat(Groth16Verifier.verify(key, Proof.fromBytes(proof.toBytes()), pub)).isEqualTo(VerificationResult.VALID);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dot2", "lt", "mlp"})
    void everyCaseSnarkjsRejectsIsRejected(String circuit) {
        assertAllRejected(circuit, "invalid.json", 16);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dot2", "lt", "mlp"})
    void nonCanonicalEncodingsSnarkjsAcceptsAreRejectedAsFormatErrors(String circuit) {
        List<String> outcomes = assertAllRejected(circuit, "noncanonical_accepted.json", 3);
        assertThat(outcomes).allMatch(o -> o.startsWith("format error"));
        assertThat(outcomes.get(0)).contains("not canonical");
        assertThat(outcomes.get(2)).contains("z must be \"1\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dot2", "lt", "mlp"})
    void snarkjsJsonRoundTripsThroughOurWriter(String circuit) {
        VerifyingKey vk = SnarkjsJson.readVerifyingKey(Vectors.text("snarkjs/" + circuit + "/verification_key.json"));
        VerifyingKey again = SnarkjsJson.readVerifyingKey(SnarkjsJson.writeVerifyingKey(vk, PreparedVerifyingKey.of(vk).alphaBeta()));
        assertThat(again).isEqualTo(vk);
        Proof p = SnarkjsJson.readProof(Vectors.text("snarkjs/" + circuit + "/proofs/proof_1.json"));
        assertThat(SnarkjsJson.readProof(SnarkjsJson.writeProof(p))).isEqualTo(p);
        List<Fr> s = SnarkjsJson.readPublicSignals(Vectors.text("snarkjs/" + circuit + "/proofs/public_1.json"));
        assertThat(SnarkjsJson.readPublicSignals(SnarkjsJson.writePublicSignals(s))).isEqualTo(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dot2", "lt", "mlp"})
    void ourPairingOfAlphaAndBetaEqualsSnarkjsVkAlphabeta12(String circuit) throws Exception {
        // an independent check of the pairing's GT value (ffjavascript computes the same final exponentiation)
        VerifyingKey vk = SnarkjsJson.readVerifyingKey(Vectors.text("snarkjs/" + circuit + "/verification_key.json"));
        String ours = SnarkjsJson.writeVerifyingKey(vk, PreparedVerifyingKey.of(vk).alphaBeta());
        JsonNode expected = Vectors.json("snarkjs/" + circuit + "/verification_key.json").get("vk_alphabeta_12");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(ours).get("vk_alphabeta_12")).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void onChainEncodingIs256BytesWithTheImaginaryPartFirst() {
        Proof p = SnarkjsJson.readProof(Vectors.text("snarkjs/dot2/proofs/proof_1.json"));
        byte[] enc = p.toBytes();
        assertThat(enc).hasSize(256);
        JsonNode json = Vectors.json("snarkjs/dot2/proofs/proof_1.json");
        assertThat(new java.math.BigInteger(1, java.util.Arrays.copyOfRange(enc, 0, 32)).toString()).isEqualTo(json.at("/pi_a/0").asText());
        assertThat(new java.math.BigInteger(1, java.util.Arrays.copyOfRange(enc, 64, 96)).toString()).isEqualTo(json.at("/pi_b/0/1").asText());
        assertThat(new java.math.BigInteger(1, java.util.Arrays.copyOfRange(enc, 96, 128)).toString()).isEqualTo(json.at("/pi_b/0/0").asText());
        assertThat(new java.math.BigInteger(1, java.util.Arrays.copyOfRange(enc, 224, 256)).toString()).isEqualTo(json.at("/pi_c/1").asText());
        assertThatThrownBy(() -> Proof.fromBytes(new byte[255])).isInstanceOf(ZkFormatException.class).hasMessageContaining("256 bytes");
    }

    /** Returns, per case, "format error: …" or "invalid: …"; fails if any case verifies. */
    private static List<String> assertAllRejected(String circuit, String file, int count) {
        PreparedVerifyingKey key = key(circuit);
        JsonNode cases = Vectors.json("snarkjs/" + circuit + "/" + file);
        assertThat(cases.size()).isEqualTo(count);
        List<String> outcomes = new ArrayList<>();
        for (JsonNode c : cases) {
            String outcome;
            try {
                Proof proof = SnarkjsJson.readProof(c.get("proof").toString());
                List<Fr> pub = SnarkjsJson.readPublicSignals(c.get("public").toString());
                VerificationResult r = Groth16Verifier.verify(key, proof, pub);
                outcome = r.isValid() ? "ACCEPTED" : "invalid: " + r;
            } catch (ZkFormatException e) {
                outcome = "format error: " + e.getMessage();
            }
            assertThat(outcome).as("%s %s: %s", circuit, file, c.get("description").asText()).isNotEqualTo("ACCEPTED");
            outcomes.add(outcome);
        }
        return outcomes;
    }
}
