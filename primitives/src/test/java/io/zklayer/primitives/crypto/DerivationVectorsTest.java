package io.zklayer.primitives.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zklayer.primitives.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of {@code derivation-vectors.json} (made by polkadot.js and substrate-bip39), byte for byte. */
class DerivationVectorsTest {

    static Stream<Arguments> mnemonics() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode m : CryptoVectors.derivation().get("mnemonics")) {
            out.add(Arguments.of(m.get("phrase").asText(), m.get("password").asText(),
                    m.get("entropy").asText(), m.get("miniSecret").asText()));
        }
        return out.stream();
    }

    static Stream<Arguments> ed25519Uris() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode k : CryptoVectors.derivation().get("ed25519")) {
            out.add(Arguments.of(k.get("uri").asText(), k.get("publicKey").asText(), k.get("ss58_42").asText()));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{index}: {0} / ''{1}''")
    @MethodSource("mnemonics")
    void phraseGivesTheVectorEntropyAndMiniSecret(String phrase, String password, String entropy, String miniSecret) {
        assertThat(Hex.encode(Bip39.entropy(phrase))).isEqualTo(entropy);
        assertThat(Hex.encode(Bip39.miniSecret(phrase, password))).isEqualTo(miniSecret);
        assertThat(Bip39.phrase(Hex.decode(entropy))).isEqualTo(phrase);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("ed25519Uris")
    void secretUriGivesTheVectorKeyAndAddress(String uri, String publicKey, String ss58) {
        Ed25519KeyPair pair = Ed25519KeyPair.fromSecretUri(uri);

        assertThat(pair.publicKey().toString()).isEqualTo(publicKey);
        assertThat(pair.publicKey().toSs58()).isEqualTo(ss58);
        assertThat(Ss58.decode(ss58).ed25519()).isEqualTo(pair.publicKey());
    }
}
