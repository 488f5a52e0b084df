package io.zklayer.pallets.inference;

import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.PalletEvent;
import java.math.BigInteger;
import java.util.Arrays;

/** The events of the Inference pallet, at fixed event indexes. */
public sealed interface InferenceEvent extends PalletEvent {
    /** A workload was submitted and {@code maxPrice} escrowed (index 0). */
    record WorkloadSubmitted(long id, AccountId32 owner, long model, byte[] inputCommitment, BigInteger maxPrice)
            implements InferenceEvent {
        @Override
        public boolean equals(Object o) {
            return o instanceof WorkloadSubmitted w && w.id == id && w.owner.equals(owner) && w.model == model
                    && Arrays.equals(w.inputCommitment, inputCommitment) && w.maxPrice.equals(maxPrice);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(id);
        }
    }

    /** A workload was assigned to {@code node}; its result is due in a block ≤ {@code deadline} (index 1). */
    record WorkloadAssigned(long id, AccountId32 node, long deadline) implements InferenceEvent {}

    /** A node's result verified: {@code output} is the inference result, {@code price} paid to the node (index 2). */
    record ResultAccepted(long id, AccountId32 node, byte[] output, BigInteger price) implements InferenceEvent {
        @Override
        public boolean equals(Object o) {
            return o instanceof ResultAccepted r && r.id == id && r.node.equals(node) && Arrays.equals(r.output, output)
                    && r.price.equals(price);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(id);
        }

        @Override
        public String toString() {
            return "ResultAccepted[id=" + id + ", node=" + node + ", output=" + io.zklayer.primitives.Hex.encode(output)
                    + ", price=" + price + "]";
        }
    }

    /** A node's result did not verify; the node was slashed and the workload goes back to the queue or is refunded (index 3). */
    record ResultRejected(long id, AccountId32 node) implements InferenceEvent {}

    /** The assigned node missed the deadline; it was slashed and the workload goes back to the queue or is refunded (index 4). */
    record DeadlineMissed(long id, AccountId32 node) implements InferenceEvent {}

    /** A workload was given up and {@code amount} refunded to its owner (index 5). */
    record WorkloadRefunded(long id, AccountId32 owner, BigInteger amount, WorkloadStatus.RefundReason reason)
            implements InferenceEvent {}

    /** A public model's workload ran on chain: {@code output}, the gas used and what it cost (burned) (index 6). */
    record ExecutedOnChain(long id, byte[] output, long gasUsed, BigInteger cost) implements InferenceEvent {
        @Override
        public boolean equals(Object o) {
            return o instanceof ExecutedOnChain e && e.id == id && Arrays.equals(e.output, output) && e.gasUsed == gasUsed
                    && e.cost.equals(cost);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(id);
        }

        @Override
        public String toString() {
            return "ExecutedOnChain[id=" + id + ", output=" + io.zklayer.primitives.Hex.encode(output) + ", gasUsed="
                    + gasUsed + ", cost=" + cost + "]";
        }
    }

    /** SCALE codec: event index, then the fields. */
    ScaleEnum<InferenceEvent> CODEC = ScaleEnum.<InferenceEvent>builder("InferenceEvent")
            .variant(0, "WorkloadSubmitted", WorkloadSubmitted.class, ScaleRecord.of("WorkloadSubmitted",
                    ScaleRecord.field("id", ScaleCodecs.U64, WorkloadSubmitted::id),
                    ScaleRecord.field("owner", AccountId32.CODEC, WorkloadSubmitted::owner),
                    ScaleRecord.field("model", ScaleCodecs.U32, WorkloadSubmitted::model),
                    ScaleRecord.field("input_commitment", ScaleCodecs.fixedBytes(32), WorkloadSubmitted::inputCommitment),
                    ScaleRecord.field("max_price", ScaleCodecs.U128, WorkloadSubmitted::maxPrice),
                    WorkloadSubmitted::new))
            .variant(1, "WorkloadAssigned", WorkloadAssigned.class, ScaleRecord.of("WorkloadAssigned",
                    ScaleRecord.field("id", ScaleCodecs.U64, WorkloadAssigned::id),
                    ScaleRecord.field("node", AccountId32.CODEC, WorkloadAssigned::node),
                    ScaleRecord.field("deadline", ScaleCodecs.U64, WorkloadAssigned::deadline), WorkloadAssigned::new))
            .variant(2, "ResultAccepted", ResultAccepted.class, ScaleRecord.of("ResultAccepted",
                    ScaleRecord.field("id", ScaleCodecs.U64, ResultAccepted::id),
                    ScaleRecord.field("node", AccountId32.CODEC, ResultAccepted::node),
                    ScaleRecord.field("output", ScaleCodecs.BYTES, ResultAccepted::output),
                    ScaleRecord.field("price", ScaleCodecs.U128, ResultAccepted::price), ResultAccepted::new))
            .variant(3, "ResultRejected", ResultRejected.class, ScaleRecord.of("ResultRejected",
                    ScaleRecord.field("id", ScaleCodecs.U64, ResultRejected::id),
                    ScaleRecord.field("node", AccountId32.CODEC, ResultRejected::node), ResultRejected::new))
            .variant(4, "DeadlineMissed", DeadlineMissed.class, ScaleRecord.of("DeadlineMissed",
                    ScaleRecord.field("id", ScaleCodecs.U64, DeadlineMissed::id),
                    ScaleRecord.field("node", AccountId32.CODEC, DeadlineMissed::node), DeadlineMissed::new))
            .variant(5, "WorkloadRefunded", WorkloadRefunded.class, ScaleRecord.of("WorkloadRefunded",
                    ScaleRecord.field("id", ScaleCodecs.U64, WorkloadRefunded::id),
                    ScaleRecord.field("owner", AccountId32.CODEC, WorkloadRefunded::owner),
                    ScaleRecord.field("amount", ScaleCodecs.U128, WorkloadRefunded::amount),
                    ScaleRecord.field("reason", WorkloadStatus.RefundReason.CODEC, WorkloadRefunded::reason),
                    WorkloadRefunded::new))
            .variant(6, "ExecutedOnChain", ExecutedOnChain.class, ScaleRecord.of("ExecutedOnChain",
                    ScaleRecord.field("id", ScaleCodecs.U64, ExecutedOnChain::id),
                    ScaleRecord.field("output", ScaleCodecs.BYTES, ExecutedOnChain::output),
                    ScaleRecord.field("gas_used", ScaleCodecs.U64, ExecutedOnChain::gasUsed),
                    ScaleRecord.field("cost", ScaleCodecs.U128, ExecutedOnChain::cost), ExecutedOnChain::new))
            .build();

    @Override
    default int palletIndex() {
        return InferencePallet.INDEX;
    }

    @Override
    default byte[] encode() {
        return CODEC.encode(this);
    }
}
