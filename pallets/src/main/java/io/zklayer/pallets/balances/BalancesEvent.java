package io.zklayer.pallets.balances;

import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.PalletEvent;
import java.math.BigInteger;

/** The events of the Balances pallet, at Substrate's event indexes. */
public sealed interface BalancesEvent extends PalletEvent {
    /** An account was created with some free balance (index 0). */
    record Endowed(AccountId32 account, BigInteger freeBalance) implements BalancesEvent {}

    /** An account was removed and its balance below the existential deposit was lost (index 1). */
    record DustLost(AccountId32 account, BigInteger amount) implements BalancesEvent {}

    /** A transfer succeeded (index 2). */
    record Transfer(AccountId32 from, AccountId32 to, BigInteger amount) implements BalancesEvent {}

    /** A balance was set by root (index 3). */
    record BalanceSet(AccountId32 who, BigInteger free) implements BalancesEvent {}

    /** Some balance was reserved (index 4). */
    record Reserved(AccountId32 who, BigInteger amount) implements BalancesEvent {}

    /** Some balance was unreserved (index 5). */
    record Unreserved(AccountId32 who, BigInteger amount) implements BalancesEvent {}

    /** Some amount was deposited (index 7). */
    record Deposit(AccountId32 who, BigInteger amount) implements BalancesEvent {}

    /** Some amount was withdrawn (index 8). */
    record Withdraw(AccountId32 who, BigInteger amount) implements BalancesEvent {}

    /** Some amount was removed from the account as a penalty (index 9). */
    record Slashed(AccountId32 who, BigInteger amount) implements BalancesEvent {}

    /** Some balance was locked (index 17). */
    record Locked(AccountId32 who, BigInteger amount) implements BalancesEvent {}

    /** Some balance was unlocked (index 18). */
    record Unlocked(AccountId32 who, BigInteger amount) implements BalancesEvent {}

    /** SCALE codec: event index, then the fields. */
    ScaleEnum<BalancesEvent> CODEC = ScaleEnum.<BalancesEvent>builder("BalancesEvent")
            .variant(0, "Endowed", Endowed.class, ScaleRecord.of("Endowed",
                    ScaleRecord.field("account", AccountId32.CODEC, Endowed::account),
                    ScaleRecord.field("free_balance", ScaleCodecs.U128, Endowed::freeBalance), Endowed::new))
            .variant(1, "DustLost", DustLost.class, ScaleRecord.of("DustLost",
                    ScaleRecord.field("account", AccountId32.CODEC, DustLost::account),
                    ScaleRecord.field("amount", ScaleCodecs.U128, DustLost::amount), DustLost::new))
            .variant(2, "Transfer", Transfer.class, ScaleRecord.of("Transfer",
                    ScaleRecord.field("from", AccountId32.CODEC, Transfer::from),
                    ScaleRecord.field("to", AccountId32.CODEC, Transfer::to),
                    ScaleRecord.field("amount", ScaleCodecs.U128, Transfer::amount), Transfer::new))
            .variant(3, "BalanceSet", BalanceSet.class, ScaleRecord.of("BalanceSet",
                    ScaleRecord.field("who", AccountId32.CODEC, BalanceSet::who),
                    ScaleRecord.field("free", ScaleCodecs.U128, BalanceSet::free), BalanceSet::new))
            .variant(4, "Reserved", Reserved.class, ScaleRecord.of("Reserved",
                    ScaleRecord.field("who", AccountId32.CODEC, Reserved::who),
                    ScaleRecord.field("amount", ScaleCodecs.U128, Reserved::amount), Reserved::new))
            .variant(5, "Unreserved", Unreserved.class, ScaleRecord.of("Unreserved",
                    ScaleRecord.field("who", AccountId32.CODEC, Unreserved::who),
                    ScaleRecord.field("amount", ScaleCodecs.U128, Unreserved::amount), Unreserved::new))
            .variant(7, "Deposit", Deposit.class, ScaleRecord.of("Deposit",
                    ScaleRecord.field("who", AccountId32.CODEC, Deposit::who),
                    ScaleRecord.field("amount", ScaleCodecs.U128, Deposit::amount), Deposit::new))
            .variant(8, "Withdraw", Withdraw.class, ScaleRecord.of("Withdraw",
                    ScaleRecord.field("who", AccountId32.CODEC, Withdraw::who),
                    ScaleRecord.field("amount", ScaleCodecs.U128, Withdraw::amount), Withdraw::new))
            .variant(9, "Slashed", Slashed.class, ScaleRecord.of("Slashed",
                    ScaleRecord.field("who", AccountId32.CODEC, Slashed::who),
                    ScaleRecord.field("amount", ScaleCodecs.U128, Slashed::amount), Slashed::new))
            .variant(17, "Locked", Locked.class, ScaleRecord.of("Locked",
                    ScaleRecord.field("who", AccountId32.CODEC, Locked::who),
                    ScaleRecord.field("amount", ScaleCodecs.U128, Locked::amount), Locked::new))
            .variant(18, "Unlocked", Unlocked.class, ScaleRecord.of("Unlocked",
                    ScaleRecord.field("who", AccountId32.CODEC, Unlocked::who),
                    ScaleRecord.field("amount", ScaleCodecs.U128, Unlocked::amount), Unlocked::new))
            .build();

    @Override
    default int palletIndex() {
        return BalancesPallet.INDEX;
    }

    @Override
    default byte[] encode() {
        return CODEC.encode(this);
    }
}
