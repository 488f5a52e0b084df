package io.zklayer.runtime.storage;

import io.zklayer.primitives.Hex;
import java.util.Arrays;

/** An immutable byte string ordered as unsigned bytes, the order of keys in the state trie. */
public final class StorageBytes implements Comparable<StorageBytes> {
    private final byte[] bytes;

    private StorageBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Returns a copy-on-wrap byte string of {@code bytes}. */
    public static StorageBytes of(byte[] bytes) {
        return new StorageBytes(bytes.clone());
    }

    /** Returns the bytes (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Returns whether these bytes begin with {@code prefix}. */
    public boolean startsWith(byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    @Override
    public int compareTo(StorageBytes o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StorageBytes b && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return Hex.encode(bytes);
    }
}
