package io.zklayer.node.network;

import io.zklayer.consensus.network.PeerReport;
import io.zklayer.p2p.peer.PeerId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * How much this node trusts each peer, in the way of Substrate's peer set: a score that good
 * behaviour raises a little and bad behaviour lowers a lot, decaying back towards zero by 2% a
 * second; at or below {@link #BAN_THRESHOLD} the peer is disconnected and banned for the ban
 * duration (its connections are closed on sight until then).
 *
 * <p>One invalid block bans at once, whatever the peer did before (a change of −1000, the lowest
 * score, sets the score to it rather than adding); two malformed messages
 * in quick succession ban; a peer that times out now and then does not. Time comes from the
 * injected millisecond clock, so tests drive it by hand. Not thread-safe: the network service
 * uses it on its own thread.
 */
public final class PeerReputation {
    /** A score at or below this bans the peer. */
    public static final int BAN_THRESHOLD = -500;
    /** The highest score good behaviour earns. */
    public static final int MAX_SCORE = 1000;
    /** The lowest score kept. */
    public static final int MIN_SCORE = -1000;

    /** A reputation change and why. */
    public enum Change {
        /** Sent a block that failed import (bad seal, bad body, wrong roots). */
        INVALID_BLOCK(-1000, "sent an invalid block"),
        /** Gossiped a block announcement whose seal is not the slot author's. */
        BAD_ANNOUNCEMENT(-1000, "announced a block with a bad seal"),
        /** Runs another chain (other genesis) or a conflicting finalized chain. */
        WRONG_CHAIN(-1000, "is on another chain"),
        /** Sent a message that does not decode, or a response that does not match the request. */
        MALFORMED_MESSAGE(-300, "sent a malformed message"),
        /** Sent a block whose slot is not acceptable (may be clock skew). */
        BAD_SLOT(-100, "sent a block with an unacceptable slot"),
        /** Gossiped a transaction the runtime says can never be valid. */
        INVALID_TRANSACTION(-50, "gossiped an invalid transaction"),
        /** Sent a finality vote or commit with a bad signature, or a justification that does not finalize. */
        BAD_FINALITY_MESSAGE(-1000, "sent an invalid finality message"),
        /** Sent a finality message for a round or set far from ours: useless, not wrong. */
        STALE_MESSAGE(-5, "sent a stale message"),
        /** Sent a finality proof that moved our finality forward. */
        USEFUL_FINALITY_PROOF(10, "sent a useful finality proof"),
        /** Did not answer a request in time or reset it. */
        REQUEST_FAILED(-40, "failed to answer a request"),
        /** Sent a block that imported. */
        USEFUL_BLOCK(10, "sent a useful block");

        private final int delta;
        private final String description;

        Change(int delta, String description) {
            this.delta = delta;
            this.description = description;
        }

        /** Returns the score change. */
        public int delta() {
            return delta;
        }

        /** Returns what the peer did, for logs: "sent an invalid block". */
        public String description() {
            return description;
        }
    }

    /** Returns the change for what consensus reported about a peer (its own scale mapped onto this one). */
    public static Change of(PeerReport report) {
        return switch (report) {
            case MALFORMED_MESSAGE -> Change.MALFORMED_MESSAGE;
            case BAD_SIGNATURE, INVALID_JUSTIFICATION, INVALID_CATCH_UP -> Change.BAD_FINALITY_MESSAGE;
            case INVALID_BLOCK -> Change.INVALID_BLOCK;
            case PAST_OR_FUTURE_MESSAGE -> Change.STALE_MESSAGE;
            case USEFUL_FINALITY_PROOF -> Change.USEFUL_FINALITY_PROOF;
        };
    }

    /**
     * What a report did.
     *
     * @param score the peer's score after it
     * @param newlyBanned whether this report started a ban
     */
    public record Outcome(int score, boolean newlyBanned) {}

    private static final class Entry {
        int score;
        long updatedAt;
        long bannedUntil;
    }

    private final LongSupplier nowMillis;
    private final long banMillis;
    private final Map<PeerId, Entry> entries = new HashMap<>();

    /** Creates the table; a ban lasts {@code banMillis}. */
    public PeerReputation(LongSupplier nowMillis, long banMillis) {
        if (banMillis < 0) {
            throw new IllegalArgumentException("reputation: ban duration must not be negative, got " + banMillis);
        }
        this.nowMillis = nowMillis;
        this.banMillis = banMillis;
    }

    /** Applies {@code change} to {@code peer}'s score; bans the peer when the score falls to the threshold. */
    public Outcome report(PeerId peer, Change change) {
        long now = nowMillis.getAsLong();
        Entry e = entries.computeIfAbsent(peer, p -> {
            Entry fresh = new Entry();
            fresh.updatedAt = now;
            return fresh;
        });
        decay(e, now);
        e.score = change.delta() <= MIN_SCORE ? MIN_SCORE
                : Math.max(MIN_SCORE, Math.min(MAX_SCORE, e.score + change.delta()));
        boolean wasBanned = e.bannedUntil > now;
        if (e.score <= BAN_THRESHOLD && !wasBanned) {
            e.bannedUntil = now + banMillis;
            return new Outcome(e.score, banMillis > 0);
        }
        return new Outcome(e.score, false);
    }

    /** Returns the peer's current score (0 for a peer never reported). */
    public int score(PeerId peer) {
        Entry e = entries.get(peer);
        if (e == null) {
            return 0;
        }
        decay(e, nowMillis.getAsLong());
        return e.score;
    }

    /** Returns how many ms the peer's ban still lasts, if it is banned. */
    public Optional<Long> bannedFor(PeerId peer) {
        Entry e = entries.get(peer);
        long now = nowMillis.getAsLong();
        if (e == null || e.bannedUntil <= now) {
            return Optional.empty();
        }
        return Optional.of(e.bannedUntil - now);
    }

    /** Returns whether the peer is banned now. */
    public boolean isBanned(PeerId peer) {
        return bannedFor(peer).isPresent();
    }

    /** Forgets peers whose score decayed to zero and who are not banned, bounding the table. */
    public void forgetNeutral() {
        long now = nowMillis.getAsLong();
        entries.values().forEach(e -> decay(e, now));
        entries.values().removeIf(e -> e.score == 0 && e.bannedUntil <= now);
    }

    // Moves the score 2% towards zero per whole second since the last update (at least 1 point).
    private static void decay(Entry e, long now) {
        long seconds = (now - e.updatedAt) / 1000;
        if (seconds <= 0) {
            return;
        }
        for (long i = 0; i < Math.min(seconds, 1000) && e.score != 0; i++) {
            int step = Math.max(1, Math.abs(e.score) / 50);
            e.score = e.score > 0 ? e.score - Math.min(step, e.score) : e.score + Math.min(step, -e.score);
        }
        e.updatedAt += seconds * 1000;
    }
}
