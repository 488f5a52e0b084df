package io.zklayer.genesis;

import io.zklayer.primitives.trie.MemoryNodeStore;
import io.zklayer.primitives.trie.TrieChangeSet;
import io.zklayer.primitives.trie.TrieCommit;
import io.zklayer.primitives.trie.TrieLayout;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.util.Objects;

/**
 * The genesis block of a chain and the trie nodes of its state, as {@link GenesisBuilder} makes
 * them from a chain spec.
 *
 * <p>The header is block #0: parent hash zero, the state root, the root of the empty extrinsics
 * list ({@code 0x03170a2e…1314}), an empty digest. The genesis hash is blake2b-256 of its SCALE
 * encoding (98 bytes). A node persists {@code state().changes().inserted()} in its trie-node column
 * and the header as block #0.
 *
 * @param header the genesis header
 * @param state the state root and the nodes to store
 * @param layout the trie layout the state was built with
 */
public record GenesisBlock(Header header, TrieCommit state, TrieLayout layout) {
    /** Checks for nulls. */
    public GenesisBlock {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(layout, "layout");
    }

    /** Returns the genesis hash: blake2b-256 of the SCALE-encoded header. */
    public H256 hash() {
        return header.hash();
    }

    /** Returns the state root. */
    public H256 stateRoot() {
        return H256.of(state.root());
    }

    /** Returns the nodes to persist (every node of the genesis state, V1 hashed values included). */
    public TrieChangeSet nodes() {
        return state.changes();
    }

    /** Inserts the state's nodes into {@code store} and returns the genesis state read from it. */
    public TrieState stateIn(MemoryNodeStore store) {
        store.applyInsertions(state.changes());
        return TrieState.at(layout, store, state.root());
    }
}
