package io.zklayer.primitives.trie;

/**
 * The outcome of {@link Trie#commit()}.
 *
 * @param root the new state root (blake2b-256 of the root node, or of {@code 0x00} when empty)
 * @param changes the nodes to persist and the ones made obsolete
 */
public record TrieCommit(byte[] root, TrieChangeSet changes) {}
