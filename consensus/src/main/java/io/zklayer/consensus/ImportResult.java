package io.zklayer.consensus;

import io.zklayer.primitives.types.Block;

/** The outcome of importing a block. */
public sealed interface ImportResult {
    /**
     * Imported and stored.
     *
     * @param block the block
     * @param best whether it became the best block
     * @param finalized whether it is final
     * @param executionMillis the time spent executing it
     */
    record Imported(Block block, boolean best, boolean finalized, long executionMillis) implements ImportResult {}

    /** The block is already stored; nothing changed. */
    record AlreadyKnown(ChainHead head) implements ImportResult {}

    /** The block breaks a rule; nothing was written. {@code detail} names the rule. */
    record Rejected(Reason reason, String detail) implements ImportResult {}

    /** Why a block was rejected. */
    enum Reason {
        /** Its parent is not stored. */
        UNKNOWN_PARENT,
        /** It is not above the finalized block. */
        BELOW_FINALIZED,
        /** Its number does not follow its parent's. */
        BAD_NUMBER,
        /** Its slot is missing, not after the parent's, or too far in the future. */
        BAD_SLOT,
        /** Its author is not the slot's author or its seal does not verify. */
        BAD_SEAL,
        /** Executing it failed: an invalid extrinsic or inherent. */
        INVALID_BODY,
        /** Its state or extrinsics root does not match the execution. */
        ROOT_MISMATCH,
        /** The parent's state is no longer available. */
        STATE_UNAVAILABLE
    }
}
