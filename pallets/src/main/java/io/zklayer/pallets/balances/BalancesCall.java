package io.zklayer.pallets.balances;

import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.types.MultiAddress;
import java.math.BigInteger;

/** The calls of the Balances pallet, at Substrate's call indexes. */
public sealed interface BalancesCall {
    /** Transfers {@code value}; the sender may be reaped (index 0). */
    record TransferAllowDeath(MultiAddress dest, BigInteger value) implements BalancesCall {}

    /** Root: transfers from any account (index 2). */
    record ForceTransfer(MultiAddress source, MultiAddress dest, BigInteger value) implements BalancesCall {}

    /** Transfers {@code value}; fails rather than reap the sender (index 3). */
    record TransferKeepAlive(MultiAddress dest, BigInteger value) implements BalancesCall {}

    /** Transfers everything transferable (index 4). */
    record TransferAll(MultiAddress dest, boolean keepAlive) implements BalancesCall {}

    /** Root: sets an account's free balance (index 8). */
    record ForceSetBalance(MultiAddress who, BigInteger newFree) implements BalancesCall {}

    /** SCALE codec: call index, then the arguments. */
    ScaleEnum<BalancesCall> CODEC = ScaleEnum.<BalancesCall>builder("BalancesCall")
            .variant(0, "transfer_allow_death", TransferAllowDeath.class, ScaleRecord.of("transfer_allow_death",
                    ScaleRecord.field("dest", MultiAddress.CODEC, TransferAllowDeath::dest),
                    ScaleRecord.field("value", ScaleCodecs.COMPACT_U128, TransferAllowDeath::value),
                    TransferAllowDeath::new))
            .variant(2, "force_transfer", ForceTransfer.class, ScaleRecord.of("force_transfer",
                    ScaleRecord.field("source", MultiAddress.CODEC, ForceTransfer::source),
                    ScaleRecord.field("dest", MultiAddress.CODEC, ForceTransfer::dest),
                    ScaleRecord.field("value", ScaleCodecs.COMPACT_U128, ForceTransfer::value),
                    ForceTransfer::new))
            .variant(3, "transfer_keep_alive", TransferKeepAlive.class, ScaleRecord.of("transfer_keep_alive",
                    ScaleRecord.field("dest", MultiAddress.CODEC, TransferKeepAlive::dest),
                    ScaleRecord.field("value", ScaleCodecs.COMPACT_U128, TransferKeepAlive::value),
                    TransferKeepAlive::new))
            .variant(4, "transfer_all", TransferAll.class, ScaleRecord.of("transfer_all",
                    ScaleRecord.field("dest", MultiAddress.CODEC, TransferAll::dest),
                    ScaleRecord.field("keep_alive", ScaleCodecs.BOOL, TransferAll::keepAlive),
                    TransferAll::new))
            .variant(8, "force_set_balance", ForceSetBalance.class, ScaleRecord.of("force_set_balance",
                    ScaleRecord.field("who", MultiAddress.CODEC, ForceSetBalance::who),
                    ScaleRecord.field("new_free", ScaleCodecs.COMPACT_U128, ForceSetBalance::newFree),
                    ForceSetBalance::new))
            .build();
}
