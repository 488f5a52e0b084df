package io.zklayer.node.network.protocol;

import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.OpaqueExtrinsic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One block of a {@link BlockResponse}: its hash and the parts that were asked for and are known.
 *
 * @param hash the block hash (a receiver checks it against the header)
 * @param header the header, if requested
 * @param body the extrinsics, if requested
 * @param justification the stored finality proof, if requested and the block has one
 */
public record BlockData(H256 hash, Optional<Header> header, Optional<List<OpaqueExtrinsic>> body,
                        Optional<byte[]> justification) {
    /** Checks for nulls and copies the body. */
    public BlockData {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(justification, "justification");
        body = body.map(List::copyOf);
    }
}
