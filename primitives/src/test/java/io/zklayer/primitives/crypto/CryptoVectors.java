package io.zklayer.primitives.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the JSON vectors under {@code src/test/resources/crypto} (see the README there). */
final class CryptoVectors {
    private CryptoVectors() {}

    /** Returns {@code keys} of the shared polkadot vectors (ed25519, sr25519, ecdsa for //Alice). */
    static JsonNode polkadotKeys() {
        return load("/crypto/polkadot-vectors.json").get("keys");
    }

    /** Returns the derivation vectors made with @polkadot/util-crypto and @polkadot/keyring. */
    static JsonNode derivation() {
        return load("/crypto/derivation-vectors.json");
    }

    private static JsonNode load(String resource) {
        try (InputStream in = CryptoVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
