package io.zklayer.primitives.types;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleRecord;
import java.util.Objects;

/**
 * The signed part of a v4 extrinsic: {@code address ‖ signature ‖ extra}.
 *
 * @param signer who signs, normally {@link MultiAddress.Id}
 * @param signature the signature over the {@link SigningPayload}
 * @param extra the signed extensions
 */
public record ExtrinsicSignature(MultiAddress signer, MultiSignature signature, SignedExtra extra) {
    /** SCALE codec of the signed part. */
    public static final ScaleCodec<ExtrinsicSignature> CODEC = ScaleRecord.of("ExtrinsicSignature",
            ScaleRecord.field("signer", MultiAddress.CODEC, ExtrinsicSignature::signer),
            ScaleRecord.field("signature", MultiSignature.CODEC, ExtrinsicSignature::signature),
            ScaleRecord.field("extra", SignedExtra.CODEC, ExtrinsicSignature::extra),
            ExtrinsicSignature::new);

    /** Checks the parts are present. */
    public ExtrinsicSignature {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(extra, "extra");
    }
}
