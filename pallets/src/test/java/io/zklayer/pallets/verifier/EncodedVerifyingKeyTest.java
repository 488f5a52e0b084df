package io.zklayer.pallets.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.groth16.SnarkjsJson;
import io.zklayer.zk.groth16.VerifyingKey;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class EncodedVerifyingKeyTest {
    @Test
    void aSnarkjsKeyRoundTripsThroughItsScaleFormOfFixedPointsThenTheIcVector() {
        for (String circuit : SnarkjsVectors.CIRCUITS) {
            VerifyingKey parsed = SnarkjsJson.readVerifyingKey(SnarkjsVectors.text(circuit + "/verification_key.json"));
            EncodedVerifyingKey key = EncodedVerifyingKey.of(parsed);
            int ic = parsed.publicCount() + 1;
            byte[] bytes = key.bytes();

            assertThat(bytes).hasSize(448 + 1 + 64 * ic);
            assertThat(bytes[448]).isEqualTo((byte) (ic << 2));
            assertThat(Arrays.copyOfRange(bytes, 0, 64)).isEqualTo(parsed.alpha().toEthereumBytes());
            assertThat(Arrays.copyOfRange(bytes, 64, 192)).isEqualTo(parsed.beta().toEthereumBytes());
            assertThat(Arrays.copyOfRange(bytes, 449, 513)).isEqualTo(parsed.ic().get(0).toEthereumBytes());
            assertThat(EncodedVerifyingKey.CODEC.decode(bytes)).isEqualTo(key);
            assertThat(key.toVerifyingKey()).isEqualTo(parsed);
            assertThat(key.publicCount()).isEqualTo(parsed.publicCount());
            assertThat(key.keyId().bytes()).isEqualTo(Hashing.blake2b256(bytes));
            assertThat(EncodedVerifyingKey.fromSnarkjsJson(SnarkjsVectors.text(circuit + "/verification_key.json")))
                    .isEqualTo(key);
        }
    }

    @Test
    void decodingRefusesMoreThanSixtyFiveIcPointsAndAnEmptyIc() {
        byte[] tooMany = new ScaleWriter().raw(new byte[448]).compact(66).raw(new byte[66 * 64]).toByteArray();
        assertThatThrownBy(() -> EncodedVerifyingKey.CODEC.decode(tooMany))
                .isInstanceOf(ScaleDecodeException.class).hasMessageContaining("holds 66 points");
        byte[] none = new ScaleWriter().raw(new byte[448]).compact(0).toByteArray();
        assertThatThrownBy(() -> EncodedVerifyingKey.CODEC.decode(none))
                .isInstanceOf(ScaleDecodeException.class).hasMessageContaining("holds 0 points");
        byte[] huge = new ScaleWriter().raw(new byte[448]).compact(1 << 29).toByteArray();
        assertThatThrownBy(() -> EncodedVerifyingKey.CODEC.decode(huge))
                .isInstanceOf(ScaleDecodeException.class).hasMessageContaining("remain");
    }

    @Test
    void pointChecksNameTheFieldThatIsWrong() {
        byte[] bytes = SnarkjsVectors.key("dot2").bytes();
        byte[] offCurve = bytes.clone();
        offCurve[63] ^= 1; // alpha.y
        assertThatThrownBy(() -> EncodedVerifyingKey.CODEC.decode(offCurve).toVerifyingKey())
                .isInstanceOf(ZkFormatException.class).hasMessageStartingWith("verifying key.alpha:");
        byte[] badIc = bytes.clone();
        badIc[bytes.length - 1] ^= 1; // the last IC point's y
        assertThatThrownBy(() -> EncodedVerifyingKey.CODEC.decode(badIc).toVerifyingKey())
                .isInstanceOf(ZkFormatException.class).hasMessageStartingWith("verifying key.ic[9]:");
        byte[] noDelta = bytes.clone();
        Arrays.fill(noDelta, 320, 448, (byte) 0);
        assertThatThrownBy(() -> EncodedVerifyingKey.CODEC.decode(noDelta).toVerifyingKey())
                .isInstanceOf(ZkFormatException.class).hasMessage("verifying key.delta: the point at infinity makes a degenerate key");
    }

    @Property(tries = 300)
    void arbitraryBytesEitherDecodeToAKeyOrFailWithANamedDecodeError(@ForAll @Size(max = 700) byte[] bytes) {
        EncodedVerifyingKey key;
        try {
            key = EncodedVerifyingKey.CODEC.decode(bytes);
        } catch (ScaleDecodeException e) {
            assertThat(e.getMessage()).contains("VerifyingKey");
            return;
        }
        assertThat(key.bytes()).isEqualTo(bytes);
        try {
            key.toVerifyingKey();
        } catch (ZkFormatException e) {
            assertThat(e.getMessage()).startsWith("verifying key.");
        }
    }
}
