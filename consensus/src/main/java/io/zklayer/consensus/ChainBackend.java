package io.zklayer.consensus;

import io.zklayer.primitives.trie.TrieChangeSet;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.util.Optional;

/**
 * What consensus needs of the node's storage: headers, states, heads, justifications, and one
 * atomic write per block or head change. The node implements it over RocksDB; tests use an
 * in-memory twin.
 *
 * <p>Justifications are stored as the bytes of a
 * {@link io.zklayer.consensus.finality.GrandpaJustification} (engine {@code "FRNK"}).
 */
public interface ChainBackend {
    /** Returns the genesis head. */
    ChainHead genesis();

    /** Returns the best head. */
    ChainHead best();

    /** Returns the last finalized head. */
    ChainHead finalized();

    /** Returns the header of {@code hash}, if stored. */
    Optional<Header> header(H256 hash);

    /** Returns the state after block {@code hash}; fails with a clear message when pruned or unknown. */
    TrieState stateAt(H256 hash);

    /**
     * Writes an imported block, its state changes and the head changes in one atomic batch.
     *
     * @param block the block (sealed header and body)
     * @param stateChanges the trie nodes the block inserted and made obsolete
     * @param makeBest whether the block becomes the best block
     * @param makeFinal whether the block is final on import
     * @param justification the finality proof, or null
     */
    void commit(Block block, TrieChangeSet stateChanges, boolean makeBest, boolean makeFinal, byte[] justification);

    /**
     * Makes the stored block {@code hash} the best block (fork choice moved to another fork).
     *
     * @throws RuntimeException naming the rule when the block is unknown or does not descend from
     *     the finalized block
     */
    void setBest(H256 hash);

    /**
     * Finalizes the stored block {@code hash}, which must be on the best chain, and with it all
     * its ancestors; stores {@code justification} with it when not null.
     *
     * @throws RuntimeException naming the rule when the block is unknown, not on the best chain,
     *     or below the finalized block
     */
    void finalize(H256 hash, byte[] justification);

    /** Returns the justification stored with block {@code hash}, if any. */
    Optional<byte[]> justification(H256 hash);
}
