package io.zklayer.pallets.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.H256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The snarkjs vectors copied into {@code src/test/resources/vectors/snarkjs} (see the README there),
 * translated into what travels on chain: the SCALE key, 256-byte proofs and 32-byte signals. The
 * translation is literal and unchecked (coordinates written as given, z ignored except z = 0 for
 * infinity, signals as given even when ≥ r) so that the chain, not this helper, rejects the bad cases.
 */
final class SnarkjsVectors {
    static final List<String> CIRCUITS = List.of("dot2", "lt", "mlp");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SnarkjsVectors() {}

    /** One proof with its signals in raw on-chain form, and what the vector says of it. */
    record Case(String description, byte[] proof, List<byte[]> signals) {}

    static String text(String path) {
        try (InputStream in = SnarkjsVectors.class.getResourceAsStream("/vectors/snarkjs/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /vectors/snarkjs/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String path) {
        try {
            return JSON.readTree(text(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EncodedVerifyingKey key(String circuit) {
        return EncodedVerifyingKey.fromSnarkjsJson(text(circuit + "/verification_key.json"));
    }

    /** Returns the five valid proofs of {@code circuit}. */
    static List<Case> valid(String circuit) {
        List<Case> out = new ArrayList<>();
        for (int k = 1; k <= 5; k++) {
            out.add(toCase("proof_" + k, json(circuit + "/proofs/proof_" + k + ".json"),
                    json(circuit + "/proofs/public_" + k + ".json")));
        }
        return out;
    }

    /** Returns the cases of {@code file} ({@code invalid.json} or {@code noncanonical_accepted.json}). */
    static List<Case> cases(String circuit, String file) {
        List<Case> out = new ArrayList<>();
        for (JsonNode c : json(circuit + "/" + file)) {
            out.add(toCase(c.get("description").asText(), c.get("proof"), c.get("public")));
        }
        return out;
    }

    private static Case toCase(String description, JsonNode proof, JsonNode publics) {
        byte[] p = new byte[256];
        g1(proof.get("pi_a"), p, 0);
        JsonNode b = proof.get("pi_b");
        if (!"0".equals(b.get(2).get(0).asText()) || !"0".equals(b.get(2).get(1).asText())) {
            put(b.get(0).get(1), p, 64);
            put(b.get(0).get(0), p, 96);
            put(b.get(1).get(1), p, 128);
            put(b.get(1).get(0), p, 160);
        }
        g1(proof.get("pi_c"), p, 192);
        List<byte[]> signals = new ArrayList<>();
        for (JsonNode s : publics) {
            byte[] v = new byte[32];
            put(s, v, 0);
            signals.add(v);
        }
        return new Case(description, p, signals);
    }

    private static void g1(JsonNode point, byte[] out, int offset) {
        if (!"0".equals(point.get(2).asText())) {
            put(point.get(0), out, offset);
            put(point.get(1), out, offset + 32);
        }
    }

    private static void put(JsonNode decimal, byte[] out, int offset) {
        byte[] v = new BigInteger(decimal.asText()).toByteArray();
        int len = v.length > 32 && v[0] == 0 ? v.length - 1 : v.length;
        if (len > 32) {
            throw new IllegalArgumentException("value wider than 256 bits: " + decimal);
        }
        System.arraycopy(v, v.length - len, out, offset + 32 - len, len);
    }

    /** Returns the encoded {@code Verifier.verify} call with raw (unchecked) signals. */
    static Call verifyCall(H256 keyId, byte[] proof, List<byte[]> signals) {
        ScaleWriter w = new ScaleWriter().raw(keyId.bytes()).raw(proof).compact(signals.size());
        signals.forEach(w::raw);
        return new Call(VerifierPallet.INDEX, 1, w.toByteArray());
    }
}
