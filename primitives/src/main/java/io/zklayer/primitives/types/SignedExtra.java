package io.zklayer.primitives.types;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The signed extensions an extrinsic carries after its signature: {@code Era ‖ Compact<nonce> ‖
 * Compact<tip>}. An immortal transaction with nonce 1 and no tip → {@code 0x00 04 00}.
 *
 * @param era validity window
 * @param nonce the sender's transaction index, a u32
 * @param tip extra fee offered for priority, a u128
 */
public record SignedExtra(Era era, long nonce, BigInteger tip) {
    /** SCALE codec of the extra. */
    public static final ScaleCodec<SignedExtra> CODEC = ScaleRecord.of("SignedExtra",
            ScaleRecord.field("era", Era.CODEC, SignedExtra::era),
            ScaleRecord.field("nonce", ScaleCodecs.COMPACT_U32, SignedExtra::nonce),
            ScaleRecord.field("tip", ScaleCodecs.COMPACT_U128, SignedExtra::tip),
            SignedExtra::new);

    private static final BigInteger U128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    /** Checks the ranges. */
    public SignedExtra {
        Objects.requireNonNull(era, "era");
        if (nonce < 0 || nonce > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("nonce must be a u32, got " + nonce);
        }
        if (tip.signum() < 0 || tip.compareTo(U128_MAX) > 0) {
            throw new IllegalArgumentException("tip must be a u128, got " + tip);
        }
    }
}
