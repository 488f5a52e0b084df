package io.zklayer.primitives.crypto;

import io.zklayer.primitives.Hex;
import java.util.Arrays;

/**
 * A decoded SS58 address: the network prefix (0…16383) and its payload, which is the 32-byte
 * account almost always, or a 33-byte compressed ecdsa public key.
 *
 * <p>{@code Ss58.decode("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu")} is prefix 42 with
 * account {@code 0x88dc3417…b0ee}. Immutable; accessors return copies.
 */
public final class Ss58Address {
    private final int prefix;
    private final byte[] payload;

    /**
     * Creates an address value.
     *
     * @throws IllegalArgumentException if the prefix is outside 0…16383 or the payload is not 32 or 33 bytes
     */
    public Ss58Address(int prefix, byte[] payload) {
        Ss58.checkPrefix(prefix);
        Ss58.checkPayload(payload);
        this.prefix = prefix;
        this.payload = payload.clone();
    }

    /** Returns the network prefix, 0…16383 (42 is the generic Substrate prefix, 0 Polkadot). */
    public int prefix() {
        return prefix;
    }

    /** Returns a copy of the payload bytes (32 or 33). */
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * Returns a copy of the 32 account bytes.
     *
     * @throws IllegalStateException if the payload is a 33-byte ecdsa key, whose account id is its
     *     blake2b-256 hash rather than the key itself
     */
    public byte[] account() {
        if (payload.length != Ss58.ACCOUNT_LENGTH) {
            throw new IllegalStateException("ss58: payload is a " + payload.length
                    + "-byte ecdsa public key, not a 32-byte account (its account id is blake2b-256 of the key)");
        }
        return payload.clone();
    }

    /** Returns the account as an ed25519 public key ({@link #account()} rules apply). */
    public Ed25519PublicKey ed25519() {
        return Ed25519PublicKey.of(account());
    }

    /** Returns the SS58 text of this address. */
    public String encode() {
        return Ss58.encode(prefix, payload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ss58Address other && prefix == other.prefix && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return 31 * prefix + Arrays.hashCode(payload);
    }

    /** Returns the SS58 text, as {@link #encode()}, with the payload in hex for logs. */
    @Override
    public String toString() {
        return encode() + " (prefix " + prefix + ", " + Hex.shortForm(payload) + ")";
    }
}
