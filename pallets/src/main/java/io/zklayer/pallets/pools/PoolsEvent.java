package io.zklayer.pallets.pools;

import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.PalletEvent;
import java.math.BigInteger;
import java.util.List;

/** The events of the Pools pallet, at fixed event indexes. */
public sealed interface PoolsEvent extends PalletEvent {
    /** A node registered; it is active from epoch {@code activeFrom} (index 0). */
    record NodeRegistered(AccountId32 who, List<Long> models, long computeUnitsPerEpoch, BigInteger bond,
                          long activeFrom) implements PoolsEvent {
        /** Copies the list. */
        public NodeRegistered {
            models = List.copyOf(models);
        }
    }

    /** A pending node became active in epoch {@code epoch} (index 1). */
    record NodeActivated(AccountId32 who, long epoch) implements PoolsEvent {}

    /** A node will leave at the change to epoch {@code leavesAt} (index 2). */
    record NodeDeregistered(AccountId32 who, long leavesAt) implements PoolsEvent {}

    /** A node left in epoch {@code epoch}; its bond unlocks in epoch {@code unlockEpoch} (index 3). */
    record NodeLeft(AccountId32 who, long epoch, BigInteger bond, long unlockEpoch) implements PoolsEvent {}

    /** Unbonded funds were released to the account's free balance (index 4). */
    record Withdrawn(AccountId32 who, BigInteger amount) implements PoolsEvent {}

    /** A node's bond was slashed; {@code toTreasury} says whether it went to the treasury or was burned (index 5). */
    record NodeSlashed(AccountId32 who, BigInteger amount, SlashReason reason, boolean toTreasury)
            implements PoolsEvent {}

    /** The pools of epoch {@code epoch} were snapshotted: {@code activeNodes} nodes, {@code totalUnits} units (index 6). */
    record PoolsRotated(long epoch, long activeNodes, long totalUnits) implements PoolsEvent {}

    /** SCALE codec: event index, then the fields. */
    ScaleEnum<PoolsEvent> CODEC = ScaleEnum.<PoolsEvent>builder("PoolsEvent")
            .variant(0, "NodeRegistered", NodeRegistered.class, ScaleRecord.of("NodeRegistered",
                    ScaleRecord.field("who", AccountId32.CODEC, NodeRegistered::who),
                    ScaleRecord.field("models", ScaleCodecs.vec(ScaleCodecs.U32), NodeRegistered::models),
                    ScaleRecord.field("compute_units_per_epoch", ScaleCodecs.U64, NodeRegistered::computeUnitsPerEpoch),
                    ScaleRecord.field("bond", ScaleCodecs.U128, NodeRegistered::bond),
                    ScaleRecord.field("active_from", ScaleCodecs.U64, NodeRegistered::activeFrom),
                    NodeRegistered::new))
            .variant(1, "NodeActivated", NodeActivated.class, ScaleRecord.of("NodeActivated",
                    ScaleRecord.field("who", AccountId32.CODEC, NodeActivated::who),
                    ScaleRecord.field("epoch", ScaleCodecs.U64, NodeActivated::epoch), NodeActivated::new))
            .variant(2, "NodeDeregistered", NodeDeregistered.class, ScaleRecord.of("NodeDeregistered",
                    ScaleRecord.field("who", AccountId32.CODEC, NodeDeregistered::who),
                    ScaleRecord.field("leaves_at", ScaleCodecs.U64, NodeDeregistered::leavesAt), NodeDeregistered::new))
            .variant(3, "NodeLeft", NodeLeft.class, ScaleRecord.of("NodeLeft",
                    ScaleRecord.field("who", AccountId32.CODEC, NodeLeft::who),
                    ScaleRecord.field("epoch", ScaleCodecs.U64, NodeLeft::epoch),
                    ScaleRecord.field("bond", ScaleCodecs.U128, NodeLeft::bond),
                    ScaleRecord.field("unlock_epoch", ScaleCodecs.U64, NodeLeft::unlockEpoch), NodeLeft::new))
            .variant(4, "Withdrawn", Withdrawn.class, ScaleRecord.of("Withdrawn",
                    ScaleRecord.field("who", AccountId32.CODEC, Withdrawn::who),
                    ScaleRecord.field("amount", ScaleCodecs.U128, Withdrawn::amount), Withdrawn::new))
            .variant(5, "NodeSlashed", NodeSlashed.class, ScaleRecord.of("NodeSlashed",
                    ScaleRecord.field("who", AccountId32.CODEC, NodeSlashed::who),
                    ScaleRecord.field("amount", ScaleCodecs.U128, NodeSlashed::amount),
                    ScaleRecord.field("reason", SlashReason.CODEC, NodeSlashed::reason),
                    ScaleRecord.field("to_treasury", ScaleCodecs.BOOL, NodeSlashed::toTreasury), NodeSlashed::new))
            .variant(6, "PoolsRotated", PoolsRotated.class, ScaleRecord.of("PoolsRotated",
                    ScaleRecord.field("epoch", ScaleCodecs.U64, PoolsRotated::epoch),
                    ScaleRecord.field("active_nodes", ScaleCodecs.U32, PoolsRotated::activeNodes),
                    ScaleRecord.field("total_units", ScaleCodecs.U64, PoolsRotated::totalUnits), PoolsRotated::new))
            .build();

    @Override
    default int palletIndex() {
        return PoolsPallet.INDEX;
    }

    @Override
    default byte[] encode() {
        return CODEC.encode(this);
    }
}
