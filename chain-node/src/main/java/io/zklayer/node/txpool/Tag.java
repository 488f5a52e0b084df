package io.zklayer.node.txpool;

import io.zklayer.primitives.Hex;
import java.util.Arrays;

/**
 * An opaque dependency tag of Substrate's transaction validity: a transaction {@code provides}
 * tags (for a nonce-ordered account: the encoding of (sender, nonce)) and {@code requires} the
 * tags of the ones that must precede it (sender, nonce − 1).
 */
public final class Tag implements Comparable<Tag> {
    private final byte[] bytes;

    /** Wraps tag bytes (copied). */
    public Tag(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    /** Returns the tag bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tag t && Arrays.equals(bytes, t.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(Tag o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return Hex.encode(bytes);
    }
}
