package io.zklayer.primitives.trie;

/**
 * One trie node in memory: a leaf (no children) or a branch (16 child slots), each with a partial
 * key in nibbles and an optional value (a leaf always has one).
 *
 * <p>The content is never changed after construction: a change builds new nodes along the path.
 * Three fields are caches filled later: the encoding, the hash, and {@code storedHash}, the hash
 * under which the node store holds this node (set when the node was read by hash or committed).
 * Child slots hold {@code null}, a {@link Node}, or a {@link HashRef} that is replaced by the
 * loaded node on first use.
 */
final class Node {
    final byte[] partial;
    final Value value;
    final Object[] children;
    byte[] storedHash;
    byte[] encoded;
    byte[] hash;

    private Node(byte[] partial, Value value, Object[] children) {
        this.partial = partial;
        this.value = value;
        this.children = children;
    }

    static Node leaf(byte[] partial, Value value) {
        if (value == null) {
            throw new IllegalArgumentException("a leaf has a value");
        }
        return new Node(partial, value, null);
    }

    static Node branch(byte[] partial, Value value, Object[] children) {
        if (children.length != 16) {
            throw new IllegalArgumentException("a branch has 16 child slots, got " + children.length);
        }
        return new Node(partial, value, children);
    }

    boolean isLeaf() {
        return children == null;
    }

    int childCount() {
        if (children == null) {
            return 0;
        }
        int n = 0;
        for (Object c : children) {
            if (c != null) {
                n++;
            }
        }
        return n;
    }

    /** Returns a node with the same content and another partial key. */
    Node withPartial(byte[] newPartial) {
        return children == null ? leaf(newPartial, value) : branch(newPartial, value, children.clone());
    }
}
