package io.zklayer.consensus.finality;

/**
 * The two votes of a GRANDPA round, with the variant index of Substrate's
 * {@code finality_grandpa::Message} enum that prefixes them in signed payloads and gossip:
 * {@code Prevote = 0}, {@code Precommit = 1} ({@code PrimaryPropose = 2} is not used here).
 */
public enum VoteKind {
    /** The first vote of a round: the head of the best chain containing the last round's estimate. */
    PREVOTE(0),
    /** The second vote: the prevote-GHOST once it is known. */
    PRECOMMIT(1);

    private final int index;

    VoteKind(int index) {
        this.index = index;
    }

    /** Returns the enum index written before the target in payloads and messages. */
    public int index() {
        return index;
    }

    /** Returns the runtime's name for this kind (same index). */
    public io.zklayer.pallets.offences.GrandpaVoteKind toRuntime() {
        return this == PREVOTE ? io.zklayer.pallets.offences.GrandpaVoteKind.PREVOTE
                : io.zklayer.pallets.offences.GrandpaVoteKind.PRECOMMIT;
    }

    /** Returns the kind of the runtime's {@code kind} (same index). */
    public static VoteKind of(io.zklayer.pallets.offences.GrandpaVoteKind kind) {
        return kind == io.zklayer.pallets.offences.GrandpaVoteKind.PREVOTE ? PREVOTE : PRECOMMIT;
    }
}
