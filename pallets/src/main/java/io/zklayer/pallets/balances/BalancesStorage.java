package io.zklayer.pallets.balances;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.hashing.StorageHasher;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.storage.StorageEntryDescriptor;
import io.zklayer.runtime.storage.StorageMap;
import io.zklayer.runtime.storage.StorageValue;
import java.math.BigInteger;
import java.util.List;

/** The storage items of the Balances pallet (balances themselves live in {@code System.Account}). */
public final class BalancesStorage {
    private BalancesStorage() {}

    /**
     * A named amount held by a module: a lock (frozen within free) or a reserve (moved to reserved).
     *
     * @param id an 8-byte name, e.g. {@code "zkpools "}
     * @param amount the amount
     */
    public record NamedAmount(byte[] id, BigInteger amount) {
        /** SCALE codec {@code {id: [u8; 8], amount: u128}}. */
        public static final ScaleCodec<NamedAmount> CODEC = ScaleRecord.of("ReserveData",
                ScaleRecord.field("id", ScaleCodecs.fixedBytes(8), NamedAmount::id),
                ScaleRecord.field("amount", ScaleCodecs.U128, NamedAmount::amount),
                NamedAmount::new);

        public NamedAmount {
            if (id.length != 8) {
                throw new IllegalArgumentException("lock and reserve ids are 8 bytes, got " + id.length);
            }
            id = id.clone();
        }

        @Override
        public byte[] id() {
            return id.clone();
        }
    }

    /** The total issuance. */
    public static final StorageValue<BigInteger> TOTAL_ISSUANCE = new StorageValue<>(BalancesPallet.NAME,
            "TotalIssuance", ScaleCodecs.U128, BigInteger.ZERO, "The total units issued in the system.");

    /** Locks per account: the frozen part of free is the largest lock. */
    public static final StorageMap<AccountId32, List<NamedAmount>> LOCKS = new StorageMap<>(BalancesPallet.NAME, "Locks",
            StorageHasher.BLAKE2_128_CONCAT, AccountId32.CODEC, ScaleCodecs.vec(NamedAmount.CODEC), List.of(),
            "Any liquidity locks on some account balances.");

    /** Named reserves per account: their sum is the reserved balance. */
    public static final StorageMap<AccountId32, List<NamedAmount>> RESERVES = new StorageMap<>(BalancesPallet.NAME,
            "Reserves", StorageHasher.BLAKE2_128_CONCAT, AccountId32.CODEC, ScaleCodecs.vec(NamedAmount.CODEC), List.of(),
            "Named reserves on some account balances.");

    /** Returns every storage item's description. */
    public static List<StorageEntryDescriptor> descriptors() {
        return List.of(TOTAL_ISSUANCE.descriptor(), LOCKS.descriptor(), RESERVES.descriptor());
    }
}
