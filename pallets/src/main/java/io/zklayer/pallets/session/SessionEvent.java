package io.zklayer.pallets.session;

import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import io.zklayer.runtime.PalletEvent;
import java.math.BigInteger;
import java.util.List;

/** The events of the Session pallet. */
public sealed interface SessionEvent extends PalletEvent {
    /**
     * A new epoch starts with the next block (index 0), deposited in the last block of the epoch
     * before: {@code NewEpoch {epoch: 1, randomness: 0x…}} → {@code 0x00 0100000000000000 ‖ 32 bytes}.
     */
    record NewEpoch(long epoch, H256 randomness) implements SessionEvent {}

    /** {@code controller} registered {@code sessionKey} with {@code bond}; it validates from epoch {@code joinsAt} (index 1). */
    record ValidatorRegistered(AccountId32 controller, AccountId32 sessionKey, BigInteger bond, long joinsAt)
            implements SessionEvent {}

    /**
     * {@code controller} unregistered {@code sessionKey}; it validates no more from epoch {@code leavesAt}, when its
     * bond is unreserved (a registration still pending is withdrawn at once: {@code leavesAt} is the current epoch)
     * (index 2).
     */
    record ValidatorUnregistered(AccountId32 controller, AccountId32 sessionKey, long leavesAt) implements SessionEvent {}

    /** The validator set of epoch {@code epoch} differs from the last one; deposited with {@code NewEpoch} (index 3). */
    record ValidatorSetChanged(long epoch, List<AccountId32> validators) implements SessionEvent {
        public ValidatorSetChanged {
            validators = List.copyOf(validators);
        }
    }

    /** SCALE codec: event index, then the fields. */
    ScaleEnum<SessionEvent> CODEC = ScaleEnum.<SessionEvent>builder("SessionEvent")
            .variant(0, "NewEpoch", NewEpoch.class, ScaleRecord.of("NewEpoch",
                    ScaleRecord.field("epoch", ScaleCodecs.U64, NewEpoch::epoch),
                    ScaleRecord.field("randomness", H256.CODEC, NewEpoch::randomness), NewEpoch::new))
            .variant(1, "ValidatorRegistered", ValidatorRegistered.class, ScaleRecord.of("ValidatorRegistered",
                    ScaleRecord.field("controller", AccountId32.CODEC, ValidatorRegistered::controller),
                    ScaleRecord.field("session_key", AccountId32.CODEC, ValidatorRegistered::sessionKey),
                    ScaleRecord.field("bond", ScaleCodecs.U128, ValidatorRegistered::bond),
                    ScaleRecord.field("joins_at", ScaleCodecs.U64, ValidatorRegistered::joinsAt), ValidatorRegistered::new))
            .variant(2, "ValidatorUnregistered", ValidatorUnregistered.class, ScaleRecord.of("ValidatorUnregistered",
                    ScaleRecord.field("controller", AccountId32.CODEC, ValidatorUnregistered::controller),
                    ScaleRecord.field("session_key", AccountId32.CODEC, ValidatorUnregistered::sessionKey),
                    ScaleRecord.field("leaves_at", ScaleCodecs.U64, ValidatorUnregistered::leavesAt),
                    ValidatorUnregistered::new))
            .variant(3, "ValidatorSetChanged", ValidatorSetChanged.class, ScaleRecord.of("ValidatorSetChanged",
                    ScaleRecord.field("epoch", ScaleCodecs.U64, ValidatorSetChanged::epoch),
                    ScaleRecord.field("validators", ScaleCodecs.vec(AccountId32.CODEC), ValidatorSetChanged::validators),
                    ValidatorSetChanged::new))
            .build();

    /** One line of docs per event, for the runtime description. */
    static String docs(String name) {
        return switch (name) {
            case "NewEpoch" -> "A new epoch starts with the next block, with its randomness.";
            case "ValidatorRegistered" -> "A validator was registered with a bond; it joins the set at the next epoch.";
            case "ValidatorUnregistered" -> "A validator was unregistered; it leaves the set at the next epoch.";
            case "ValidatorSetChanged" -> "The validator set of the next epoch, fixed in the last block of this one.";
            default -> "Session event " + name + ".";
        };
    }

    @Override
    default int palletIndex() {
        return SessionPallet.INDEX;
    }

    @Override
    default byte[] encode() {
        return CODEC.encode(this);
    }
}
