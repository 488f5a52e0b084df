package io.zklayer.consensus.network;

/**
 * What consensus tells the network about a peer's message, with the reputation change Substrate's
 * GRANDPA and sync give for the same thing (the network bans a peer whose reputation falls low).
 */
public enum PeerReport {
    /** A message that does not decode or breaks the codec's bounds. */
    MALFORMED_MESSAGE(-1_000),
    /** A vote or commit signed by someone outside the authority set, or with a bad signature. */
    BAD_SIGNATURE(-1_000),
    /** A commit or justification that does not finalize its target. */
    INVALID_JUSTIFICATION(-5_000),
    /** A catch-up answer that does not complete its round. */
    INVALID_CATCH_UP(-5_000),
    /** A block that breaks a validity rule. */
    INVALID_BLOCK(-10_000),
    /** A message for a round or set far from ours, useless but not wrong. */
    PAST_OR_FUTURE_MESSAGE(-50),
    /** A valid commit or catch-up that moved our finality forward. */
    USEFUL_FINALITY_PROOF(100);

    private final int reputationChange;

    PeerReport(int reputationChange) {
        this.reputationChange = reputationChange;
    }

    /** Returns the reputation change (negative is a cost). */
    public int reputationChange() {
        return reputationChange;
    }
}
