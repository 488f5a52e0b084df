package io.zklayer.primitives.trie;

import java.util.Arrays;

/**
 * Keys as nibble sequences, one nibble (0…15) per array element, high half of each byte first:
 * the key {@code 0x1f} is the nibbles {@code [1, 15]}.
 */
final class Nibbles {
    static final byte[] EMPTY = new byte[0];

    private Nibbles() {}

    /** Returns the nibbles of {@code key}. */
    static byte[] fromBytes(byte[] key) {
        byte[] out = new byte[key.length * 2];
        for (int i = 0; i < key.length; i++) {
            out[2 * i] = (byte) ((key[i] >>> 4) & 0x0F);
            out[2 * i + 1] = (byte) (key[i] & 0x0F);
        }
        return out;
    }

    /** Returns the bytes of an even-length nibble sequence. */
    static byte[] toBytes(byte[] nibbles) {
        if ((nibbles.length & 1) != 0) {
            throw new IllegalArgumentException("a key has an even number of nibbles, got " + nibbles.length);
        }
        byte[] out = new byte[nibbles.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((nibbles[2 * i] << 4) | nibbles[2 * i + 1]);
        }
        return out;
    }

    /** Returns how many nibbles {@code a} and {@code key[from…]} share at the start. */
    static int commonPrefix(byte[] a, byte[] key, int from) {
        int max = Math.min(a.length, key.length - from);
        int i = 0;
        while (i < max && a[i] == key[from + i]) {
            i++;
        }
        return i;
    }

    /** Returns {@code a ‖ [nibble] ‖ b}. */
    static byte[] join(byte[] a, int nibble, byte[] b) {
        byte[] out = new byte[a.length + 1 + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        out[a.length] = (byte) nibble;
        System.arraycopy(b, 0, out, a.length + 1, b.length);
        return out;
    }

    /** Returns {@code a ‖ b}. */
    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Returns {@code a[from, to)}. */
    static byte[] slice(byte[] a, int from, int to) {
        return from == to ? EMPTY : Arrays.copyOfRange(a, from, to);
    }

    /** Returns whether {@code a} starts with {@code prefix}. */
    static boolean startsWith(byte[] a, byte[] prefix) {
        return a.length >= prefix.length && Arrays.equals(a, 0, prefix.length, prefix, 0, prefix.length);
    }

    /**
     * Compares {@code a} and {@code b} on their first {@code min(len)} nibbles only: negative when
     * every key starting with {@code a} sorts before every key starting with {@code b}.
     */
    static int compareCommon(byte[] a, byte[] b) {
        int m = Math.min(a.length, b.length);
        return Arrays.compare(a, 0, m, b, 0, m);
    }
}
