package io.zklayer.primitives.trie;

/**
 * How a trie stores values: Substrate's {@code LayoutV0} and {@code LayoutV1} (state versions 0
 * and 1).
 *
 * <p>V0 writes every value inline in its node. V1 writes a value of {@value #VALUE_NODE_THRESHOLD}
 * bytes or more as its blake2b-256 hash (headers {@code 0b001…} for a leaf, {@code 0b0001…} for a
 * branch) and stores the value as a node of its own. A 32-byte value stays inline in both: the
 * leaf {@code [aa → 32 × 0x01]} encodes as {@code 0x42aa80 0101…01} in V0 and V1 alike.
 */
public enum TrieLayout {
    /** State version 0: values always inline. */
    V0,
    /** State version 1: values of 33 bytes or more stored by hash. */
    V1;

    /** Substrate's {@code TRIE_VALUE_NODE_THRESHOLD}: the smallest value length V1 hashes. */
    public static final int VALUE_NODE_THRESHOLD = 33;

    /** Returns whether this layout stores a value of {@code length} bytes by its hash. */
    public boolean hashesValue(int length) {
        return this == V1 && length >= VALUE_NODE_THRESHOLD;
    }
}
