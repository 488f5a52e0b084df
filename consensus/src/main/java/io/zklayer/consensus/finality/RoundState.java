package io.zklayer.consensus.finality;

import io.zklayer.consensus.ChainHead;
import java.util.Optional;

/**
 * What a round's votes say so far (GRANDPA's round state).
 *
 * @param prevoteGhost the highest block with prevotes from a supermajority (equivocators count for every block)
 * @param estimate the highest block on the prevote-GHOST's chain that could still get a
 *     supermajority of precommits; the next round votes on chains containing it
 * @param finalized the highest block with precommits from a supermajority of distinct voters
 * @param completable whether no block beyond the estimate can be finalized in this round any more,
 *     so the next round may start
 */
public record RoundState(Optional<ChainHead> prevoteGhost, Optional<ChainHead> estimate, Optional<ChainHead> finalized,
                         boolean completable) {
    /** Returns the state standing in for "the round before round 1" of a set: everything is the set's base. */
    public static RoundState genesis(ChainHead base) {
        return new RoundState(Optional.of(base), Optional.of(base), Optional.of(base), true);
    }
}
