package io.zklayer.pallets.payment;

import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.Descriptors;
import io.zklayer.runtime.DispatchInfo;
import io.zklayer.runtime.Pallet;
import io.zklayer.runtime.PalletEvent;
import io.zklayer.runtime.RuntimeContext;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Transaction payment: computes fees and withdraws them from the signer before dispatch. Fees are
 * <b>burned</b> (the total issuance drops by the fee): a validator's reward does not depend on the
 * transactions it picks, and the fee leaves no account whose balance a test or client must track.
 * A failed call keeps its fee.
 */
public final class TransactionPaymentPallet implements Pallet {
    /** Fixed pallet index. */
    public static final int INDEX = 4;
    /** Pallet name and storage prefix. */
    public static final String NAME = "TransactionPayment";

    private final BalancesPallet balances;
    private final FeeSchedule schedule;

    /** Creates the pallet. */
    public TransactionPaymentPallet(BalancesPallet balances, FeeSchedule schedule) {
        this.balances = balances;
        this.schedule = schedule;
    }

    /** Returns the fee schedule. */
    public FeeSchedule schedule() {
        return schedule;
    }

    /** Returns the fee before tip. */
    public BigInteger partialFee(int encodedLength, DispatchInfo info) {
        return schedule.partialFee(encodedLength, info);
    }

    /**
     * Withdraws {@code partialFee + tip} from {@code who}, keeping the account alive. Fails with a
     * dispatch exception when it cannot pay; the executive reports that as an invalid payment.
     */
    public BigInteger charge(RuntimeContext ctx, AccountId32 who, int encodedLength, DispatchInfo info, BigInteger tip) {
        BigInteger fee = partialFee(encodedLength, info).add(tip);
        balances.withdraw(ctx, who, fee, true);
        ctx.deposit(new TransactionPaymentEvent.TransactionFeePaid(who, fee, tip));
        return fee;
    }

    @Override
    public int index() {
        return INDEX;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<ScaleCodec<? extends PalletEvent>> eventCodec() {
        return Optional.of(TransactionPaymentEvent.CODEC);
    }

    @Override
    public List<Descriptors.EventDescriptor> events() {
        return Descriptors.events(TransactionPaymentEvent.CODEC,
                n -> "A transaction fee was paid by the signer; the fee is burned.");
    }

    @Override
    public List<Descriptors.ConstantDescriptor> constants() {
        return List.of(
                new Descriptors.ConstantDescriptor("BaseFee", "u128", ScaleCodecs.U128.encode(schedule.baseFee()),
                        "Fee charged per extrinsic."),
                new Descriptors.ConstantDescriptor("LengthFee", "u128", ScaleCodecs.U128.encode(schedule.lengthFee()),
                        "Fee charged per byte of extrinsic."),
                new Descriptors.ConstantDescriptor("RefTimePerUnit", "u64",
                        ScaleCodecs.U64.encode(schedule.refTimePerUnit()), "Reference time that costs one unit."));
    }
}
