package io.zklayer.primitives.types;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import java.util.Arrays;

/**
 * An account: the 32-byte public key that signs for it (Substrate's {@code AccountId32}).
 *
 * <p>Encoded as its 32 bytes with no prefix. Ordered like Rust's {@code [u8; 32]} (unsigned, byte
 * by byte), which is the order of accounts in a {@code BTreeMap} or a sorted storage listing. The
 * SS58 text form lives with the key code; {@link #toString()} is the hex form.
 */
public final class AccountId32 implements Comparable<AccountId32> {
    /** Byte length of an account id. */
    public static final int LENGTH = 32;
    /** SCALE codec: the 32 bytes, no prefix. */
    public static final ScaleCodec<AccountId32> CODEC =
            ScaleCodecs.map("AccountId32", ScaleCodecs.fixedBytes(LENGTH), AccountId32::new, h -> h.bytes);

    private final byte[] bytes;

    private AccountId32(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("AccountId32 takes 32 bytes, got " + bytes.length);
        }
        this.bytes = bytes;
    }

    /** Returns the account with this 32-byte public key (copied). */
    public static AccountId32 of(byte[] bytes) {
        return new AccountId32(bytes.clone());
    }

    /** Returns the account whose key is written as 64 hex digits, with or without {@code 0x}. */
    public static AccountId32 fromHex(String hex) {
        return new AccountId32(Hex.decode(hex));
    }

    /** Returns a copy of the 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Returns {@code 0x} and 64 lower-case hex digits. */
    public String toHex() {
        return Hex.encode(bytes);
    }

    @Override
    public int compareTo(AccountId32 other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountId32 h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Returns the full hex form, {@code 0x…}. */
    @Override
    public String toString() {
        return toHex();
    }
}
