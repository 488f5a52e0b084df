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
}
