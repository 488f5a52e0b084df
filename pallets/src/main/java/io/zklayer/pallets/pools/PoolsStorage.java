package io.zklayer.pallets.pools;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.hashing.StorageHasher;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.storage.StorageEntryDescriptor;
import io.zklayer.runtime.storage.StorageMap;
import io.zklayer.runtime.storage.StorageValue;
import java.math.BigInteger;
import java.util.List;

/**
 * The storage items of the Pools pallet. Accounts are hashed with {@code Blake2_128Concat} (they are
 * user-chosen), model ids with {@code Twox64Concat} (the registry assigns them in sequence).
 *
 * <p>A node's life: {@code register_node} in epoch e writes a {@link NodeStatus#PENDING} entry; the
 * epoch change to e + 1 makes it {@link NodeStatus#ACTIVE} and snapshots its capacity into
 * {@link #CAPACITY} and its models' {@link #MODEL_POOL}s, which is what "active" means for
 * assignment. {@code deregister} marks it {@link NodeStatus#LEAVING}; it keeps serving until the next
 * epoch change, which removes it and moves its bond to {@link #UNBONDING}.
 */
public final class PoolsStorage {
    private PoolsStorage() {}

    /** Where a registered node is in its life; the ordinal is the SCALE index. */
    public enum NodeStatus {
        /** Registered; active from the epoch in {@code statusEpoch}. */
        PENDING,
        /** Serving since the epoch in {@code statusEpoch}. */
        ACTIVE,
        /** Deregistered; removed at the change to the epoch in {@code statusEpoch}. */
        LEAVING;

        /** SCALE codec: one byte. */
        public static final ScaleCodec<NodeStatus> CODEC = ScaleEnum.ofUnitEnum("NodeStatus", NodeStatus.class,
                Enum::ordinal);
    }

    /**
     * A registered node.
     *
     * @param models the models it serves (u32 ids, ascending, no repeats)
     * @param computeUnitsPerEpoch the compute units it offers per epoch
     * @param bond its bond, reserved under {@link PoolsPallet#RESERVE_ID}
     * @param status where it is in its life
     * @param statusEpoch the epoch the status refers to (see {@link NodeStatus})
     */
    public record PoolNode(List<Long> models, long computeUnitsPerEpoch, BigInteger bond, NodeStatus status,
                           long statusEpoch) {
        /** SCALE codec {@code {models: Vec<u32>, compute_units_per_epoch: u64, bond: u128, status, status_epoch: u64}}. */
        public static final ScaleCodec<PoolNode> CODEC = ScaleRecord.of("PoolNode",
                ScaleRecord.field("models", ScaleCodecs.vec(ScaleCodecs.U32), PoolNode::models),
                ScaleRecord.field("compute_units_per_epoch", ScaleCodecs.U64, PoolNode::computeUnitsPerEpoch),
                ScaleRecord.field("bond", ScaleCodecs.U128, PoolNode::bond),
                ScaleRecord.field("status", NodeStatus.CODEC, PoolNode::status),
                ScaleRecord.field("status_epoch", ScaleCodecs.U64, PoolNode::statusEpoch),
                PoolNode::new);

        /** Copies the model list. */
        public PoolNode {
            models = List.copyOf(models);
        }

        /** Returns a copy with another status. */
        public PoolNode withStatus(NodeStatus newStatus, long epoch) {
            return new PoolNode(models, computeUnitsPerEpoch, bond, newStatus, epoch);
        }

        /** Returns a copy with another bond. */
        public PoolNode withBond(BigInteger newBond) {
            return new PoolNode(models, computeUnitsPerEpoch, newBond, status, statusEpoch);
        }
    }

    /**
     * Part of a former bond waiting to unlock.
     *
     * @param amount the amount, still reserved
     * @param unlockEpoch the first epoch in which {@code withdraw_unbonded} releases it
     */
    public record UnbondingChunk(BigInteger amount, long unlockEpoch) {
        /** SCALE codec {@code {amount: u128, unlock_epoch: u64}}. */
        public static final ScaleCodec<UnbondingChunk> CODEC = ScaleRecord.of("UnbondingChunk",
                ScaleRecord.field("amount", ScaleCodecs.U128, UnbondingChunk::amount),
                ScaleRecord.field("unlock_epoch", ScaleCodecs.U64, UnbondingChunk::unlockEpoch),
                UnbondingChunk::new);
    }

    /**
     * An active node's capacity in the current epoch.
     *
     * @param total the compute units it may be assigned this epoch (lowered to {@code used} by a penalty)
     * @param used the compute units assigned so far
     */
    public record EpochCapacity(long total, long used) {
        /** SCALE codec {@code {total: u64, used: u64}}. */
        public static final ScaleCodec<EpochCapacity> CODEC = ScaleRecord.of("EpochCapacity",
                ScaleRecord.field("total", ScaleCodecs.U64, EpochCapacity::total),
                ScaleRecord.field("used", ScaleCodecs.U64, EpochCapacity::used),
                EpochCapacity::new);

        /** Returns the units still free this epoch. */
        public long spare() {
            return total - used;
        }
    }

    /** Registered nodes by account. */
    public static final StorageMap<AccountId32, PoolNode> NODES = new StorageMap<>(PoolsPallet.NAME, "Nodes",
            StorageHasher.BLAKE2_128_CONCAT, AccountId32.CODEC, PoolNode.CODEC, null,
            "Registered nodes: models served, compute units per epoch, bond and status.");

    /** The number of entries in {@link #NODES}. */
    public static final StorageValue<Long> NODE_COUNT = new StorageValue<>(PoolsPallet.NAME, "NodeCount",
            ScaleCodecs.U32, 0L, "The number of registered nodes.");

    /** Former bonds waiting to unlock, by account. */
    public static final StorageMap<AccountId32, List<UnbondingChunk>> UNBONDING = new StorageMap<>(PoolsPallet.NAME,
            "Unbonding", StorageHasher.BLAKE2_128_CONCAT, AccountId32.CODEC, ScaleCodecs.vec(UnbondingChunk.CODEC),
            List.of(), "Bonds of nodes that left, reserved until their unlock epoch.");

    /** The capacity of every node active in the current epoch. */
    public static final StorageMap<AccountId32, EpochCapacity> CAPACITY = new StorageMap<>(PoolsPallet.NAME,
            "Capacity", StorageHasher.BLAKE2_128_CONCAT, AccountId32.CODEC, EpochCapacity.CODEC, null,
            "Compute units of each node active in the current epoch: total and used; a node is active iff listed.");

    /** The active nodes serving each model in the current epoch, by account bytes ascending. */
    public static final StorageMap<Long, List<AccountId32>> MODEL_POOL = new StorageMap<>(PoolsPallet.NAME,
            "ModelPool", StorageHasher.TWOX_64_CONCAT, ScaleCodecs.U32, ScaleCodecs.vec(AccountId32.CODEC), List.of(),
            "The nodes active in the current epoch for each model, ordered by account.");

    /** Returns every storage item's description. */
    public static List<StorageEntryDescriptor> descriptors() {
        return List.of(NODES.descriptor(), NODE_COUNT.descriptor(), UNBONDING.descriptor(), CAPACITY.descriptor(),
                MODEL_POOL.descriptor());
    }
}
