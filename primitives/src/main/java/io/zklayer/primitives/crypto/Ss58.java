package io.zklayer.primitives.crypto;

import io.zklayer.primitives.hashing.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * SS58 addresses: base58(prefix ‖ payload ‖ checksum), exactly as Substrate's {@code Ss58Codec}
 * writes them.
 *
 * <p>The prefix takes one byte when below 64 ({@code 42} → {@code 0x2a}) and two bytes for
 * 64…16383: with {@code p} the prefix, the first byte is {@code 0b01} followed by bits 7…2 of
 * {@code p}, the second byte holds bits 1…0 of {@code p} on top and bits 13…8 below
 * ({@code 64} → {@code 0x50 0x00}, {@code 16383} → {@code 0x7f 0xff}). The checksum is the first
 * two bytes of blake2b-512("SS58PRE" ‖ prefix bytes ‖ payload).
 *
 * <p>The payload is a 32-byte account id, or a 33-byte compressed ecdsa public key (Substrate's
 * {@code ecdsa::Public} is SS58-encodable too; its account id is the blake2b-256 of that key).
 *
 * <p>{@code encode(42, 0x88dc3417…b0ee)} → {@code "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu"}.
 * Every prefix in 0…16383 is accepted, including 46 and 47, which Substrate reserves and refuses
 * to decode; a chain that cares checks the prefix it gets back.
 */
public final class Ss58 {
    /** The generic Substrate prefix, used by dev chains and by this project's chains by default. */
    public static final int GENERIC_PREFIX = 42;
    /** The largest prefix the two-byte form can carry. */
    public static final int MAX_PREFIX = 16383;
    /** The length of an account id, the payload of almost every address. */
    public static final int ACCOUNT_LENGTH = 32;
    /** The length of a compressed ecdsa public key, the other payload Substrate writes as SS58. */
    public static final int ECDSA_PUBLIC_KEY_LENGTH = 33;

    private static final byte[] CONTEXT = "SS58PRE".getBytes(StandardCharsets.US_ASCII);
    private static final int CHECKSUM_LENGTH = 2;
    // Two prefix bytes + the longest payload + checksum: the longest valid address, in bytes.
    private static final int MAX_DECODED = 2 + ECDSA_PUBLIC_KEY_LENGTH + CHECKSUM_LENGTH;

    private Ss58() {}

    /**
     * Returns the SS58 text of a 32-byte account (or a 33-byte ecdsa public key) under {@code prefix}.
     *
     * @throws IllegalArgumentException if the prefix is outside 0…16383 or the payload is not 32 or 33 bytes
     */
    public static String encode(int prefix, byte[] payload) {
        checkPrefix(prefix);
        checkPayload(payload);
        int n = payload.length;
        byte[] prefixBytes = prefixBytes(prefix);
        byte[] data = new byte[prefixBytes.length + n + CHECKSUM_LENGTH];
        System.arraycopy(prefixBytes, 0, data, 0, prefixBytes.length);
        System.arraycopy(payload, 0, data, prefixBytes.length, n);
        byte[] checksum = checksum(data, prefixBytes.length + n);
        System.arraycopy(checksum, 0, data, prefixBytes.length + n, CHECKSUM_LENGTH);
        return Base58.encode(data);
    }

    /** Returns the SS58 text of a 32-byte account under the generic prefix 42. */
    public static String encode(byte[] account) {
        return encode(GENERIC_PREFIX, account);
    }

    /**
     * Returns the prefix and 32-byte account of SS58 {@code text}.
     *
     * @throws Ss58Exception naming the broken rule: a non-base58 character, a length other than
     *     prefix + 32 + 2 bytes, a first byte of 128 or more, or a wrong checksum
     */
    public static Ss58Address decode(String text) {
        return decode(text, ACCOUNT_LENGTH);
    }

