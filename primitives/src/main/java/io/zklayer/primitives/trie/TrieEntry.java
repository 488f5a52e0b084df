package io.zklayer.primitives.trie;

/**
 * One key and its value, as iteration returns them.
 *
 * @param key the full key
 * @param value the value (possibly empty: an empty value is present, not absent)
 */
public record TrieEntry(byte[] key, byte[] value) {}
