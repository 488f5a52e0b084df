package io.zklayer.pallets.payment;

import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.PalletEvent;
import java.math.BigInteger;

/** The events of the TransactionPayment pallet. */
public sealed interface TransactionPaymentEvent extends PalletEvent {
    /** A fee was paid (and burned) by {@code who}, {@code tip} included in {@code actualFee} (index 0). */
    record TransactionFeePaid(AccountId32 who, BigInteger actualFee, BigInteger tip) implements TransactionPaymentEvent {}

    /** SCALE codec. */
    ScaleEnum<TransactionPaymentEvent> CODEC = ScaleEnum.<TransactionPaymentEvent>builder("TransactionPaymentEvent")
            .variant(0, "TransactionFeePaid", TransactionFeePaid.class, ScaleRecord.of("TransactionFeePaid",
                    ScaleRecord.field("who", AccountId32.CODEC, TransactionFeePaid::who),
                    ScaleRecord.field("actual_fee", ScaleCodecs.U128, TransactionFeePaid::actualFee),
                    ScaleRecord.field("tip", ScaleCodecs.U128, TransactionFeePaid::tip),
                    TransactionFeePaid::new))
            .build();

    @Override
    default int palletIndex() {
        return TransactionPaymentPallet.INDEX;
    }

    @Override
    default byte[] encode() {
        return CODEC.encode(this);
    }
}
