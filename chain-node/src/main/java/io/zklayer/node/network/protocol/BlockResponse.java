package io.zklayer.node.network.protocol;

import io.zklayer.consensus.network.BlockData;
import io.zklayer.consensus.network.BlockRequest;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.codec.ScaleReader;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.OpaqueExtrinsic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The answer to a {@link BlockRequest} on the sync protocol: the blocks in the requested order,
 * each ({@link BlockData}) with the parts that were asked for. An unknown first block gives an
 * empty list.
 *
 * <p>Encoding: {@code Vec<BlockData>} with {@code BlockData = hash [32] ‖ Option<Header> ‖
 * Option<Vec<OpaqueExtrinsic>> ‖ Option<Vec<u8>>}. One block with a header, an empty body and no
 * justification: {@code 04 ‖ hash ‖ 01 ‖ header ‖ 01 00 ‖ 00}.
 *
 * @param blocks the blocks, at most {@link BlockRequest#MAX_BLOCKS}
 */
public record BlockResponse(List<BlockData> blocks) {
    /** The largest response sent or accepted: 16 MiB. */
    public static final int MAX_BYTES = 16 << 20;
    /** A responder stops adding blocks once the response passes this size (at least one block is sent). */
    public static final int SOFT_LIMIT_BYTES = 8 << 20;

    private static final io.zklayer.primitives.codec.ScaleCodec<List<OpaqueExtrinsic>> BODY =
            ScaleCodecs.vec(OpaqueExtrinsic.CODEC);

    /** Copies the list. */
    public BlockResponse {
        blocks = List.copyOf(blocks);
        if (blocks.size() > BlockRequest.MAX_BLOCKS) {
            throw new IllegalArgumentException("block response: at most " + BlockRequest.MAX_BLOCKS + " blocks, got "
                    + blocks.size());
        }
    }

    /** Returns the SCALE encoding. */
    public byte[] encode() {
        ScaleWriter w = new ScaleWriter(256);
        w.compact(blocks.size());
        for (BlockData b : blocks) {
            encode(w, b);
        }
        return w.toByteArray();
    }

    /** Returns the encoded size of one block's data (what a responder adds up against the limits). */
    public static int encodedSize(BlockData b) {
        ScaleWriter w = new ScaleWriter(256);
        encode(w, b);
        return w.size();
    }

    private static void encode(ScaleWriter w, BlockData b) {
        w.raw(b.hash().bytes());
        ScaleCodecs.option(Header.CODEC).encode(w, b.header());
        ScaleCodecs.option(BODY).encode(w, b.body());
        ScaleCodecs.option(ScaleCodecs.BYTES).encode(w, b.justification());
    }

    /**
     * Decodes a response.
     *
     * @throws ScaleDecodeException when it exceeds {@link #MAX_BYTES}, holds more than
     *     {@link BlockRequest#MAX_BLOCKS} blocks, or is malformed
     */
    public static BlockResponse decode(byte[] bytes) {
        String type = "BlockResponse";
        if (bytes.length > MAX_BYTES) {
            throw new ScaleDecodeException(type, 0, bytes.length + " bytes exceed the limit of " + MAX_BYTES);
        }
        ScaleReader r = new ScaleReader(bytes);
        int n = r.length(type, 32 + 3);
        if (n > BlockRequest.MAX_BLOCKS) {
            throw new ScaleDecodeException(type, 0, n + " blocks, more than " + BlockRequest.MAX_BLOCKS);
        }
        List<BlockData> blocks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String ctx = type + "[" + i + "]";
            H256 hash = H256.of(r.raw(32, ctx + ".hash"));
            Optional<Header> header = ScaleCodecs.decodeWithin(ctx + ".header", ScaleCodecs.option(Header.CODEC), r);
            Optional<List<OpaqueExtrinsic>> body = ScaleCodecs.decodeWithin(ctx + ".body", ScaleCodecs.option(BODY), r);
            Optional<byte[]> justification = ScaleCodecs.decodeWithin(ctx + ".justification",
                    ScaleCodecs.option(ScaleCodecs.BYTES), r);
            blocks.add(new BlockData(hash, header, body, justification));
        }
        r.expectEnd(type);
        return new BlockResponse(blocks);
    }
}
