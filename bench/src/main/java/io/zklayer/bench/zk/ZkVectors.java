package io.zklayer.bench.zk;

import io.zklayer.zk.field.Fr;
import io.zklayer.zk.groth16.PreparedVerifyingKey;
import io.zklayer.zk.groth16.Proof;
import io.zklayer.zk.groth16.SnarkjsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The snarkjs vectors the zk benchmarks run on, read from {@code ../shared/vectors/snarkjs} beside the
 * repository (override with {@code -Dzklayer.vectors=/path/to/vectors}).
 */
final class ZkVectors {
    private ZkVectors() {}

    static Path snarkjs(String file) {
        return Path.of(System.getProperty("zklayer.vectors", "../shared/vectors")).resolve("snarkjs").resolve(file);
    }

    static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(snarkjs(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String file) {
        try {
            return Files.readString(snarkjs(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PreparedVerifyingKey key(String circuit) {
        return PreparedVerifyingKey.of(SnarkjsJson.readVerifyingKey(text(circuit + "/verification_key.json")));
    }

    static Proof proof(String circuit, int k) {
        return SnarkjsJson.readProof(text(circuit + "/proofs/proof_" + k + ".json"));
    }

    static List<Fr> publicSignals(String circuit, int k) {
        return SnarkjsJson.readPublicSignals(text(circuit + "/proofs/public_" + k + ".json"));
    }
}
