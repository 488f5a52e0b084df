package io.zklayer.pallets.pools;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleEnum;

/** Why a node's bond was slashed; the ordinal is the SCALE index in {@code NodeSlashed}. */
public enum SlashReason {
    /** The node did not submit a result for an assigned workload before its deadline. */
    MISSED_DEADLINE,
    /** The node submitted a result whose proof does not verify. */
    INVALID_RESULT;

    /** SCALE codec: one byte. */
    public static final ScaleCodec<SlashReason> CODEC = ScaleEnum.ofUnitEnum("SlashReason", SlashReason.class,
            Enum::ordinal);
}
