package io.zklayer.primitives;

import java.util.Arrays;

/**
 * Hexadecimal text for bytes, in the {@code 0x}-prefixed lower-case form that Substrate's
 * JSON-RPC uses.
 *
 * <p>{@code Hex.encode(new byte[] {1, (byte) 0xab})} → {@code "0x01ab"}; {@code Hex.decode("0x01AB")}
 * → {@code [0x01, 0xab]}. Decoding is strict: an odd number of digits or a non-hex character is an
 * {@link IllegalArgumentException} that names the position.
 */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {}

    /** Returns {@code 0x} followed by two lower-case digits per byte. */
    public static String encode(byte[] bytes) {
        return "0x" + encodeNoPrefix(bytes);
    }

    /** Returns two lower-case digits per byte, without a prefix. */
    public static String encodeNoPrefix(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /**
     * Returns the bytes of a hex string, with or without a {@code 0x} prefix, in either case.
     *
     * @throws IllegalArgumentException if the text has an odd number of digits or a non-hex character
     */
    public static byte[] decode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("hex: null text");
        }
        int start = text.startsWith("0x") || text.startsWith("0X") ? 2 : 0;
        int digits = text.length() - start;
        if ((digits & 1) != 0) {
            throw new IllegalArgumentException("hex: odd number of digits (" + digits + ")");
        }
        byte[] out = new byte[digits / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = digit(text, start + 2 * i);
            int lo = digit(text, start + 2 * i + 1);
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** Returns whether {@code text} is {@code 0x}-prefixed hex with an even number of digits. */
    public static boolean isPrefixedHex(String text) {
        if (text == null || !text.startsWith("0x") || (text.length() & 1) != 0) {
            return false;
        }
        for (int i = 2; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Returns an abbreviated form for logs: {@code 0x3fa2…b0ee}. */
    public static String shortForm(byte[] bytes) {
        if (bytes.length <= 4) {
            return encode(bytes);
        }
        return "0x" + encodeNoPrefix(Arrays.copyOf(bytes, 2)) + "…"
                + encodeNoPrefix(Arrays.copyOfRange(bytes, bytes.length - 2, bytes.length));
    }

    private static int digit(String text, int index) {
        int d = Character.digit(text.charAt(index), 16);
        if (d < 0) {
            throw new IllegalArgumentException(
                    "hex: invalid character '" + text.charAt(index) + "' at position " + index);
        }
        return d;
    }
}
