package io.zklayer.pallets.offences;

/**
 * The two votes of a GRANDPA round, with the variant index of Substrate's
 * {@code finality_grandpa::Message} enum that prefixes them in signed payloads and of
 * {@code sp_consensus_grandpa::Equivocation} in evidence: {@code Prevote = 0}, {@code Precommit = 1}.
 */
public enum GrandpaVoteKind {
    /** The first vote of a round. */
    PREVOTE(0),
    /** The second vote of a round. */
    PRECOMMIT(1);

    private final int index;

    GrandpaVoteKind(int index) {
        this.index = index;
    }

    /** Returns the enum index written before the target in payloads and evidence. */
    public int index() {
        return index;
    }
}
