package io.zklayer.primitives.trie;

import java.util.List;

/**
 * What a {@link Trie#commit()} asks the node store to do: add the nodes of the new state and
 * forget, once no kept state needs them, the nodes the change replaced.
 *
 * <p>Both lists count references: a node that appears twice in the new trie (two equal subtrees)
 * is inserted twice, and each replaced reference is listed once. A store that keeps a reference
 * count per hash (add one per insert, subtract one per obsolete entry when the old state is pruned,
 * delete at zero) therefore keeps exactly the nodes that some kept state reaches. Inserted entries
 * include the values that layout V1 stores by hash.
 *
 * @param inserted nodes of the new state that the old one did not reference, in commit order
 * @param obsolete hashes of nodes the old state referenced and the new one no longer does
 */
public record TrieChangeSet(List<NodeEntry> inserted, List<byte[]> obsolete) {
    /** The change set of a commit that changed nothing. */
    public static final TrieChangeSet EMPTY = new TrieChangeSet(List.of(), List.of());

    /** Copies the lists so that the record cannot change afterwards. */
    public TrieChangeSet {
        inserted = List.copyOf(inserted);
        obsolete = List.copyOf(obsolete);
    }

    /**
     * One node to store.
     *
     * @param hash blake2b-256 of {@code encoded}
     * @param encoded the node's encoding (or the value bytes of a V1 hashed value)
     */
    public record NodeEntry(byte[] hash, byte[] encoded) {}
}
