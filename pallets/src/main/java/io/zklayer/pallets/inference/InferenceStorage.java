package io.zklayer.pallets.inference;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.hashing.StorageHasher;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.storage.StorageEntryDescriptor;
import io.zklayer.runtime.storage.StorageMap;
import io.zklayer.runtime.storage.StorageValue;
import java.util.List;

/**
 * The storage items of the Inference pallet. Workload ids and block numbers are assigned by the
 * chain in sequence, so they are hashed with {@code Twox64Concat}; accounts with
 * {@code Blake2_128Concat}.
 */
public final class InferenceStorage {
    private InferenceStorage() {}

    /**
     * What a node has done in the market.
     *
     * @param completed results accepted
     * @param missed deadlines missed
     * @param invalid results whose proof failed
     */
    public record NodeStats(long completed, long missed, long invalid) {
        /** SCALE codec {@code {completed: u64, missed: u64, invalid: u64}}. */
        public static final ScaleCodec<NodeStats> CODEC = ScaleRecord.of("NodeStats",
                ScaleRecord.field("completed", ScaleCodecs.U64, NodeStats::completed),
                ScaleRecord.field("missed", ScaleCodecs.U64, NodeStats::missed),
                ScaleRecord.field("invalid", ScaleCodecs.U64, NodeStats::invalid),
                NodeStats::new);

        /** No activity. */
        public static final NodeStats NONE = new NodeStats(0, 0, 0);
    }

    /** The id the next workload gets. */
    public static final StorageValue<Long> NEXT_WORKLOAD_ID = new StorageValue<>(InferencePallet.NAME, "NextWorkloadId",
            ScaleCodecs.U64, 0L, "The id of the next workload.");

    /** Every workload by id (finished ones stay, with their output or refund reason). */
    public static final StorageMap<Long, Workload> WORKLOADS = new StorageMap<>(InferencePallet.NAME, "Workloads",
            StorageHasher.TWOX_64_CONCAT, ScaleCodecs.U64, Workload.CODEC, null,
            "Workloads by id: owner, model, input, escrow, status.");

    /** Workloads waiting for assignment or an on-chain run, oldest first. */
    public static final StorageValue<List<Long>> QUEUE = new StorageValue<>(InferencePallet.NAME, "Queue",
            ScaleCodecs.vec(ScaleCodecs.U64), List.of(), "Workloads waiting for a node with spare capacity, oldest first.");

    /** Assigned workloads by the last block their result may be in. */
    public static final StorageMap<Long, List<Long>> DEADLINES = new StorageMap<>(InferencePallet.NAME, "Deadlines",
            StorageHasher.TWOX_64_CONCAT, ScaleCodecs.U64, ScaleCodecs.vec(ScaleCodecs.U64), List.of(),
            "Assigned workloads by the last block that may hold their result.");

    /** What each node has done. */
    public static final StorageMap<AccountId32, NodeStats> NODE_STATS = new StorageMap<>(InferencePallet.NAME,
            "NodeStats", StorageHasher.BLAKE2_128_CONCAT, AccountId32.CODEC, NodeStats.CODEC, NodeStats.NONE,
            "Results accepted, deadlines missed and invalid results per node.");

    /** Returns every storage item's description. */
    public static List<StorageEntryDescriptor> descriptors() {
        return List.of(NEXT_WORKLOAD_ID.descriptor(), WORKLOADS.descriptor(), QUEUE.descriptor(), DEADLINES.descriptor(),
                NODE_STATS.descriptor());
    }
}
