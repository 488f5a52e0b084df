package io.zklayer.p2p.gossip;

/** An application validator's verdict on a message (gossipsub v1.1 extended validators). */
public enum ValidationResult {
    /** Deliver and forward. */
    ACCEPT,
    /** Drop without penalty (e.g. stale). */
    IGNORE,
    /** Drop and penalise the peer that sent it. */
    REJECT
}
