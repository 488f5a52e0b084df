package io.zklayer.node.txpool;

/**
 * The answer of the pool to a submitted transaction: accepted (ready or future), or rejected with
 * a reason an RPC client can read.
 */
public sealed interface SubmitOutcome {
    /** Accepted; {@code ready} says whether it can be included now or waits for a predecessor. */
    record Accepted(byte[] hash, boolean ready) implements SubmitOutcome {}

    /** Rejected; nothing was added. */
    record Rejected(Reason reason, String detail) implements SubmitOutcome {}

    /** Why a transaction was not accepted. */
    enum Reason {
        /** The runtime says it can never be valid. */
        INVALID,
        /** The runtime could not decide. */
        UNKNOWN,
        /** The same bytes are already in the pool. */
        ALREADY_IMPORTED,
        /** Recently found invalid; refused until the ban expires. */
        TEMPORARILY_BANNED,
        /** Another transaction provides the same tag with equal or higher priority. */
        PRIORITY_TOO_LOW,
        /** The pool is full and this transaction's priority does not beat the lowest. */
        POOL_FULL,
        /** Larger than the pool accepts for one transaction. */
        TOO_LARGE
    }
}
