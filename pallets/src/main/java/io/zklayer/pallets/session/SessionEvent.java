package io.zklayer.pallets.session;

import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.types.H256;
import io.zklayer.runtime.PalletEvent;

/** The events of the Session pallet. */
public sealed interface SessionEvent extends PalletEvent {
    /**
     * A new epoch starts with the next block (index 0), deposited in the last block of the epoch
     * before: {@code NewEpoch {epoch: 1, randomness: 0x…}} → {@code 0x00 0100000000000000 ‖ 32 bytes}.
     */
    record NewEpoch(long epoch, H256 randomness) implements SessionEvent {}

    /** SCALE codec: event index, then the fields. */
    ScaleEnum<SessionEvent> CODEC = ScaleEnum.<SessionEvent>builder("SessionEvent")
            .variant(0, "NewEpoch", NewEpoch.class, ScaleRecord.of("NewEpoch",
                    ScaleRecord.field("epoch", ScaleCodecs.U64, NewEpoch::epoch),
                    ScaleRecord.field("randomness", H256.CODEC, NewEpoch::randomness), NewEpoch::new))
            .build();

    @Override
    default int palletIndex() {
        return SessionPallet.INDEX;
    }

    @Override
    default byte[] encode() {
        return CODEC.encode(this);
    }
}
