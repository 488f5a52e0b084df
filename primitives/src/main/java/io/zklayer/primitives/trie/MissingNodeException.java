package io.zklayer.primitives.trie;

import io.zklayer.primitives.Hex;

/**
 * Thrown when a trie needs a node that its {@link NodeStore} does not hold: a pruned state, a
 * corrupt database, or a read proof that lacks (or altered) a node on the path.
 */
public final class MissingNodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final byte[] hash;

    /** Creates the exception for the node (or hashed value) {@code hash}. */
    public MissingNodeException(byte[] hash) {
        super("trie: node " + Hex.encode(hash) + " is not in the node store");
        this.hash = hash.clone();
    }

    /** Returns the hash of the missing node. */
    public byte[] hash() {
        return hash.clone();
    }
}
