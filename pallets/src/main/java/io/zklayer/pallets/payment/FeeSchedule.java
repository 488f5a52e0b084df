package io.zklayer.pallets.payment;

import io.zklayer.runtime.DispatchInfo;
import java.math.BigInteger;

/**
 * How fees are computed: {@code fee = baseFee + lengthFee × len + weight.refTime / refTimePerUnit + tip}
 * for calls that pay; the tip is added on top and raises priority.
 *
 * @param baseFee charged per extrinsic
 * @param lengthFee charged per byte of the encoded extrinsic
 * @param refTimePerUnit reference-time units that cost one token unit
 */
public record FeeSchedule(BigInteger baseFee, BigInteger lengthFee, long refTimePerUnit) {
    public FeeSchedule {
        if (baseFee.signum() < 0 || lengthFee.signum() < 0 || refTimePerUnit <= 0) {
            throw new IllegalArgumentException("fee parameters must be non-negative (refTimePerUnit positive)");
        }
    }

    /** Returns the fee before the tip (the {@code partialFee} of {@code payment_queryInfo}). */
    public BigInteger partialFee(int encodedLength, DispatchInfo info) {
        if (info.paysFee() == DispatchInfo.Pays.NO) {
            return BigInteger.ZERO;
        }
        return baseFee.add(lengthFee.multiply(BigInteger.valueOf(encodedLength)))
                .add(BigInteger.valueOf(info.weight().refTime() / refTimePerUnit));
    }
}