    /**
     * Returns the prefix and payload of SS58 {@code text} whose payload must be
     * {@code payloadLength} bytes: 32 for an account, 33 for an ecdsa public key.
     *
     * @throws Ss58Exception naming the broken rule, as {@link #decode(String)}
     * @throws IllegalArgumentException if {@code payloadLength} is neither 32 nor 33
     */
    public static Ss58Address decode(String text, int payloadLength) {
        checkPayloadLength(payloadLength);
        if (text == null) {
            throw new Ss58Exception(Ss58Exception.Reason.BAD_LENGTH, "ss58: null address");
        }
        int bad = Base58.firstInvalidCharacter(text);
        if (bad >= 0) {
            throw new Ss58Exception(Ss58Exception.Reason.BAD_CHARACTER, "ss58: invalid character '" + text.charAt(bad)
                    + "' at position " + bad + " (not in the base58 Bitcoin alphabet)");
        }
        byte[] data;
        try {
            data = Base58.decode(text, MAX_DECODED);
        } catch (IllegalArgumentException e) {
            // Every character is valid, so the only refusal left is the size limit.
            throw new Ss58Exception(Ss58Exception.Reason.BAD_LENGTH, "ss58: " + e.getMessage());
        }
        if (data.length == 0) {
            throw new Ss58Exception(Ss58Exception.Reason.BAD_LENGTH, "ss58: empty address");
        }
        int first = data[0] & 0xff;
        int prefixLength;
        int prefix;
        if (first < 64) {
            prefixLength = 1;
            prefix = first;
        } else if (first < 128) {
            if (data.length < 2) {
                throw new Ss58Exception(Ss58Exception.Reason.BAD_LENGTH,
                        "ss58: address of 1 byte has no room for its two-byte prefix");
            }
            int second = data[1] & 0xff;
            int lower = ((first << 2) | (second >> 6)) & 0xff;
            int upper = second & 0b0011_1111;
            prefixLength = 2;
            prefix = lower | (upper << 8);
        } else {
            throw new Ss58Exception(Ss58Exception.Reason.BAD_PREFIX,
                    "ss58: first byte 0x" + Integer.toHexString(first) + " is 128 or more, not a prefix encoding");
        }
        int expected = prefixLength + payloadLength + CHECKSUM_LENGTH;
        if (data.length != expected) {
            throw new Ss58Exception(Ss58Exception.Reason.BAD_LENGTH, "ss58: address decodes to " + data.length
                    + " bytes, expected " + expected + " (" + prefixLength + "-byte prefix, " + payloadLength
                    + "-byte payload, 2-byte checksum)");
        }
        byte[] checksum = checksum(data, prefixLength + payloadLength);
        if (data[expected - 2] != checksum[0] || data[expected - 1] != checksum[1]) {
            throw new Ss58Exception(Ss58Exception.Reason.BAD_CHECKSUM, "ss58: checksum 0x"
                    + String.format("%02x%02x", data[expected - 2] & 0xff, data[expected - 1] & 0xff)
                    + " does not match 0x" + String.format("%02x%02x", checksum[0] & 0xff, checksum[1] & 0xff)
                    + " computed from prefix " + prefix + " and the payload");
        }
        return new Ss58Address(prefix, Arrays.copyOfRange(data, prefixLength, prefixLength + payloadLength));
    }

    /** Returns the 1 or 2 bytes that carry {@code prefix} at the front of an address. */
    static byte[] prefixBytes(int prefix) {
        checkPrefix(prefix);
        if (prefix < 64) {
            return new byte[] {(byte) prefix};
        }
        int first = ((prefix & 0b1111_1100) >> 2) | 0b0100_0000;
        int second = (prefix >> 8) | ((prefix & 0b11) << 6);
        return new byte[] {(byte) first, (byte) second};
    }

    static void checkPrefix(int prefix) {
        if (prefix < 0 || prefix > MAX_PREFIX) {
            throw new IllegalArgumentException("ss58: prefix " + prefix + " is outside 0…" + MAX_PREFIX);
        }
    }

    static void checkPayload(byte[] payload) {
        if (payload == null) {
            throw new IllegalArgumentException("ss58: payload must be 32 or 33 bytes, got null");
        }
        checkPayloadLength(payload.length);
    }

    private static void checkPayloadLength(int length) {
        if (length != ACCOUNT_LENGTH && length != ECDSA_PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("ss58: payload must be " + ACCOUNT_LENGTH + " bytes (account) or "
                    + ECDSA_PUBLIC_KEY_LENGTH + " bytes (ecdsa public key), got " + length);
        }
    }

    private static byte[] checksum(byte[] data, int length) {
        byte[] input = new byte[CONTEXT.length + length];
        System.arraycopy(CONTEXT, 0, input, 0, CONTEXT.length);
        System.arraycopy(data, 0, input, CONTEXT.length, length);
        return Arrays.copyOf(Hashing.blake2b512(input), CHECKSUM_LENGTH);
    }
}
