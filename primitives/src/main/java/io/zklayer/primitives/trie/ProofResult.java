package io.zklayer.primitives.trie;

/**
 * What a read proof says about one key under a root: the key is present with a value, the key is
 * absent, or the proof does not prove either (a node on the path is missing or was altered, or a
 * node does not decode).
 */
public sealed interface ProofResult {
    /** The proof shows {@code key} holds {@code value}. */
    record Present(byte[] value) implements ProofResult {}

    /** The proof shows the key has no value. */
    record Absent() implements ProofResult {}

    /** The proof proves nothing about the key; {@code reason} names the first problem met. */
    record Invalid(String reason) implements ProofResult {}
}
