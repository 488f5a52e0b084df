package io.zklayer.consensus.network;

import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.OpaqueExtrinsic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One block of a peer's answer to a {@link BlockRequest}, holding the parts that were asked for and
 * that the peer has. The receiver checks that a present header hashes to {@code hash}.
 *
 * @param hash the block hash
 * @param header the header, if asked for
 * @param body the extrinsics, if asked for
 * @param justification the encoded GRANDPA justification, if asked for and the block has one
 */
public record BlockData(H256 hash, Optional<Header> header, Optional<List<OpaqueExtrinsic>> body,
                        Optional<byte[]> justification) {
    /** Checks presence and copies. */
    public BlockData {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(header, "header");
        body = body.map(List::copyOf);
        justification = justification.map(byte[]::clone);
    }

    /** Returns a copy of the justification bytes, if any. */
    @Override
    public Optional<byte[]> justification() {
        return justification.map(byte[]::clone);
    }

    /** Returns whether a present header matches {@code hash}. */
    public boolean headerMatchesHash() {
        return header.map(h -> h.hash().equals(hash)).orElse(true);
    }
}
