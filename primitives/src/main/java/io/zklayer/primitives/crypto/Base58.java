package io.zklayer.primitives.crypto;

import java.util.Arrays;

/**
 * Base58 text in the Bitcoin alphabet, the text layer of SS58 addresses.
 *
 * <p>Each leading zero byte becomes a leading {@code '1'}; the rest is the big-endian number
 * written in base 58. {@code encode(0x00 0x00 0x01)} → {@code "112"}; {@code encode(0x61)} →
 * {@code "2g"}. Decoding is strict: a character outside the alphabet (such as {@code 0}, {@code O},
 * {@code I}, {@code l}) is an {@link IllegalArgumentException} naming it and its position, and
 * text that would decode to more than the caller's byte limit is refused before any work is done.
 */
public final class Base58 {
    /** The Bitcoin alphabet: digits and letters without {@code 0 O I l}. */
    public static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private static final char[] DIGITS = ALPHABET.toCharArray();
    private static final int[] INDEXES = new int[128];

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < DIGITS.length; i++) {
            INDEXES[DIGITS[i]] = i;
        }
    }

    private Base58() {}

    /** Returns the base58 text of {@code bytes} (the empty array gives the empty string). */
    public static String encode(byte[] bytes) {
        int zeros = 0;
        while (zeros < bytes.length && bytes[zeros] == 0) {
            zeros++;
        }
        // log(256) / log(58) < 1.37, so this many base58 digits always suffice.
        int capacity = (bytes.length - zeros) * 137 / 100 + 1;
        byte[] digits = new byte[capacity];
        int used = 0;
        for (int i = zeros; i < bytes.length; i++) {
            int carry = bytes[i] & 0xff;
            for (int j = 0; j < used; j++) {
                carry += (digits[j] & 0xff) << 8;
                digits[j] = (byte) (carry % 58);
                carry /= 58;
            }
            while (carry > 0) {
                digits[used++] = (byte) (carry % 58);
                carry /= 58;
            }
        }
        StringBuilder out = new StringBuilder(zeros + used);
        for (int i = 0; i < zeros; i++) {
            out.append('1');
        }
        for (int j = used - 1; j >= 0; j--) {
            out.append(DIGITS[digits[j]]);
        }
        return out.toString();
    }

    /** Returns the index of the first character of {@code text} outside the alphabet, or -1. */
    public static int firstInvalidCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128 || INDEXES[c] < 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Returns the bytes of base58 {@code text}.
     *
     * @param maxBytes the most bytes the caller accepts; longer text is refused up front
     * @throws IllegalArgumentException if a character is outside the alphabet or the result would
     *     exceed {@code maxBytes}
     */
    public static byte[] decode(String text, int maxBytes) {
        if (text == null) {
            throw new IllegalArgumentException("base58: null text");
        }
        // Every byte needs at least one character (a leading '1' or more than one digit), so text
        // longer than this cannot fit; this bounds the work before the loop below.
        int maxChars = maxBytes * 138 / 100 + 1;
        if (text.length() > maxChars) {
            throw new IllegalArgumentException("base58: text of " + text.length()
                    + " characters is longer than " + maxChars + ", the most that fits " + maxBytes + " bytes");
        }
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == '1') {
            zeros++;
        }
        byte[] bytes = new byte[text.length()];
        int used = 0;
        for (int i = zeros; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit = c < 128 ? INDEXES[c] : -1;
            if (digit < 0) {
                throw new IllegalArgumentException(
                        "base58: invalid character '" + c + "' at position " + i + " (not in the Bitcoin alphabet)");
            }
            int carry = digit;
            for (int j = 0; j < used; j++) {
                carry += (bytes[j] & 0xff) * 58;
                bytes[j] = (byte) carry;
                carry >>>= 8;
            }
            while (carry > 0) {
                bytes[used++] = (byte) carry;
                carry >>>= 8;
            }
        }
        int total = zeros + used;
        if (total > maxBytes) {
            throw new IllegalArgumentException(
                    "base58: text decodes to " + total + " bytes, more than the limit of " + maxBytes);
        }
        byte[] out = new byte[total];
        for (int j = 0; j < used; j++) {
            out[total - 1 - j] = bytes[j];
        }
        return out;
    }
}
