/**
 * The state trie: Substrate's base-16 Patricia-Merkle trie with the no-extension node codec of
 * sp-trie, hashed with blake2b-256, in both state layouts (V0 values inline, V1 values of 33 bytes
 * or more stored by hash).
 *
 * <p>{@link io.zklayer.primitives.trie.Trie} reads and changes a trie whose nodes live in a
 * {@link io.zklayer.primitives.trie.NodeStore}; {@link io.zklayer.primitives.trie.Trie#commit()}
 * returns the new root and a {@link io.zklayer.primitives.trie.TrieChangeSet} (nodes to insert and
 * nodes the change made obsolete), which the node's storage persists and prunes.
 * {@link io.zklayer.primitives.trie.ReadProofs} builds and checks Substrate-style read proofs: an
 * unordered set of encoded nodes. Nothing here does I/O.
 */
package io.zklayer.primitives.trie;
