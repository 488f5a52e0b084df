package io.zklayer.sdk.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.sdk.SdkTestData;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.groth16.Groth16Prover;
import io.zklayer.zk.groth16.Groth16Verifier;
import io.zklayer.zk.groth16.PreparedVerifyingKey;
import io.zklayer.zk.groth16.Proof;
import io.zklayer.zk.groth16.ProvingKey;
import io.zklayer.zk.groth16.SnarkjsJson;
import io.zklayer.zk.groth16.VerificationResult;
import io.zklayer.zk.groth16.ZkeyFile;
import io.zklayer.zk.ml.ModelCircuit;
import io.zklayer.zk.ml.ModelCircuitKeys;
import io.zklayer.zk.ml.ModelWitness;
import io.zklayer.zk.r1cs.BinaryFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ZkeyWriterTest {
    @ParameterizedTest
    @ValueSource(strings = {"dot2/dot2_final.zkey", "lt/lt_final.zkey"})
    void rewritingASnarkjsKeyReproducesSnarkjsSectionsOneToNineByteForByte(String file) {
        byte[] snarkjs = SdkTestData.resource("/vectors/snarkjs/" + file);
        byte[] ours = ZkeyWriter.write(ZkeyFile.read(snarkjs));
        BinaryFile theirs = BinaryFile.parse(snarkjs, "zkey");
        BinaryFile mine = BinaryFile.parse(ours, "zkey");
        assertThat(mine.version()).isEqualTo(1);
        for (int section = 1; section <= 9; section++) {
            assertThat(bytes(mine.section(section))).as("section %d", section).isEqualTo(bytes(theirs.section(section)));
        }
    }

    @Test
    void aWrittenKeyReadsBackToTheSameKeyAndItsProofsVerify() {
        var model = SdkTestData.smallModel(5);
        ModelCircuit circuit = ModelCircuit.of(model);
        ModelCircuitKeys keys = KeySetup.dev().run(circuit);
        ProvingKey back = ZkeyFile.read(ZkeyWriter.write(keys.provingKey()));
        assertThat(back.verifyingKey()).isEqualTo(keys.verifyingKey());
        assertThat(back.a()).containsExactly(keys.provingKey().a());
        assertThat(back.b2()).containsExactly(keys.provingKey().b2());
        assertThat(back.h()).containsExactly(keys.provingKey().h());
        assertThat(back.coefValue()).containsExactly(keys.provingKey().coefValue());
        ModelWitness w = ModelWitness.of(circuit, model, new byte[] {1, 2, 3, 4});
        Proof proof = Groth16Prover.prove(back, w.values(), Fr.of(11), Fr.of(13));
        assertThat(Groth16Verifier.verify(PreparedVerifyingKey.of(keys.verifyingKey()), proof, w.publicSignals()))
                .isInstanceOf(VerificationResult.Valid.class);
    }

    @Test
    void theVerifyingKeyOfARewrittenSnarkjsKeyIsSnarkjsVerifyingKey() {
        ProvingKey pk = ZkeyFile.read(ZkeyWriter.write(ZkeyFile.read(SdkTestData.resource("/vectors/snarkjs/lt/lt_final.zkey"))));
        var expected = SnarkjsJson.readVerifyingKey(new String(SdkTestData.resource("/vectors/snarkjs/lt/verification_key.json"),
                StandardCharsets.UTF_8));
        assertThat(pk.verifyingKey()).isEqualTo(expected);
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
