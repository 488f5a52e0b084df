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

    /** Why a block was rejected: one reason per validity rule. */
    enum Reason {
        /** Its parent is not stored. */
        UNKNOWN_PARENT,
        /** It is not above the finalized block, or its parent is on a fork without the finalized block. */
        BELOW_FINALIZED,
        /** Its number does not follow its parent's. */
        BAD_NUMBER,
        /** It has no single well-formed slot pre-runtime digest. */
        MISSING_SLOT,
        /** Its slot is not after its parent's slot. */
        SLOT_NOT_AFTER_PARENT,
        /** Its slot is further ahead of the local clock than the allowed drift. */
        SLOT_IN_FUTURE,
        /** It starts an epoch without announcing that epoch's set, or announces a set where none starts. */
        BAD_EPOCH_DIGEST,
        /** It is sealed by a validator that is not the slot's author. */
        WRONG_AUTHOR,
        /** Its seal is missing, malformed, or does not verify. */
        BAD_SEAL,
        /** Executing it failed: an invalid extrinsic or inherent. */
        INVALID_BODY,
        /** Its state or extrinsics root (or digest) does not match the execution. */
        ROOT_MISMATCH,
        /** The parent's state is no longer available. */
        STATE_UNAVAILABLE
    }
}
