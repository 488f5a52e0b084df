package io.zklayer.node.network.protocol;

import io.zklayer.consensus.network.BlockRequest;
import io.zklayer.consensus.network.BlockRequest.Direction;
import io.zklayer.consensus.network.BlockRequest.Field;
import io.zklayer.consensus.network.BlockRequest.From;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.codec.ScaleReader;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.types.H256;
import java.util.EnumSet;

/**
 * The wire form of a {@link BlockRequest} (consensus's value type, shaped like Substrate's block
 * request) on the sync protocol: {@code fields u8 ‖ from (0x00 ‖ hash [32] | 0x01 ‖ number u32) ‖
 * direction u8 (0 ascending, 1 descending) ‖ max u32}. The field bits are Substrate's
 * {@code BlockAttributes}: header {@code 0x01}, body {@code 0x02}, justification {@code 0x10}.
 *
 * <p>Headers and bodies of 128 blocks from #1 upwards: {@code 03 01 01000000 00 80000000}. A request
 * for more than {@link BlockRequest#MAX_BLOCKS} blocks is read as one for that many, as Substrate
 * caps it.
 */
public final class BlockRequestCodec {
    /** The encoded size of a request by hash (the larger form). */
    public static final int MAX_BYTES = 1 + 1 + 32 + 1 + 4;
    private static final String TYPE = "BlockRequest";
    private static final int KNOWN_BITS = Field.HEADER.bit() | Field.BODY.bit() | Field.JUSTIFICATION.bit();

    private BlockRequestCodec() {}

    /** Returns the SCALE encoding of {@code request}. */
    public static byte[] encode(BlockRequest request) {
        ScaleWriter w = new ScaleWriter(MAX_BYTES);
        int bits = 0;
        for (Field f : request.fields()) {
            bits |= f.bit();
        }
        w.u8(bits);
        if (request.from() instanceof From.Hash h) {
            w.u8(0).raw(h.hash().bytes());
        } else {
            w.u8(1).u32(((From.Number) request.from()).number());
        }
        w.u8(request.direction() == Direction.ASCENDING ? 0 : 1).u32(request.maxBlocks());
        return w.toByteArray();
    }

    /**
     * Decodes a request.
     *
     * @throws ScaleDecodeException naming the offset of an oversized input, unknown or missing field
     *     bits, an unknown origin tag or direction, a zero count, or trailing bytes
     */
    public static BlockRequest decode(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new ScaleDecodeException(TYPE, 0, bytes.length + " bytes exceed the limit of " + MAX_BYTES);
        }
        ScaleReader r = new ScaleReader(bytes);
        int bits = r.u8();
        if ((bits & ~KNOWN_BITS) != 0 || bits == 0) {
            throw new ScaleDecodeException(TYPE, 0, bits == 0 ? "asks for no part of the blocks"
                    : "unknown field bits 0x" + Integer.toHexString(bits & ~KNOWN_BITS));
        }
        EnumSet<Field> fields = EnumSet.noneOf(Field.class);
        for (Field f : Field.values()) {
            if ((bits & f.bit()) != 0) {
                fields.add(f);
            }
        }
        int tagAt = r.position();
        int tag = r.u8();
        From from;
        if (tag == 0) {
            from = new From.Hash(H256.of(r.raw(32, TYPE + ".from")));
        } else if (tag == 1) {
            from = new From.Number(r.u32());
        } else {
            throw new ScaleDecodeException(TYPE, tagAt, "from must be 0 (hash) or 1 (number), got " + tag);
        }
        int dirAt = r.position();
        int dir = r.u8();
        if (dir > 1) {
            throw new ScaleDecodeException(TYPE, dirAt, "direction must be 0 (ascending) or 1 (descending), got " + dir);
        }
        int maxAt = r.position();
        long max = r.u32();
        if (max == 0) {
            throw new ScaleDecodeException(TYPE, maxAt, "max must be at least 1");
        }
        r.expectEnd(TYPE);
        return new BlockRequest(from, dir == 0 ? Direction.ASCENDING : Direction.DESCENDING,
                (int) Math.min(max, BlockRequest.MAX_BLOCKS), fields);
    }
}
