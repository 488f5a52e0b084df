package io.zklayer.sdk.keys;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.ml.ModelCircuit;
import io.zklayer.zk.ml.ModelCircuitKeys;
import io.zklayer.zk.r1cs.BinaryFile;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * How the Groth16 keys of a model circuit are made. Two ways, chosen when a model is packaged and
 * recorded in its manifest:
 *
 * <ul>
 *   <li>{@link DevSeeded}: every secret of the setup (τ, α, β, γ, δ) is drawn from
 *       {@code java.util.Random(seed)}. Deterministic, so the same circuit and seed always give the
 *       same proving and verifying key, byte for byte, and a node can regenerate a proving key it does
 *       not have (the shipped digits model ships only its verifying key; nodes rebuild the proving key
 *       in about 20 s and cache it). <b>INSECURE</b>: anyone who knows the seed can forge proofs.
 *       For dev and test chains only, and named so in every manifest.</li>
 *   <li>{@link FromPtau}: a prepared phase-1 file ({@code .ptau} after
 *       {@code snarkjs powersoftau prepare phase2}, holding at least the circuit's domain size in
 *       powers) plus one phase-2 contribution drawn from a {@link SecureRandom} and forgotten. Sound
 *       as long as the phase-1 ceremony had one honest participant and the contribution is destroyed;
 *       the keys cannot be regenerated, so the proving key must travel with the artifact.</li>
 * </ul>
 */
public sealed interface KeySetup permits KeySetup.DevSeeded, KeySetup.FromPtau {
    /**
     * The seed of the dev setup used for the shipped models and by default for {@code model package}:
     * the ASCII bytes "ZKL_DEV1" read as a big-endian long.
     */
    long DEV_SEED = 0x5a4b4c5f44455631L;

    /** Returns the keys for {@code circuit}. */
    ModelCircuitKeys run(ModelCircuit circuit);

    /** Returns a short identifier of this setup for cache file names, e.g. {@code "dev-6497..."}. */
    String id();

    /** Returns a human description for progress lines and {@code model inspect}. */
    String describe();

    /** Returns a dev setup with {@link #DEV_SEED}. */
    static DevSeeded dev() {
        return new DevSeeded(DEV_SEED);
    }

    /**
     * The deterministic, INSECURE dev setup.
     *
     * @param seed seed of {@code java.util.Random} for the toxic waste
     */
    record DevSeeded(long seed) implements KeySetup {
        @Override
        public ModelCircuitKeys run(ModelCircuit circuit) {
            return ModelCircuitKeys.testSetup(circuit, seed);
        }

        @Override
        public String id() {
            return "dev-" + Long.toUnsignedString(seed, 16);
        }

        @Override
        public String describe() {
            return "dev setup with public seed 0x" + Long.toUnsignedString(seed, 16)
                    + " (INSECURE: anyone can forge proofs; dev chains only)";
        }
    }

    /**
     * A phase-1 file plus one random phase-2 contribution.
     *
     * @param ptau the prepared phase-1 file's bytes
     * @param random where the contribution secret comes from
     */
    record FromPtau(byte[] ptau, SecureRandom random) implements KeySetup {
        /** Checks the arguments. */
        public FromPtau {
            Objects.requireNonNull(ptau, "ptau");
            Objects.requireNonNull(random, "random");
        }

        /** Returns the power of the phase-1 file (log2 of the largest circuit domain it supports). */
        public int power() {
            ByteBuffer header = BinaryFile.parse(ptau, "ptau").section(1);
            if (header.remaining() < 4 + 32 + 4 || header.getInt(0) != 32) {
                throw new ZkFormatException("ptau: header section is not BN254's (n8 = 32)");
            }
            return header.getInt(4 + 32);
        }

        /** Returns blake2b-256 of the phase-1 file, recorded in the manifest. */
        public byte[] ptauHash() {
            return Hashing.blake2b256(ptau);
        }

        @Override
        public ModelCircuitKeys run(ModelCircuit circuit) {
            Fr secret;
            do {
                secret = Fr.random(random);
            } while (secret.isZero());
            return ModelCircuitKeys.fromPtau(circuit, ptau, secret);
        }

        @Override
        public String id() {
            return "ptau-" + Hex.encodeNoPrefix(ptauHash()).substring(0, 16);
        }

        @Override
        public String describe() {
            return "phase 1 from a .ptau file (2^" + power() + " powers, blake2b-256 " + Hex.shortForm(ptauHash())
                    + ") plus one random phase-2 contribution";
        }
    }
}
