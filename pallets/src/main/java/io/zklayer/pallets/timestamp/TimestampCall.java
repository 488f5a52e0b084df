package io.zklayer.pallets.timestamp;

import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;

/** The calls of the Timestamp pallet. */
public sealed interface TimestampCall {
    /** The inherent setting the block's time in milliseconds since the Unix epoch (index 0). */
    record Set(long now) implements TimestampCall {}

    /** SCALE codec: call index, then {@code now: Compact<u64>}. */
    ScaleEnum<TimestampCall> CODEC = ScaleEnum.<TimestampCall>builder("TimestampCall")
            .variant(0, "set", Set.class, ScaleRecord.of("set",
                    ScaleRecord.field("now", ScaleCodecs.COMPACT_U64, Set::now), Set::new))
            .build();
}
