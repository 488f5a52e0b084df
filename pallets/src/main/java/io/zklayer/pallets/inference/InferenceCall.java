package io.zklayer.pallets.inference;

import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import java.math.BigInteger;
import java.util.Arrays;

/** The calls of the Inference pallet, at fixed call indexes. */
public sealed interface InferenceCall {
    /**
     * Submits a workload for {@code model}, escrowing {@code maxPrice}; a node has {@code deadline}
     * blocks for its result after each assignment (index 0).
     */
    record SubmitWorkload(long model, WorkloadInput input, BigInteger maxPrice, long deadline) implements InferenceCall {}

    /**
     * The assigned node's result: {@code output} as the model's output spec encodes it and the
     * 256-byte Groth16 proof (index 1).
     */
    record SubmitResult(long workload, byte[] output, byte[] proof) implements InferenceCall {
        /** Copies the arrays. */
        public SubmitResult {
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

        @Override
        public boolean equals(Object o) {
            return o instanceof SubmitResult s && s.workload == workload && Arrays.equals(s.output, output)
                    && Arrays.equals(s.proof, proof);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(workload) * 31 + Arrays.hashCode(proof);
        }

        @Override
        public String toString() {
            return "SubmitResult[workload=" + workload + ", output=" + output.length + " bytes]";
        }
    }

    /** SCALE codec: call index, then the arguments. */
    ScaleEnum<InferenceCall> CODEC = ScaleEnum.<InferenceCall>builder("InferenceCall")
            .variant(0, "submit_workload", SubmitWorkload.class, ScaleRecord.of("submit_workload",
                    ScaleRecord.field("model", ScaleCodecs.U32, SubmitWorkload::model),
                    ScaleRecord.field("input", WorkloadInput.CODEC, SubmitWorkload::input),
                    ScaleRecord.field("max_price", ScaleCodecs.COMPACT_U128, SubmitWorkload::maxPrice),
                    ScaleRecord.field("deadline", ScaleCodecs.U32, SubmitWorkload::deadline), SubmitWorkload::new))
            .variant(1, "submit_result", SubmitResult.class, ScaleRecord.of("submit_result",
                    ScaleRecord.field("workload", ScaleCodecs.U64, SubmitResult::workload),
                    ScaleRecord.field("output", ScaleCodecs.BYTES, SubmitResult::output),
                    ScaleRecord.field("proof", ScaleCodecs.fixedBytes(256), SubmitResult::proof), SubmitResult::new))
            .build();
}
