package io.zklayer.consensus.finality;

import io.zklayer.consensus.ChainHead;
import java.util.Optional;

/**
 * The chain as the finality gadget sees it: headers (for vote ancestry), the finalized block, the
 * best chain containing a block (what to prevote for), finalizing a block with its justification,
 * and the authority set of each set id. The node's implementation is {@link BackendFinalityChain};
 * tests use a block tree in memory.
 */
public interface FinalityChain extends HeaderLookup {
    /** Returns the last finalized block. */
    ChainHead finalized();

    /** Returns the head of the best chain that contains {@code base}, if {@code base} is on a known chain. */
    Optional<ChainHead> bestContaining(ChainHead base);

    /** Returns the ancestor of {@code block} at height {@code number} ({@code block} itself at its height). */
    Optional<ChainHead> ancestorAt(ChainHead block, long number);

    /**
     * Finalizes {@code target} and stores {@code justification} with it; returns false, changing
     * nothing, when the block is unknown or not above the finalized block.
     */
    boolean finalize(ChainHead target, GrandpaJustification justification);

    /**
     * Returns the voters of set {@code setId}, which starts at (and finalizes the blocks after)
     * {@code setBase}: the validator set of epoch {@code setId} as the state of {@code setBase} holds it.
     *
     * @throws IllegalStateException when that state is unavailable
     */
    AuthoritySet authoritySet(long setId, ChainHead setBase);

    /** Returns the epoch length in blocks: set {@code s} finalizes blocks up to {@code (s + 1) · L}. */
    long epochLength();

    /** Returns whether {@code ancestor} is {@code block} or one of its ancestors. */
    default boolean isAncestorOrSelf(ChainHead ancestor, ChainHead block) {
        return ancestorAt(block, ancestor.number()).map(ancestor::equals).orElse(false);
    }
}
