package io.zklayer.sdk.pack;

import io.zklayer.zk.field.Fr;
import io.zklayer.zk.groth16.Proof;
import java.util.List;

/**
 * One proven model run: the output bytes (as the reference executor and the Wasm contract give them),
 * the public signals (outputs, weight commitment, input commitment), the Groth16 proof, and how long
 * the witness and the proof took.
 *
 * @param output output bytes, e.g. {@code 07000000} for class 7 of an argmax model
 * @param publicSignals the signals the proof is checked against
 * @param proof the proof; {@link Proof#toBytes()} is the 256-byte on-chain form
 * @param witnessNanos time to build the witness
 * @param proveNanos time to prove
 */
public record ProvedInference(byte[] output, List<Fr> publicSignals, Proof proof, long witnessNanos, long proveNanos) {
    /** Copies the output. */
    public ProvedInference {
        output = output.clone();
        publicSignals = List.copyOf(publicSignals);
    }

    @Override
    public byte[] output() {
        return output.clone();
    }
}
