package io.zklayer.consensus.finality;

import io.zklayer.consensus.ChainHead;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Fault injection (test chains only): a {@link VotingStrategy} that, for each vote of the chosen kinds,
 * also votes for the parent of the honest target — a different block, so the two signed votes of one
 * kind in one round are an equivocation any voter can prove. The genesis block has no parent; a vote
 * for it stays single.
 */
public final class DoubleVoting implements VotingStrategy {
    private final Set<VoteKind> kinds;

    /** Equivocates on the votes of {@code kinds} (prevotes, precommits or both). */
    public DoubleVoting(Set<VoteKind> kinds) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("double voting needs at least one vote kind to equivocate on");
        }
        this.kinds = EnumSet.copyOf(kinds);
    }

    /** Equivocates on both prevotes and precommits. */
    public static DoubleVoting everyVote() {
        return new DoubleVoting(EnumSet.allOf(VoteKind.class));
    }

    @Override
    public Optional<ChainHead> conflictingTarget(VoteKind kind, ChainHead target, HeaderLookup chain) {
        if (!kinds.contains(kind) || target.number() == 0) {
            return Optional.empty();
        }
        return chain.header(target.hash()).map(h -> new ChainHead(h.parentHash(), target.number() - 1));
    }
}
