package io.zklayer.primitives.types;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;
import java.util.List;
import java.util.Objects;

/**
 * A block: its header and its body, {@code header ‖ Vec<OpaqueExtrinsic>}, as Substrate's
 * {@code generic::Block<Header, OpaqueExtrinsic>}. The block's hash is its header's hash.
 *
 * @param header the header
 * @param extrinsics the body in order
 */
public record Block(Header header, List<OpaqueExtrinsic> extrinsics) {
    /** SCALE codec of a block. */
    public static final ScaleCodec<Block> CODEC = ScaleRecord.of("Block",
            ScaleRecord.field("header", Header.CODEC, Block::header),
            ScaleRecord.field("extrinsics", ScaleCodecs.vec(OpaqueExtrinsic.CODEC), Block::extrinsics),
            Block::new);

    /** Copies the list. */
    public Block {
        Objects.requireNonNull(header, "header");
        extrinsics = List.copyOf(extrinsics);
    }

    /** Returns the block hash (the header's hash). */
    public H256 hash() {
        return header.hash();
    }
}
