package io.zklayer.pallets.system;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;
import java.math.BigInteger;

/**
 * What {@code System.Account} holds per account, exactly Substrate's layout:
 * {@code nonce u32 ‖ consumers u32 ‖ providers u32 ‖ sufficients u32 ‖ data}.
 *
 * @param nonce transactions sent so far
 * @param consumers modules that depend on the account existing (reserves, bonds)
 * @param providers modules that keep the account alive (a balance at or above the existential deposit)
 * @param sufficients assets that keep the account alive (unused here)
 * @param data the balances
 */
public record AccountInfo(long nonce, long consumers, long providers, long sufficients, AccountData data) {
    /** An account that does not exist. */
    public static final AccountInfo EMPTY = new AccountInfo(0, 0, 0, 0, AccountData.EMPTY);

    /** SCALE codec. */
    public static final ScaleCodec<AccountInfo> CODEC = ScaleRecord.of("AccountInfo",
            ScaleRecord.field("nonce", ScaleCodecs.U32, AccountInfo::nonce),
            ScaleRecord.field("consumers", ScaleCodecs.U32, AccountInfo::consumers),
            ScaleRecord.field("providers", ScaleCodecs.U32, AccountInfo::providers),
            ScaleRecord.field("sufficients", ScaleCodecs.U32, AccountInfo::sufficients),
            ScaleRecord.field("data", AccountData.CODEC, AccountInfo::data),
            AccountInfo::new);

    /** Returns a copy with {@code data} replaced. */
    public AccountInfo withData(AccountData newData) {
        return new AccountInfo(nonce, consumers, providers, sufficients, newData);
    }

    /** Returns a copy with the nonce replaced. */
    public AccountInfo withNonce(long newNonce) {
        return new AccountInfo(newNonce, consumers, providers, sufficients, data);
    }

    /** Returns a copy with the reference counts replaced. */
    public AccountInfo withRefs(long newConsumers, long newProviders) {
        return new AccountInfo(nonce, newConsumers, newProviders, sufficients, data);
    }

    /**
     * The balances of an account, Substrate's {@code pallet_balances::AccountData}:
     * {@code free ‖ reserved ‖ frozen ‖ flags}, each u128.
     *
     * @param free spendable balance (before freezes)
     * @param reserved balance held by modules (bonds, escrow)
     * @param frozen part of free that may not be spent (locks)
     * @param flags extra flags (bit 127 set means the new reference-counting logic, as Substrate)
     */
    public record AccountData(BigInteger free, BigInteger reserved, BigInteger frozen, BigInteger flags) {
        /** Substrate's flag marking the new logic. */
        public static final BigInteger NEW_LOGIC = BigInteger.ONE.shiftLeft(127);

        /** No balance. */
        public static final AccountData EMPTY = new AccountData(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, NEW_LOGIC);

        /** SCALE codec. */
        public static final ScaleCodec<AccountData> CODEC = ScaleRecord.of("AccountData",
                ScaleRecord.field("free", ScaleCodecs.U128, AccountData::free),
                ScaleRecord.field("reserved", ScaleCodecs.U128, AccountData::reserved),
                ScaleRecord.field("frozen", ScaleCodecs.U128, AccountData::frozen),
                ScaleRecord.field("flags", ScaleCodecs.U128, AccountData::flags),
                AccountData::new);

        /** Returns free + reserved. */
        public BigInteger total() {
            return free.add(reserved);
        }
    }
}
