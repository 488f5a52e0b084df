package io.zklayer.primitives.types;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import java.util.Arrays;
import java.util.Objects;

/**
 * How an extrinsic names an account, as Substrate's {@code sp_runtime::MultiAddress<AccountId32,
 * u32>}: {@code Id = 0} (the 32-byte account), {@code Index = 1} ({@code Compact<u32>}),
 * {@code Raw = 2} ({@code Vec<u8>}), {@code Address32 = 3} ({@code [u8; 32]}), {@code Address20 = 4}
 * ({@code [u8; 20]}). {@code Id(0x11…11)} → {@code 0x00 11…11} (33 bytes).
 */
public sealed interface MultiAddress {

    /** SCALE codec of an address. */
    ScaleCodec<MultiAddress> CODEC = ScaleEnum.<MultiAddress>builder("MultiAddress")
            .variant(0, "Id", Id.class, ScaleCodecs.map("Id", AccountId32.CODEC, Id::new, Id::account))
            .variant(1, "Index", Index.class, ScaleCodecs.map("Index", ScaleCodecs.COMPACT_U32, Index::new, Index::index))
            .variant(2, "Raw", Raw.class, ScaleCodecs.map("Raw", ScaleCodecs.BYTES, Raw::new, Raw::data))
            .variant(3, "Address32", Address32.class,
                    ScaleCodecs.map("Address32", ScaleCodecs.fixedBytes(32), Address32::new, Address32::data))
            .variant(4, "Address20", Address20.class,
                    ScaleCodecs.map("Address20", ScaleCodecs.fixedBytes(20), Address20::new, Address20::data))
            .build();

    /** Returns the {@code Id} address of {@code account}. */
    static MultiAddress id(AccountId32 account) {
        return new Id(account);
    }

    /**
     * An account by its id (index 0), the form every signed extrinsic of this chain uses.
     *
     * @param account the account
     */
    record Id(AccountId32 account) implements MultiAddress {
        /** Checks the account is present. */
        public Id {
            Objects.requireNonNull(account, "account");
        }
    }

    /**
     * An account by its short index (index 1), {@code Compact<u32>}.
     *
     * @param index 0 … 2^32 − 1
     */
    record Index(long index) implements MultiAddress {
        /** Checks the index is a u32. */
        public Index {
            if (index < 0 || index > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("account index must be a u32, got " + index);
            }
        }
    }

    /**
     * Raw address bytes of any length (index 2).
     *
     * @param data the bytes
     */
    record Raw(byte[] data) implements MultiAddress {
        /** Copies the bytes. */
        public Raw {
            data = data.clone();
        }

        /** Returns a copy of the bytes. */
        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Raw r && Arrays.equals(data, r.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Raw(" + Hex.encode(data) + ")";
        }
    }

    /**
     * A 32-byte address that is not necessarily an account id (index 3).
     *
     * @param data exactly 32 bytes
     */
    record Address32(byte[] data) implements MultiAddress {
        /** Checks the length and copies the bytes. */
        public Address32 {
            if (data.length != 32) {
                throw new IllegalArgumentException("Address32 takes 32 bytes, got " + data.length);
            }
            data = data.clone();
        }

        /** Returns a copy of the bytes. */
        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Address32 a && Arrays.equals(data, a.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Address32(" + Hex.encode(data) + ")";
        }
    }

    /**
     * A 20-byte (Ethereum-style) address (index 4).
     *
     * @param data exactly 20 bytes
     */
    record Address20(byte[] data) implements MultiAddress {
        /** Checks the length and copies the bytes. */
        public Address20 {
            if (data.length != 20) {
                throw new IllegalArgumentException("Address20 takes 20 bytes, got " + data.length);
            }
            data = data.clone();
        }

        /** Returns a copy of the bytes. */
        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Address20 a && Arrays.equals(data, a.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Address20(" + Hex.encode(data) + ")";
        }
    }
}
