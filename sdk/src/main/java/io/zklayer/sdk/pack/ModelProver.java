package io.zklayer.sdk.pack;

import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.groth16.Groth16Prover;
import io.zklayer.zk.groth16.Groth16Verifier;
import io.zklayer.zk.groth16.PreparedProvingKey;
import io.zklayer.zk.groth16.PreparedVerifyingKey;
import io.zklayer.zk.groth16.Proof;
import io.zklayer.zk.groth16.ProvingKey;
import io.zklayer.zk.groth16.VerificationResult;
import io.zklayer.zk.ml.ModelCircuit;
import io.zklayer.zk.ml.ModelPublicSignals;
import io.zklayer.zk.ml.ModelWitness;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;

/**
 * Proves model runs for one artifact: builds the witness from the reference executor, proves with the
 * artifact's proving key, and checks the proof against the artifact's verifying key before handing it
 * out (a proof that would fail on chain is a bug here, never a slashing there). Thread-safe: proving
 * keys and circuits are immutable.
 *
 * <p>Two modes, giving the same proof for the same randomness. {@link ModelArtifact#prover} returns a
 * prover on the plain key: nothing to build, right for one proof ({@code zklayer model prove}). A
 * prover that proves many runs (the pool worker) calls {@link #prepared()} once: the key's H points
 * become a fixed-base table ({@link PreparedProvingKey}; for digits, domain 2^15: 53 MB, built in
 * 1.7 s on two cores) and every later proof is faster (digits: {@link #prove} 486 ms instead of 517 ms,
 * {@code ModelProverBenchmark}).
 */
public final class ModelProver {
    private final QuantizedModel model;
    private final ModelCircuit circuit;
    private final ProvingKey provingKey;
    /** The prepared form of {@link #provingKey}, or null for a prover on the plain key. */
    private final PreparedProvingKey preparedKey;
    private final PreparedVerifyingKey verifyingKey;
    private final Fr weightCommitment;

    ModelProver(QuantizedModel model, ModelCircuit circuit, ProvingKey provingKey, PreparedVerifyingKey verifyingKey,
            Fr weightCommitment) {
        this(model, circuit, provingKey, null, verifyingKey, weightCommitment);
    }

    private ModelProver(QuantizedModel model, ModelCircuit circuit, ProvingKey provingKey, PreparedProvingKey preparedKey,
            PreparedVerifyingKey verifyingKey, Fr weightCommitment) {
        this.model = Objects.requireNonNull(model, "model");
        this.circuit = Objects.requireNonNull(circuit, "circuit");
        this.provingKey = Objects.requireNonNull(provingKey, "provingKey");
        this.preparedKey = preparedKey;
        this.verifyingKey = Objects.requireNonNull(verifyingKey, "verifyingKey");
        this.weightCommitment = Objects.requireNonNull(weightCommitment, "weightCommitment");
    }

    /**
     * Returns a prover that proves from the prepared form of this prover's key (this prover if it
     * already does): it builds the key's fixed-base table now, a one-time cost of
     * {@link #preparedKeyBytes()} of heap and up to a few seconds of CPU, for
     * faster proofs afterwards. The proofs are the same as the plain key's for the same randomness.
     */
    public ModelProver prepared() {
        if (preparedKey != null) {
            return this;
        }
        return new ModelProver(model, circuit, provingKey, PreparedProvingKey.of(provingKey), verifyingKey, weightCommitment);
    }

    /** Returns whether this prover proves from a prepared key ({@link #prepared()}). */
    public boolean isPrepared() {
        return preparedKey != null;
    }

    /**
     * Returns the heap that the prepared key's table takes (or would take, for a plain prover), as
     * {@link PreparedProvingKey#tableBytes} counts it: 1,620 bytes per H point of the key, e.g. 53,084,160
     * bytes (about 51 MiB) for digits' 2^15 points.
     */
    public long preparedKeyBytes() {
        return PreparedProvingKey.tableBytes(provingKey);
    }

    /**
     * Returns the proven run of the model on {@code input}.
     *
     * @throws io.zklayer.primitives.model.ModelInputException if the input has the wrong length or a value out of range
     * @throws IllegalStateException if the proof does not verify (a bug)
     */
    public ProvedInference prove(byte[] input, SecureRandom rng) {
        long t0 = System.nanoTime();
        ModelWitness witness = ModelWitness.of(circuit, model, input);
        long t1 = System.nanoTime();
        Proof proof = preparedKey != null
                ? Groth16Prover.prove(preparedKey, witness.values(), rng)
                : Groth16Prover.prove(provingKey, witness.values(), rng);
        long t2 = System.nanoTime();
        VerificationResult check = Groth16Verifier.verify(verifyingKey, proof, witness.publicSignals());
        if (!(check instanceof VerificationResult.Valid)) {
            throw new IllegalStateException("prover: a fresh proof does not verify against the artifact's key: " + check);
        }
        return new ProvedInference(witness.output(), witness.publicSignals(), proof, t1 - t0, t2 - t1);
    }

    /** Returns whether {@code proof} shows that the model gives {@code output} on {@code input}. */
    public VerificationResult verify(byte[] input, byte[] output, Proof proof) {
        List<Fr> signals = ModelPublicSignals.of(model.output(), output, weightCommitment, input);
        return Groth16Verifier.verify(verifyingKey, proof, signals);
    }

    /** Returns the circuit. */
    public ModelCircuit circuit() {
        return circuit;
    }
}
