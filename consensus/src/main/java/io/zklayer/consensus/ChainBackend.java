package io.zklayer.consensus;

import io.zklayer.primitives.trie.TrieChangeSet;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.util.Optional;

/**
 * What consensus needs of the node's storage: headers, states, heads, and one atomic write per
 * block. The node implements it over RocksDB; tests use an in-memory twin.
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
}
