package io.zklayer.node.storage;

import io.zklayer.primitives.trie.TrieChangeSet;
import java.util.Objects;

/**
 * Everything one imported block writes, applied by {@link ChainStore#importBlock(BlockImport)} in
 * one atomic batch.
 *
 * @param header the SCALE header; the block hash is its blake2b-256
 * @param info parent, state root and number (must agree with the header)
 * @param body the SCALE body
 * @param justification the finality proof, or null
 * @param stateChanges the trie nodes the block's execution inserted and made obsolete
 * @param makeBest whether the block becomes the best block
 * @param makeFinal whether the block is final as of this import
 */
public record BlockImport(byte[] header, BlockInfo info, byte[] body, byte[] justification,
        TrieChangeSet stateChanges, boolean makeBest, boolean makeFinal) {
    /** Checks the required parts. */
    public BlockImport {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(stateChanges, "stateChanges");
    }
}
