package io.zklayer.consensus.finality;

/**
 * Timing and bounds of the finality gadget.
 *
 * @param gossipDurationMillis GRANDPA's {@code T}, the expected time for a message to reach every
 *     voter: a round prevotes at the latest {@code 2T} after it starts and precommits at the latest
 *     {@code 4T} after
 * @param rebroadcastMillis how often the voter repeats its own votes and the last commit, so peers
 *     that missed them (or were offline) catch up
 * @param catchUpTimeoutMillis how long to wait for a catch-up or justification answer before
 *     asking again
 * @param maxBufferedMessages how many messages for the next round or the next set are kept until
 *     they can be used
 */
public record FinalityConfig(long gossipDurationMillis, long rebroadcastMillis, long catchUpTimeoutMillis,
                             int maxBufferedMessages) {
    /** Checks the ranges. */
    public FinalityConfig {
        if (gossipDurationMillis < 1 || rebroadcastMillis < 1 || catchUpTimeoutMillis < 1 || maxBufferedMessages < 0) {
            throw new IllegalArgumentException("finality config: durations must be positive and the buffer non-negative");
        }
    }

    /** Returns the defaults for slots of {@code slotMillis}: {@code T} is a third of a slot (at least 100 ms). */
    public static FinalityConfig forSlot(long slotMillis) {
        long t = Math.max(100, slotMillis / 3);
        return new FinalityConfig(t, 4 * t, 4 * t, 1024);
    }
}
