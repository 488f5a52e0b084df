package io.zklayer.pallets.system;

import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import io.zklayer.runtime.DispatchError;
import io.zklayer.runtime.DispatchInfo;
import io.zklayer.runtime.PalletEvent;

/** The events of the System pallet, at Substrate's event indexes. */
public sealed interface SystemEvent extends PalletEvent {
    /** An extrinsic completed (index 0). */
    record ExtrinsicSuccess(DispatchInfo dispatchInfo) implements SystemEvent {}

    /** An extrinsic failed; its fee was still paid (index 1). */
    record ExtrinsicFailed(DispatchError dispatchError, DispatchInfo dispatchInfo) implements SystemEvent {}

    /** An account came into existence (index 3). */
    record NewAccount(AccountId32 account) implements SystemEvent {}

    /** An account was reaped (index 4). */
    record KilledAccount(AccountId32 account) implements SystemEvent {}

    /** A remark was made (index 5). */
    record Remarked(AccountId32 sender, H256 hash) implements SystemEvent {}

    /** SCALE codec: event index, then the fields. */
    ScaleEnum<SystemEvent> CODEC = ScaleEnum.<SystemEvent>builder("SystemEvent")
            .variant(0, "ExtrinsicSuccess", ExtrinsicSuccess.class, ScaleRecord.of("ExtrinsicSuccess",
                    ScaleRecord.field("dispatch_info", DispatchInfo.CODEC, ExtrinsicSuccess::dispatchInfo),
                    ExtrinsicSuccess::new))
            .variant(1, "ExtrinsicFailed", ExtrinsicFailed.class, ScaleRecord.of("ExtrinsicFailed",
                    ScaleRecord.field("dispatch_error", DispatchError.CODEC, ExtrinsicFailed::dispatchError),
                    ScaleRecord.field("dispatch_info", DispatchInfo.CODEC, ExtrinsicFailed::dispatchInfo),
                    ExtrinsicFailed::new))
            .variant(3, "NewAccount", NewAccount.class, ScaleRecord.of("NewAccount",
                    ScaleRecord.field("account", AccountId32.CODEC, NewAccount::account), NewAccount::new))
            .variant(4, "KilledAccount", KilledAccount.class, ScaleRecord.of("KilledAccount",
                    ScaleRecord.field("account", AccountId32.CODEC, KilledAccount::account), KilledAccount::new))
            .variant(5, "Remarked", Remarked.class, ScaleRecord.of("Remarked",
                    ScaleRecord.field("sender", AccountId32.CODEC, Remarked::sender),
                    ScaleRecord.field("hash", H256.CODEC, Remarked::hash), Remarked::new))
            .build();

    @Override
    default int palletIndex() {
        return SystemPallet.INDEX;
    }

    @Override
    default byte[] encode() {
        return CODEC.encode(this);
    }
}
