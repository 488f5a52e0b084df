package io.zklayer.consensus;

import io.zklayer.primitives.types.H256;

/**
 * A block by hash and number: {@code #12 (0x3fa2…b0ee)}.
 *
 * @param hash the block hash
 * @param number the block number
 */
public record ChainHead(H256 hash, long number) {
    @Override
    public String toString() {
        return "#" + number + " (" + io.zklayer.primitives.Hex.shortForm(hash.bytes()) + ")";
    }
}
