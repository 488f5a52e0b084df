package io.zklayer.primitives.types;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;

/**
 * When in a block an event happened, as {@code frame_system::Phase}: {@code ApplyExtrinsic(u32) = 0}
 * (while applying the extrinsic at that index), {@code Finalization = 1}, {@code Initialization = 2}.
 * {@code ApplyExtrinsic(1)} → {@code 0x0001000000}; {@code Finalization} → {@code 0x01}.
 */
public sealed interface Phase {
    /** The finalization phase (after the last extrinsic). */
    Finalization FINALIZATION = new Finalization();
    /** The initialization phase (before the first extrinsic). */
    Initialization INITIALIZATION = new Initialization();

    /** SCALE codec of a phase. */
    ScaleCodec<Phase> CODEC = ScaleEnum.<Phase>builder("Phase")
            .variant(0, "ApplyExtrinsic", ApplyExtrinsic.class,
                    ScaleCodecs.map("ApplyExtrinsic", ScaleCodecs.U32, ApplyExtrinsic::new, ApplyExtrinsic::index))
            .variant(1, "Finalization", Finalization.class, ScaleCodecs.unit("Finalization", FINALIZATION))
            .variant(2, "Initialization", Initialization.class, ScaleCodecs.unit("Initialization", INITIALIZATION))
            .build();

    /** Returns the phase of applying the extrinsic at {@code index}. */
    static Phase applyExtrinsic(long index) {
        return new ApplyExtrinsic(index);
    }

    /**
     * Applying the extrinsic at {@code index} of the block (index 0).
     *
     * @param index the extrinsic's position, a u32
     */
    record ApplyExtrinsic(long index) implements Phase {
        /** Checks the index is a u32. */
        public ApplyExtrinsic {
            if (index < 0 || index > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("extrinsic index must be a u32, got " + index);
            }
        }
    }

    /** Finalizing the block (index 1). */
    final class Finalization implements Phase {
        private Finalization() {}

        @Override
        public String toString() {
            return "Finalization";
        }
    }

    /** Initializing the block (index 2). */
    final class Initialization implements Phase {
        private Initialization() {}

        @Override
        public String toString() {
            return "Initialization";
        }
    }
}
