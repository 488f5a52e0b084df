package io.zklayer.primitives.types;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.codec.ScaleReader;
import io.zklayer.primitives.codec.ScaleWriter;
import java.util.Objects;
import java.util.Optional;

/**
 * A v4 extrinsic as Substrate's {@code generic::UncheckedExtrinsic} encodes it:
 * {@code Compact<len> ‖ version ‖ [address ‖ signature ‖ extra] ‖ call}, where {@code len} counts
 * the bytes after the prefix and the version byte is {@code 0x84} when signed (bit 7 set, version
 * 4) and {@code 0x04} when unsigned (then the bracketed part is absent).
 *
 * <p>An unsigned call {@code (5, 0)} with no arguments → {@code 0x0c 04 05 00}. Decoding accepts
 * only versions {@code 0x84} and {@code 0x04}, and the call takes every byte the length prefix
 * leaves after the signed part.
 *
 * @param signature the signed part, empty for an unsigned (inherent) extrinsic
 * @param call the call
 */
public record UncheckedExtrinsic(Optional<ExtrinsicSignature> signature, Call call) {
    /** Version byte of a signed v4 extrinsic. */
    public static final int SIGNED_V4 = 0x84;
    /** Version byte of an unsigned v4 extrinsic. */
    public static final int UNSIGNED_V4 = 0x04;

    /** SCALE codec: length prefix, version byte, optional signed part, call. */
    public static final ScaleCodec<UncheckedExtrinsic> CODEC = new ScaleCodec<>() {
        @Override
        public String typeName() {
            return "UncheckedExtrinsic";
        }

        @Override
        public int minEncodedSize() {
            return 4;
        }

        @Override
        public void encode(ScaleWriter writer, UncheckedExtrinsic value) {
            writer.bytes(value.encodeBody());
        }

        @Override
        public UncheckedExtrinsic decode(ScaleReader reader) {
            int len = reader.length("UncheckedExtrinsic", 1);
            return decodeBody(reader.slice(len, "UncheckedExtrinsic"));
        }
    };

    /** Checks the parts are present. */
    public UncheckedExtrinsic {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(call, "call");
    }

    /** Returns a signed extrinsic. */
    public static UncheckedExtrinsic signed(ExtrinsicSignature signature, Call call) {
        return new UncheckedExtrinsic(Optional.of(signature), call);
    }

    /** Returns an unsigned extrinsic (an inherent such as the timestamp). */
    public static UncheckedExtrinsic unsigned(Call call) {
        return new UncheckedExtrinsic(Optional.empty(), call);
    }

    /** Returns the extrinsic in an opaque extrinsic's bytes (a block body entry). */
    public static UncheckedExtrinsic fromOpaque(OpaqueExtrinsic opaque) {
        byte[] body = opaque.bytes();
        ScaleReader reader = new ScaleReader(body);
        return decodeBody(reader);
    }

    /** Returns whether the extrinsic carries a signature. */
    public boolean isSigned() {
        return signature.isPresent();
    }

    /** Returns the full encoding, length prefix included. */
    public byte[] encode() {
        return CODEC.encode(this);
    }

    /** Returns the extrinsic hash: blake2b-256 of the full encoding, as Substrate's transaction hash. */
    public H256 hash() {
        return H256.blake2b256Of(encode());
    }

    /** Returns this extrinsic as a block body entry. */
    public OpaqueExtrinsic toOpaque() {
        return OpaqueExtrinsic.of(encodeBody());
    }

    private byte[] encodeBody() {
        ScaleWriter w = new ScaleWriter(2 + call.args().length + (signature.isPresent() ? 128 : 1));
        if (signature.isPresent()) {
            w.rawByte(SIGNED_V4);
            ExtrinsicSignature.CODEC.encode(w, signature.get());
        } else {
            w.rawByte(UNSIGNED_V4);
        }
        Call.CODEC.encode(w, call);
        return w.toByteArray();
    }

    private static UncheckedExtrinsic decodeBody(ScaleReader body) {
        int versionAt = body.position();
        int version = body.rawByte("UncheckedExtrinsic version");
        Optional<ExtrinsicSignature> signature;
        if (version == SIGNED_V4) {
            signature = Optional.of(ScaleCodecs.decodeWithin("UncheckedExtrinsic.signature", ExtrinsicSignature.CODEC, body));
        } else if (version == UNSIGNED_V4) {
            signature = Optional.empty();
        } else {
            throw new ScaleDecodeException("UncheckedExtrinsic", versionAt, "unsupported version byte 0x"
                    + Integer.toHexString(version) + " (expected 0x84 signed v4 or 0x04 unsigned v4)");
        }
        Call call = ScaleCodecs.decodeWithin("UncheckedExtrinsic.call", Call.CODEC, body);
        return new UncheckedExtrinsic(signature, call);
    }
}
