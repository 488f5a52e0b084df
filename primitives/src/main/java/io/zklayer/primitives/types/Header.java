package io.zklayer.primitives.types;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;
import java.util.Objects;

/**
 * A block header as Substrate encodes it: {@code parentHash [32] ‖ number Compact<u32> ‖
 * stateRoot [32] ‖ extrinsicsRoot [32] ‖ digest Vec<DigestItem>}.
 *
 * <p>The block hash is blake2b-256 of that encoding ({@link #hash()}). A header at number 1 with
 * an empty digest is 32 + 1 ({@code 0x04}) + 32 + 32 + 1 ({@code 0x00}) = 98 bytes.
 *
 * @param parentHash hash of the parent header ({@link H256#ZERO} for genesis)
 * @param number block height, 0 … 2^32 − 1
 * @param stateRoot root of the state trie after the block
 * @param extrinsicsRoot root of the trie of the block's extrinsics
 * @param digest consensus items
 */
public record Header(H256 parentHash, long number, H256 stateRoot, H256 extrinsicsRoot, Digest digest) {
    /** SCALE codec of a header. */
    public static final ScaleCodec<Header> CODEC = ScaleRecord.of("Header",
            ScaleRecord.field("parentHash", H256.CODEC, Header::parentHash),
            ScaleRecord.field("number", ScaleCodecs.COMPACT_U32, Header::number),
            ScaleRecord.field("stateRoot", H256.CODEC, Header::stateRoot),
            ScaleRecord.field("extrinsicsRoot", H256.CODEC, Header::extrinsicsRoot),
            ScaleRecord.field("digest", Digest.CODEC, Header::digest),
            Header::new);

    /** Checks the fields. */
    public Header {
        Objects.requireNonNull(parentHash, "parentHash");
        Objects.requireNonNull(stateRoot, "stateRoot");
        Objects.requireNonNull(extrinsicsRoot, "extrinsicsRoot");
        Objects.requireNonNull(digest, "digest");
        if (number < 0 || number > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("header number must be a u32, got " + number);
        }
    }

    /** Returns the SCALE encoding. */
    public byte[] encode() {
        return CODEC.encode(this);
    }

    /** Returns the block hash: blake2b-256 of the encoding. */
    public H256 hash() {
        return H256.blake2b256Of(encode());
    }

    /** Returns this header with another digest (used to add or strip the seal). */
    public Header withDigest(Digest newDigest) {
        return new Header(parentHash, number, stateRoot, extrinsicsRoot, newDigest);
    }
}
