package io.zklayer.pallets.inference;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.types.AccountId32;
import java.util.Arrays;
import java.util.Optional;

/** Where a workload is in its life. SCALE: an enum, index byte then fields. */
public sealed interface WorkloadStatus {
    /** Waiting for a node with spare capacity, or for its on-chain run (index 0). */
    record Queued() implements WorkloadStatus {}

    /** Assigned to {@code node} in block {@code assignedAt}; the result must be in a block ≤ {@code deadline} (index 1). */
    record Assigned(AccountId32 node, long assignedAt, long deadline) implements WorkloadStatus {}

    /**
     * Done in block {@code at} with {@code output}; {@code node} proved it, or is empty for an on-chain
     * run (index 2).
     */
    record Completed(Optional<AccountId32> node, byte[] output, long at) implements WorkloadStatus {
        /** Copies the output. */
        public Completed {
            output = output.clone();
        }

        @Override
        public byte[] output() {
            return output.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Completed c && c.node.equals(node) && Arrays.equals(c.output, output) && c.at == at;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(output) * 31 + node.hashCode();
        }

        @Override
        public String toString() {
            return "Completed[node=" + node + ", output=" + io.zklayer.primitives.Hex.encode(output) + ", at=" + at + "]";
        }
    }

    /** Given up in block {@code at} and refunded (index 3). */
    record Refunded(RefundReason reason, long at) implements WorkloadStatus {}

    /** Why a workload was refunded; the ordinal is the SCALE index. */
    enum RefundReason {
        /** It waited in the queue longer than MaxQueueBlocks. */
        EXPIRED,
        /** Its nodes missed the deadline MaxAttempts times. */
        TOO_MANY_MISSES,
        /** Its model was deprecated or removed before it could be served. */
        MODEL_UNAVAILABLE,
        /** Its on-chain run trapped or ran out of gas (the gas used is still charged). */
        ON_CHAIN_FAILURE;

        /** SCALE codec: one byte. */
        public static final ScaleCodec<RefundReason> CODEC = ScaleEnum.ofUnitEnum("RefundReason", RefundReason.class,
                Enum::ordinal);
    }

    /** Returns whether the workload is finished (completed or refunded). */
    default boolean isFinal() {
        return this instanceof Completed || this instanceof Refunded;
    }

    /** SCALE codec. */
    ScaleEnum<WorkloadStatus> CODEC = ScaleEnum.<WorkloadStatus>builder("WorkloadStatus")
            .variant(0, "Queued", Queued.class, ScaleCodecs.unit("Queued", new Queued()))
            .variant(1, "Assigned", Assigned.class, ScaleRecord.of("Assigned",
                    ScaleRecord.field("node", AccountId32.CODEC, Assigned::node),
                    ScaleRecord.field("assigned_at", ScaleCodecs.U64, Assigned::assignedAt),
                    ScaleRecord.field("deadline", ScaleCodecs.U64, Assigned::deadline), Assigned::new))
            .variant(2, "Completed", Completed.class, ScaleRecord.of("Completed",
                    ScaleRecord.field("node", ScaleCodecs.option(AccountId32.CODEC), Completed::node),
                    ScaleRecord.field("output", ScaleCodecs.BYTES, Completed::output),
                    ScaleRecord.field("at", ScaleCodecs.U64, Completed::at), Completed::new))
            .variant(3, "Refunded", Refunded.class, ScaleRecord.of("Refunded",
                    ScaleRecord.field("reason", RefundReason.CODEC, Refunded::reason),
                    ScaleRecord.field("at", ScaleCodecs.U64, Refunded::at), Refunded::new))
            .build();
}
