package io.zklayer.consensus.finality;

import io.zklayer.consensus.ChainHead;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.crypto.Ed25519Signature;
import io.zklayer.primitives.types.H256;

/**
 * The small codecs GRANDPA's types are built from, in Substrate's layout: a vote target is
 * {@code hash [32] ‖ number u32 LE} (block numbers are {@code u32} there, not compact), a signature
 * its 64 bytes, a vote kind the one index byte of {@link VoteKind}.
 *
 * <p>Target {@code (0x11…11, 5)} → {@code 0x1111…11 05000000}.
 */
public final class FinalityCodecs {
    private FinalityCodecs() {}

    /** {@code (hash, u32 number)}: a block a vote or commit points at. */
    public static final ScaleCodec<ChainHead> TARGET = ScaleCodecs.of("Target", H256.LENGTH + 4,
            (w, t) -> {
                H256.CODEC.encode(w, t.hash());
                w.u32(t.number());
            },
            r -> new ChainHead(H256.CODEC.decode(r), r.u32()));

    /** An ed25519 signature: 64 bytes, no prefix. */
    public static final ScaleCodec<Ed25519Signature> SIGNATURE = ScaleCodecs.map("Signature",
            ScaleCodecs.fixedBytes(Ed25519Signature.LENGTH), Ed25519Signature::of, Ed25519Signature::bytes);

    /** The vote kind as its enum index byte. */
    public static final ScaleCodec<VoteKind> KIND = ScaleEnum.ofUnitEnum("Message", VoteKind.class, VoteKind::index);
}
