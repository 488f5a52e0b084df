package io.zklayer.primitives.types;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import java.util.Arrays;

/**
 * An extrinsic as a block body carries it, without interpreting it: the bytes after the length
 * prefix (version byte onward), encoded as {@code Vec<u8>}. So its encoding is byte for byte the
 * encoding of the {@link UncheckedExtrinsic} it holds: {@code 0x0c 04 0500} for an unsigned call
 * {@code (5, 0)} with no arguments.
 */
public final class OpaqueExtrinsic {
    /** SCALE codec: {@code Vec<u8>}. */
    public static final ScaleCodec<OpaqueExtrinsic> CODEC =
            ScaleCodecs.map("OpaqueExtrinsic", ScaleCodecs.BYTES, OpaqueExtrinsic::new, x -> x.bytes);

    private final byte[] bytes;

    private OpaqueExtrinsic(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Returns the opaque extrinsic holding these bytes (version byte onward, copied). */
    public static OpaqueExtrinsic of(byte[] bytes) {
        return new OpaqueExtrinsic(bytes.clone());
    }

    /** Returns a copy of the bytes (without the length prefix). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Returns the SCALE encoding (length prefix and bytes), which is what the extrinsic hash covers. */
    public byte[] encode() {
        return CODEC.encode(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpaqueExtrinsic x && Arrays.equals(bytes, x.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "OpaqueExtrinsic(" + Hex.encode(bytes) + ")";
    }
}
