package io.zklayer.runtime;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;

/**
 * The declared cost of a call: its weight, its class and whether it pays a fee, as Substrate's
 * {@code DispatchInfo} (encoded in {@code ExtrinsicSuccess} and {@code ExtrinsicFailed}):
 * {@code weight ‖ class u8 ‖ pays_fee u8}.
 *
 * @param weight the call's weight
 * @param dispatchClass Normal, Operational or Mandatory
 * @param paysFee whether the signer pays a fee
 */
public record DispatchInfo(Weight weight, DispatchClass dispatchClass, Pays paysFee) {
    /** The class of a call: Normal calls share 75% of the block; Mandatory ones (inherents) always fit. */
    public enum DispatchClass { NORMAL, OPERATIONAL, MANDATORY }

    /** Whether a call pays a fee. */
    public enum Pays { YES, NO }

    /** SCALE codec. */
    public static final ScaleCodec<DispatchInfo> CODEC = ScaleCodecs.of("DispatchInfo", 4,
            (w, d) -> {
                Weight.CODEC.encode(w, d.weight());
                w.u8(d.dispatchClass().ordinal()).u8(d.paysFee().ordinal());
            },
            r -> {
                Weight weight = Weight.CODEC.decode(r);
                int start = r.position();
                int c = r.u8();
                int p = r.u8();
                if (c > 2 || p > 1) {
                    throw new io.zklayer.primitives.codec.ScaleDecodeException("DispatchInfo", start,
                            "invalid class " + c + " or pays " + p);
                }
                return new DispatchInfo(weight, DispatchClass.values()[c], Pays.values()[p]);
            });

    /** Returns a Normal, fee-paying call of {@code refTime}. */
    public static DispatchInfo normal(long refTime) {
        return new DispatchInfo(Weight.ofRefTime(refTime), DispatchClass.NORMAL, Pays.YES);
    }

    /** Returns a Mandatory call (inherent) of {@code refTime} that pays no fee. */
    public static DispatchInfo mandatory(long refTime) {
        return new DispatchInfo(Weight.ofRefTime(refTime), DispatchClass.MANDATORY, Pays.NO);
    }
}
