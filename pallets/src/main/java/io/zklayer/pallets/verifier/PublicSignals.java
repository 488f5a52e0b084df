package io.zklayer.pallets.verifier;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.zk.field.Fr;
import java.util.List;

/**
 * The on-chain form of public signals: each an element of the BN254 scalar field Fr as 32 bytes
 * big-endian, a list as {@code Vec<[u8; 32]>}. Signal 7 is {@code 00…07}; a value ≥ r (e.g. r itself,
 * {@code 30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001}) does not decode.
 */
public final class PublicSignals {
    /** One signal: {@code [u8; 32]} big-endian, below r. */
    public static final ScaleCodec<Fr> FR = ScaleCodecs.map("[u8; 32]", ScaleCodecs.fixedBytes(32),
            b -> Fr.fromBytesBE(b, 0), Fr::toBytesBE);

    /** A list of signals: {@code Vec<[u8; 32]>}. */
    public static final ScaleCodec<List<Fr>> LIST = ScaleCodecs.vec(FR);

    private PublicSignals() {}

    /** Returns {@code s₀ ‖ s₁ ‖ …}, 32 bytes each: what proof digests and events commit to. */
    public static byte[] concat(List<Fr> signals) {
        byte[] out = new byte[32 * signals.size()];
        for (int i = 0; i < signals.size(); i++) {
            signals.get(i).writeBytesBE(out, 32 * i);
        }
        return out;
    }
}
