package io.zklayer.zk.ml;

import io.zklayer.zk.field.Fr;
import io.zklayer.zk.groth16.Groth16Prover;
import io.zklayer.zk.groth16.Groth16Setup;
import io.zklayer.zk.groth16.Groth16Verifier;
import io.zklayer.zk.groth16.PreparedVerifyingKey;
import io.zklayer.zk.groth16.Proof;
import io.zklayer.zk.groth16.ProvingKey;
import io.zklayer.zk.groth16.VerificationResult;
import io.zklayer.zk.groth16.VerifyingKey;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;

/**
 * Groth16 keys for one {@link ModelCircuit}: the proving key a model node keeps and the verifying key
 * registered on chain. Made either from a prepared phase-1 file plus a phase-2 contribution
 * ({@link #fromPtau}) or, for tests only, from secrets drawn from a seed ({@link #testSetup}).
 */
public final class ModelCircuitKeys {
    private final ModelCircuit circuit;
    private final ProvingKey provingKey;
    private final PreparedVerifyingKey verifyingKey;

    private ModelCircuitKeys(ModelCircuit circuit, ProvingKey provingKey) {
        this.circuit = circuit;
        this.provingKey = provingKey;
        this.verifyingKey = PreparedVerifyingKey.of(provingKey.verifyingKey());
    }

    /**
     * Returns keys whose toxic waste (τ, α, β, γ, δ) is drawn from {@code new Random(seed)}. INSECURE:
     * anyone who knows the seed can forge proofs. For tests and local devnets only.
     */
    public static ModelCircuitKeys testSetup(ModelCircuit circuit, long seed) {
        Random rng = new Random(seed);
        Groth16Setup.ToxicWaste waste = new Groth16Setup.ToxicWaste(nonZero(rng), nonZero(rng), nonZero(rng),
                nonZero(rng), nonZero(rng));
        return new ModelCircuitKeys(circuit, Groth16Setup.insecureSetupForTests(circuit.system(), waste));
    }

    /**
     * Returns keys from a prepared phase-1 file ({@code .ptau} after {@code powersoftau prepare phase2})
     * with one phase-2 contribution of secret {@code contribution} (non-zero; draw it from a SecureRandom
     * and forget it). The file must hold at least as many powers as the circuit's domain.
     */
    public static ModelCircuitKeys fromPtau(ModelCircuit circuit, byte[] ptau, Fr contribution) {
        ProvingKey pk = Groth16Setup.contribute(Groth16Setup.fromPtau(circuit.system(), ptau), contribution);
        return new ModelCircuitKeys(circuit, pk);
    }

    private static Fr nonZero(Random rng) {
        Fr v;
        do {
            v = Fr.random(rng);
        } while (v.isZero());
        return v;
    }

    /** Returns the circuit these keys belong to. */
    public ModelCircuit circuit() {
        return circuit;
    }

    /** Returns the proving key. */
    public ProvingKey provingKey() {
        return provingKey;
    }

    /** Returns the verifying key (what is registered on chain). */
    public VerifyingKey verifyingKey() {
        return verifyingKey.key();
    }

    /** Returns the proof of {@code witness} with blinding drawn from {@code rng}. */
    public Proof prove(ModelWitness witness, SecureRandom rng) {
        return Groth16Prover.prove(provingKey, witness.values(), rng);
    }

    /** Returns the proof of {@code witness} with the given blinding scalars (deterministic; tests, benchmarks). */
    public Proof prove(ModelWitness witness, Fr r, Fr s) {
        return Groth16Prover.prove(provingKey, witness.values(), r, s);
    }

    /** Returns whether {@code proof} verifies for {@code publicSignals} (see {@link ModelPublicSignals}). */
    public VerificationResult verify(Proof proof, List<Fr> publicSignals) {
        return Groth16Verifier.verify(verifyingKey, proof, publicSignals);
    }
}
