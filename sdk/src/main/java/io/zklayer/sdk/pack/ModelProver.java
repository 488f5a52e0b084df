package io.zklayer.sdk.pack;

import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.groth16.Groth16Prover;
import io.zklayer.zk.groth16.Groth16Verifier;
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
 */
public final class ModelProver {
    private final QuantizedModel model;
    private final ModelCircuit circuit;
    private final ProvingKey provingKey;
    private final PreparedVerifyingKey verifyingKey;
    private final Fr weightCommitment;

    ModelProver(QuantizedModel model, ModelCircuit circuit, ProvingKey provingKey, PreparedVerifyingKey verifyingKey,
            Fr weightCommitment) {
        this.model = Objects.requireNonNull(model, "model");
        this.circuit = Objects.requireNonNull(circuit, "circuit");
        this.provingKey = Objects.requireNonNull(provingKey, "provingKey");
        this.verifyingKey = Objects.requireNonNull(verifyingKey, "verifyingKey");
        this.weightCommitment = Objects.requireNonNull(weightCommitment, "weightCommitment");
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
        Proof proof = Groth16Prover.prove(provingKey, witness.values(), rng);
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
