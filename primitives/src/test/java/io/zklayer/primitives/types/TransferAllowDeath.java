package io.zklayer.primitives.types;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;
import java.math.BigInteger;

/**
 * The arguments of balances' {@code transfer_allow_death(dest: MultiAddress, value: Compact<u128>)}
 * (pallet 5, call 0 in the tests), declared as a record codec the way a pallet declares its calls.
 */
record TransferAllowDeath(MultiAddress dest, BigInteger value) {
    static final int PALLET_INDEX = 5;
    static final int CALL_INDEX = 0;

    static final ScaleCodec<TransferAllowDeath> CODEC = ScaleRecord.of("transfer_allow_death",
            ScaleRecord.field("dest", MultiAddress.CODEC, TransferAllowDeath::dest),
            ScaleRecord.field("value", ScaleCodecs.COMPACT_U128, TransferAllowDeath::value),
            TransferAllowDeath::new);

    Call toCall() {
        return new Call(PALLET_INDEX, CALL_INDEX, CODEC.encode(this));
    }
}
