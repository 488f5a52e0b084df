package io.zklayer.pallets.pools;

import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import java.math.BigInteger;
import java.util.List;

/**
 * The calls of the Pools pallet, at fixed call indexes. Example: {@code register_node([0], 100, 10^14)}
 * → {@code 0x00 ‖ 04 00000000 ‖ 6400000000000000 ‖ Compact(10^14)}.
 */
public sealed interface PoolsCall {
    /** Registers the signer as a node of {@code models}, reserving {@code bond}; active from the next epoch (index 0). */
    record RegisterNode(List<Long> models, long computeUnitsPerEpoch, BigInteger bond) implements PoolsCall {
        /** Copies the list. */
        public RegisterNode {
            models = List.copyOf(models);
        }
    }

    /** Leaves the pools at the next epoch; the bond then unbonds (index 1). */
    record Deregister() implements PoolsCall {}

    /** Releases every unbonding chunk whose unlock epoch has come (index 2). */
    record WithdrawUnbonded() implements PoolsCall {}

    /** SCALE codec: call index, then the arguments. */
    ScaleEnum<PoolsCall> CODEC = ScaleEnum.<PoolsCall>builder("PoolsCall")
            .variant(0, "register_node", RegisterNode.class, ScaleRecord.of("register_node",
                    ScaleRecord.field("models", ScaleCodecs.vec(ScaleCodecs.U32), RegisterNode::models),
                    ScaleRecord.field("compute_units_per_epoch", ScaleCodecs.U64, RegisterNode::computeUnitsPerEpoch),
                    ScaleRecord.field("bond", ScaleCodecs.COMPACT_U128, RegisterNode::bond),
                    RegisterNode::new))
            .variant(1, "deregister", Deregister.class, ScaleCodecs.unit("deregister", new Deregister()))
            .variant(2, "withdraw_unbonded", WithdrawUnbonded.class,
                    ScaleCodecs.unit("withdraw_unbonded", new WithdrawUnbonded()))
            .build();
}
