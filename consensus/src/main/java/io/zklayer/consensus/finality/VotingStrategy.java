package io.zklayer.consensus.finality;

import io.zklayer.consensus.ChainHead;
import java.util.Optional;

/**
 * How {@link GrandpaVoter} votes. {@link #HONEST} (the default) signs one vote of each kind per
 * round. A fault-injection strategy ({@link DoubleVoting}, enabled on test chains only by the node's
 * {@code --unsafe-misbehave double-vote}) names a second block to vote for as well, so that each
 * round the voter signs and gossips two conflicting votes of one kind, and tests can watch the
 * other voters report it.
 */
@FunctionalInterface
public interface VotingStrategy {
    /**
     * Returns a block other than {@code target} to sign a second {@code kind} vote for in the same
     * round, or empty to vote honestly; {@code chain} is the voter's view of the chain.
     */
    Optional<ChainHead> conflictingTarget(VoteKind kind, ChainHead target, HeaderLookup chain);

    /** One vote of each kind per round: never equivocates. */
    VotingStrategy HONEST = (kind, target, chain) -> Optional.empty();
}
