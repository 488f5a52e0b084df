package io.zklayer.node.network.protocol;

import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.codec.ScaleReader;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.types.H256;
import java.util.Objects;

/**
 * A request for a range of blocks, as Substrate's block request: which parts of each block
 * ({@link #FIELD_HEADER}, {@link #FIELD_BODY}, {@link #FIELD_JUSTIFICATION}), the first block (by
 * hash or by number on the answerer's best chain), the direction, and how many blocks at most.
 * The answerer caps the count at {@link #MAX_BLOCKS} and the response at
 * {@link BlockResponse#MAX_BYTES}.
 *
 * <p>Encoding: {@code fields u8 ‖ from (0x00 ‖ hash [32] | 0x01 ‖ number u32) ‖ direction u8
 * (0 ascending, 1 descending) ‖ max u32}. Headers and bodies of 128 blocks from #1 upwards:
 * {@code 03 01 01000000 00 80000000}.
 *
 * @param fields the bit set of requested parts
 * @param fromHash the first block by hash, or null when {@code fromNumber} is used
 * @param fromNumber the first block by number on the best chain (used when {@code fromHash} is null)
 * @param ascending whether to walk towards higher numbers (else towards genesis, by parent hash)
 * @param max the most blocks wanted, 1…{@link #MAX_BLOCKS}
 */
public record BlockRequest(int fields, H256 fromHash, long fromNumber, boolean ascending, long max) {
    /** Field bit: the header. */
    public static final int FIELD_HEADER = 0x01;
    /** Field bit: the body (extrinsics). */
    public static final int FIELD_BODY = 0x02;
    /** Field bit: the justification, when the block has one. */
    public static final int FIELD_JUSTIFICATION = 0x10;
    /** The most blocks one response carries (Substrate's limit). */
    public static final int MAX_BLOCKS = 128;
    /** The encoded size of a request by hash (the larger form). */
    public static final int MAX_BYTES = 1 + 1 + 32 + 1 + 4;

    /** Checks the fields. */
    public BlockRequest {
        if ((fields & ~(FIELD_HEADER | FIELD_BODY | FIELD_JUSTIFICATION)) != 0) {
            throw new IllegalArgumentException("block request: unknown field bits 0x" + Integer.toHexString(fields));
        }
        if (fromHash == null && (fromNumber < 0 || fromNumber > 0xFFFFFFFFL)) {
            throw new IllegalArgumentException("block request: from number must be a u32, got " + fromNumber);
        }
        if (max < 1 || max > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("block request: max must be 1…2^32-1, got " + max);
        }
    }

    /** Returns a request for up to {@code max} blocks from {@code number} upwards on the answerer's best chain. */
    public static BlockRequest ascendingFrom(long number, long max, int fields) {
        return new BlockRequest(fields, null, number, true, max);
    }

    /** Returns a request for the one block {@code hash}. */
    public static BlockRequest single(H256 hash, int fields) {
        return new BlockRequest(fields, Objects.requireNonNull(hash, "hash"), 0, true, 1);
    }

    /** Returns whether the request names its first block by hash. */
    public boolean byHash() {
        return fromHash != null;
    }

    /** Returns whether the part with this field bit is requested. */
    public boolean wants(int field) {
        return (fields & field) != 0;
    }

    /** Returns the SCALE encoding. */
    public byte[] encode() {
        ScaleWriter w = new ScaleWriter(MAX_BYTES);
        w.u8(fields);
        if (fromHash != null) {
            w.u8(0).raw(fromHash.bytes());
        } else {
            w.u8(1).u32(fromNumber);
        }
        w.u8(ascending ? 0 : 1).u32(max);
        return w.toByteArray();
    }

    /**
     * Decodes a request.
     *
     * @throws ScaleDecodeException naming the offset of an unknown field bit, origin tag or
     *     direction, a zero count, or trailing bytes
     */
    public static BlockRequest decode(byte[] bytes) {
        String type = "BlockRequest";
        if (bytes.length > MAX_BYTES) {
            throw new ScaleDecodeException(type, 0, bytes.length + " bytes exceed the limit of " + MAX_BYTES);
        }
        ScaleReader r = new ScaleReader(bytes);
        int fields = r.u8();
        if ((fields & ~(FIELD_HEADER | FIELD_BODY | FIELD_JUSTIFICATION)) != 0) {
            throw new ScaleDecodeException(type, 0, "unknown field bits 0x" + Integer.toHexString(fields));
        }
        int tagAt = r.position();
        int tag = r.u8();
        H256 hash = null;
        long number = 0;
        if (tag == 0) {
            hash = H256.of(r.raw(32, type + ".from"));
        } else if (tag == 1) {
            number = r.u32();
        } else {
            throw new ScaleDecodeException(type, tagAt, "from must be 0 (hash) or 1 (number), got " + tag);
        }
        int dirAt = r.position();
        int dir = r.u8();
        if (dir > 1) {
            throw new ScaleDecodeException(type, dirAt, "direction must be 0 (ascending) or 1 (descending), got " + dir);
        }
        int maxAt = r.position();
        long max = r.u32();
        if (max == 0) {
            throw new ScaleDecodeException(type, maxAt, "max must be at least 1");
        }
        r.expectEnd(type);
        return new BlockRequest(fields, hash, number, dir == 0, max);
    }
}
