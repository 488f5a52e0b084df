package io.zklayer.primitives.types;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import java.util.Arrays;

/**
 * A runtime call as it appears in an extrinsic: {@code pallet index u8 ‖ call index u8 ‖ SCALE
 * arguments}. The arguments are kept as bytes; their layout belongs to the pallet. A balances
 * {@code transfer_allow_death} at pallet 5, call 0, is {@code 0x0500 ‖ MultiAddress ‖
 * Compact<u128>}.
 *
 * <p>The arguments are not self-delimiting, so {@link #CODEC} reads every byte left in the reader
 * as arguments: decode a call only from a reader bounded to the call (as
 * {@link UncheckedExtrinsic} does with its length prefix).
 *
 * @param palletIndex the pallet's index in the runtime, 0…255
 * @param callIndex the call's index in the pallet, 0…255
 * @param args the SCALE-encoded arguments
 */
public record Call(int palletIndex, int callIndex, byte[] args) {

    /** SCALE codec: two index bytes, then all remaining bytes as arguments. */
    public static final ScaleCodec<Call> CODEC = ScaleCodecs.of("Call", 2,
            (w, c) -> w.u8(c.palletIndex).u8(c.callIndex).raw(c.args),
            r -> new Call(r.u8(), r.u8(), r.rest()));

    /** Checks the indexes and copies the arguments. */
    public Call {
        if (palletIndex < 0 || palletIndex > 255 || callIndex < 0 || callIndex > 255) {
            throw new IllegalArgumentException("call indexes must be u8, got (" + palletIndex + ", " + callIndex + ")");
        }
        args = args.clone();
    }

    /** Returns a copy of the encoded arguments. */
    @Override
    public byte[] args() {
        return args.clone();
    }

    /** Returns the encoding: indexes then arguments. */
    public byte[] encode() {
        return CODEC.encode(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Call c && palletIndex == c.palletIndex && callIndex == c.callIndex
                && Arrays.equals(args, c.args);
    }

    @Override
    public int hashCode() {
        return (palletIndex * 256 + callIndex) * 31 + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return "Call(" + palletIndex + ", " + callIndex + ", " + Hex.encode(args) + ")";
    }
}
