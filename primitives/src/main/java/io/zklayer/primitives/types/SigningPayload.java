package io.zklayer.primitives.types;

import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.hashing.Hashing;
import java.util.Objects;

/**
 * The bytes an extrinsic's signature signs: {@code call ‖ extra ‖ additional}, that is
 * {@code pallet ‖ call index ‖ args ‖ Era ‖ Compact<nonce> ‖ Compact<tip> ‖ specVersion u32 ‖
 * txVersion u32 ‖ genesisHash ‖ eraBlockHash}.
 *
 * <p>As in Substrate, a payload longer than 256 bytes is replaced by its blake2b-256 hash before
 * signing ({@link #toSign()}); a payload of exactly 256 bytes is signed as it is.
 *
 * @param call the call
 * @param extra the signed extensions carried in the extrinsic
 * @param additional the signed data not carried in the extrinsic
 */
public record SigningPayload(Call call, SignedExtra extra, AdditionalSigned additional) {
    /** Payloads longer than this are hashed before signing. */
    public static final int MAX_UNHASHED_LENGTH = 256;

    /** Checks the parts are present. */
    public SigningPayload {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(extra, "extra");
        Objects.requireNonNull(additional, "additional");
    }

    /** Returns {@code call ‖ extra ‖ additional}, before any hashing. */
    public byte[] encode() {
        ScaleWriter w = new ScaleWriter(2 + call.args().length + 24 + 72);
        Call.CODEC.encode(w, call);
        SignedExtra.CODEC.encode(w, extra);
        AdditionalSigned.CODEC.encode(w, additional);
        return w.toByteArray();
    }

    /** Returns the message to sign: {@link #encode()}, or its blake2b-256 hash if longer than 256 bytes. */
    public byte[] toSign() {
        byte[] encoded = encode();
        return encoded.length > MAX_UNHASHED_LENGTH ? Hashing.blake2b256(encoded) : encoded;
    }
}
