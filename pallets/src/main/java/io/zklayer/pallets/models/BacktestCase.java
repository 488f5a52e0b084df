package io.zklayer.pallets.models;

import io.zklayer.pallets.verifier.PublicSignals;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.zk.field.Fr;

/**
 * One labelled case of a backtest: the true class of an input, the Poseidon commitment to that input
 * ({@code InputCommitment.of(input)}; the input itself stays off chain), the model's output on it and the
 * Groth16 proof that the registered model computes that output on that input. The case is correct when the
 * output names the label's class. SCALE {@code {label: u32, input_commitment: [u8; 32], output: Vec<u8>,
 * proof: [u8; 256]}}.
 *
 * @param label the true class (for a threshold model 0 or 1)
 * @param inputCommitment the commitment to the input
 * @param output the claimed output, encoded as the model's output spec says ({@code 07000000}: class 7)
 * @param proof the 256-byte proof
 */
public record BacktestCase(long label, Fr inputCommitment, byte[] output, byte[] proof) {
    public BacktestCase {
        output = output.clone();
        proof = proof.clone();
    }

    @Override
    public byte[] output() {
        return output.clone();
    }

    @Override
    public byte[] proof() {
        return proof.clone();
    }

    /** SCALE codec. */
    public static final ScaleCodec<BacktestCase> CODEC = ScaleRecord.of("BacktestCase",
            ScaleRecord.field("label", ScaleCodecs.U32, BacktestCase::label),
            ScaleRecord.field("input_commitment", PublicSignals.FR, BacktestCase::inputCommitment),
            ScaleRecord.field("output", ScaleCodecs.BYTES, BacktestCase::output),
            ScaleRecord.field("proof", ScaleCodecs.fixedBytes(256), BacktestCase::proof), BacktestCase::new);
}
