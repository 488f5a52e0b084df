package io.zklayer.pallets.inference;

import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import java.util.Arrays;

/**
 * A workload's input: the bytes themselves (on chain, readable by the node and by on-chain runs) or
 * only their Poseidon commitment ({@link io.zklayer.zk.ml.InputCommitment}, 32 bytes big-endian),
 * when the user hands the input to the node privately. SCALE: {@code Inline(Vec<u8>)} = 0,
 * {@code Commitment([u8; 32])} = 1; e.g. {@code Inline(01 02)} → {@code 0x00 08 0102}.
 */
public sealed interface WorkloadInput {
    /** The input bytes, one signed byte per element as the model's input spec says. */
    record Inline(byte[] bytes) implements WorkloadInput {
        /** Copies the bytes. */
        public Inline {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Inline i && Arrays.equals(i.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Inline[" + bytes.length + " bytes]";
        }
    }

    /** Only the input commitment, 32 bytes big-endian, a canonical field element. */
    record Commitment(byte[] commitment) implements WorkloadInput {
        /** Checks and copies the 32 bytes. */
        public Commitment {
            if (commitment.length != 32) {
                throw new IllegalArgumentException("an input commitment is 32 bytes, got " + commitment.length);
            }
            commitment = commitment.clone();
        }

        @Override
        public byte[] commitment() {
            return commitment.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Commitment c && Arrays.equals(c.commitment, commitment);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(commitment);
        }

        @Override
        public String toString() {
            return "Commitment[" + io.zklayer.primitives.Hex.encode(commitment) + "]";
        }
    }

    /** SCALE codec. */
    ScaleEnum<WorkloadInput> CODEC = ScaleEnum.<WorkloadInput>builder("WorkloadInput")
            .variant(0, "Inline", Inline.class, ScaleRecord.of("Inline",
                    ScaleRecord.field("bytes", ScaleCodecs.BYTES, Inline::bytes), Inline::new))
            .variant(1, "Commitment", Commitment.class, ScaleRecord.of("Commitment",
                    ScaleRecord.field("commitment", ScaleCodecs.fixedBytes(32), Commitment::commitment), Commitment::new))
            .build();
}
