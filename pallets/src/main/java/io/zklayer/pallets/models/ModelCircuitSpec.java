package io.zklayer.pallets.models;

import io.zklayer.pallets.verifier.EncodedVerifyingKey;
import io.zklayer.pallets.verifier.PublicSignals;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.zk.field.Fr;

/**
 * What binds proofs to a model: the Poseidon commitment to its weights ({@code WeightCommitment.of(model)},
 * 32 bytes big-endian, below r) and the Groth16 verifying key of its circuit (registered in the verifier
 * pallet under its id). SCALE {@code {weight_commitment: [u8; 32], verifying_key: VerifyingKey}}.
 *
 * @param weightCommitment the weight commitment
 * @param verifyingKey the circuit's verifying key
 */
public record ModelCircuitSpec(Fr weightCommitment, EncodedVerifyingKey verifyingKey) {
    /** SCALE codec. */
    public static final ScaleCodec<ModelCircuitSpec> CODEC = ScaleRecord.of("ModelCircuitSpec",
            ScaleRecord.field("weight_commitment", PublicSignals.FR, ModelCircuitSpec::weightCommitment),
            ScaleRecord.field("verifying_key", EncodedVerifyingKey.CODEC, ModelCircuitSpec::verifyingKey),
            ModelCircuitSpec::new);

    /**
     * Returns the spec for a weight commitment given as 32 big-endian bytes (chain specs, CLI tools).
     *
     * @throws IllegalArgumentException if the bytes are not 32 or not a field element below r
     */
    public static ModelCircuitSpec of(byte[] weightCommitment, EncodedVerifyingKey verifyingKey) {
        if (weightCommitment.length != 32) {
            throw new IllegalArgumentException("a weight commitment has 32 bytes, got " + weightCommitment.length);
        }
        return new ModelCircuitSpec(Fr.fromBytesBE(weightCommitment, 0), verifyingKey);
    }

    /** Returns the weight commitment as 32 big-endian bytes. */
    public byte[] weightCommitmentBytes() {
        return weightCommitment.toBytesBE();
    }
}
