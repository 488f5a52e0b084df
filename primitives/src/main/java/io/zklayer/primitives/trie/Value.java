package io.zklayer.primitives.trie;

import io.zklayer.primitives.hashing.Hashing;

/**
 * A value held by a leaf or branch. It has its bytes, its hash, or both: a value read from a V1
 * node that stores it by hash starts with only the hash, and its bytes are loaded on first use.
 */
final class Value {
    private byte[] bytes;
    private byte[] hash;

    private Value(byte[] bytes, byte[] hash) {
        this.bytes = bytes;
        this.hash = hash;
    }

    static Value of(byte[] bytes) {
        return new Value(bytes, null);
    }

    static Value hashed(byte[] hash) {
        return new Value(null, hash);
    }

    /** Returns the bytes, or null when only the hash is known so far. */
    byte[] bytesOrNull() {
        return bytes;
    }

    void setLoadedBytes(byte[] loaded) {
        this.bytes = loaded;
    }

    /** Returns the blake2b-256 of the value (computed once). */
    byte[] hash() {
        if (hash == null) {
            hash = Hashing.blake2b256(bytes);
        }
        return hash;
    }

    /** Returns whether the value is known only by hash. */
    boolean isHashOnly() {
        return bytes == null;
    }
}
