package io.zklayer.primitives.trie;

import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.codec.ScaleReader;
import io.zklayer.primitives.codec.ScaleWriter;
import java.util.function.Function;

/**
 * Encodes and decodes trie nodes exactly as sp-trie's {@code NodeCodec} for the no-extension
 * layout does.
 *
 * <p>First byte: the node kind in the top bits, the partial key's nibble count {@code n} in the
 * rest ({@code 01} leaf, {@code 10} branch, {@code 11} branch with value, {@code 001} leaf with
 * hashed value, {@code 0001} branch with hashed value, {@code 0x00} empty trie). When {@code n}
 * does not fit, the low bits are all ones and continuation bytes follow: the leaf with 63 nibbles
 * starts {@code 7f 00}, with 318 nibbles {@code 7f ff 00}. Then the partial key, two nibbles per
 * byte and the first byte zero-padded on the left when {@code n} is odd; for a branch the
 * children bitmap (u16 little-endian); the value (SCALE compact length ‖ bytes, or its 32-byte
 * hash); and each present child as compact length ‖ (encoding if shorter than 32 bytes, else its
 * blake2b-256). The leaf {@code [aa → bb]} is {@code 0x42aa04bb}.
 */
final class NodeCodec {
    static final int HASH_LENGTH = 32;
    /** Substrate's {@code NIBBLE_SIZE_BOUND}: the longest partial key a header may announce. */
    static final int MAX_PARTIAL_NIBBLES = 65_535;
    static final byte EMPTY_TRIE = 0x00;

    private static final String WHAT = "trie node";
    private static final int LEAF = 0b01 << 6;
    private static final int BRANCH = 0b10 << 6;
    private static final int BRANCH_WITH_VALUE = 0b11 << 6;
    private static final int HASHED_LEAF = 0b001 << 5;
    private static final int HASHED_BRANCH = 0b0001 << 4;

    private NodeCodec() {}

    /**
     * Returns the encoding of {@code node}; {@code childRef} gives each child's reference (its
     * encoding when shorter than 32 bytes, else its hash). A value known only by hash is written
     * hashed; the caller loads such values first when the layout is V0.
     */
    static byte[] encode(Node node, TrieLayout layout, Function<Object, byte[]> childRef) {
        Value v = node.value;
        boolean hashedValue = v != null && (v.isHashOnly() ? layout == TrieLayout.V1 : layout.hashesValue(v.bytesOrNull().length));
        if (v != null && v.isHashOnly() && layout == TrieLayout.V0) {
            throw new IllegalStateException("V0 encoding needs the value bytes of a hashed value");
        }
        ScaleWriter w = new ScaleWriter(64 + (v == null || hashedValue ? 32 : v.bytesOrNull().length));
        int n = node.partial.length;
        if (node.isLeaf()) {
            writeHeader(w, hashedValue ? HASHED_LEAF : LEAF, hashedValue ? 3 : 2, n);
        } else if (v == null) {
            writeHeader(w, BRANCH, 2, n);
        } else {
            writeHeader(w, hashedValue ? HASHED_BRANCH : BRANCH_WITH_VALUE, hashedValue ? 4 : 2, n);
        }
        writePartial(w, node.partial);
        if (!node.isLeaf()) {
            int bitmap = 0;
            for (int i = 0; i < 16; i++) {
                if (node.children[i] != null) {
                    bitmap |= 1 << i;
                }
            }
            w.u16(bitmap);
        }
        if (v != null) {
            if (hashedValue) {
                w.raw(v.hash());
            } else {
                w.bytes(v.bytesOrNull());
            }
        }
        if (!node.isLeaf()) {
            for (int i = 0; i < 16; i++) {
                if (node.children[i] != null) {
                    w.bytes(childRef.apply(node.children[i]));
                }
            }
        }
        return w.toByteArray();
    }

    /** Returns whether an encoded node stores its value by hash (header {@code 001…} or {@code 0001…}). */
    static boolean hasHashedValue(byte[] encoded) {
        int first = encoded[0] & 0xFF;
        return (first & 0b1110_0000) == HASHED_LEAF || (first & 0b1111_0000) == HASHED_BRANCH;
    }

    /**
     * Decodes one node; inline children are decoded too, hashed ones become {@link HashRef}s.
     *
     * @throws ScaleDecodeException naming the offset when the bytes are not a canonical node
     *     (unknown header, truncated, odd partial key with a non-zero pad nibble, a branch without
     *     children, an inline child of more than 32 bytes, trailing bytes)
     */
    static Node decode(byte[] encoded) {
        ScaleReader r = new ScaleReader(encoded);
        Node node = decode(r, 0);
        r.expectEnd(WHAT);
        node.encoded = encoded;
        return node;
    }

    private static Node decode(ScaleReader r, int depth) {
        int first = r.rawByte(WHAT + " header");
        if (first == EMPTY_TRIE) {
            throw r.error(WHAT, "header 0x00 (empty trie) is not a node");
        }
        boolean leaf;
        boolean hasValue;
        boolean hashedValue;
        int lowBits;
        switch (first >>> 6) {
            case 0b01 -> { leaf = true; hasValue = true; hashedValue = false; lowBits = 6; }
            case 0b10 -> { leaf = false; hasValue = false; hashedValue = false; lowBits = 6; }
            case 0b11 -> { leaf = false; hasValue = true; hashedValue = false; lowBits = 6; }
            default -> {
                if ((first & 0b1110_0000) == HASHED_LEAF) {
                    leaf = true; hasValue = true; hashedValue = true; lowBits = 5;
                } else if ((first & 0b1111_0000) == HASHED_BRANCH) {
                    leaf = false; hasValue = true; hashedValue = true; lowBits = 4;
                } else {
                    throw r.error(WHAT, String.format("header byte 0x%02x is no node kind of the no-extension codec", first));
                }
            }
        }
        int n = readNibbleCount(r, first, lowBits);
        byte[] partial = readPartial(r, n);
        int bitmap = 0;
        if (!leaf) {
            bitmap = r.u16();
            if (bitmap == 0) {
                throw r.error(WHAT, "branch bitmap 0x0000: a branch has at least one child");
            }
        }
        Value value = null;
        if (hasValue) {
            value = hashedValue ? Value.hashed(r.raw(HASH_LENGTH, WHAT + " value hash")) : Value.of(r.bytes());
        }
        if (leaf) {
            return Node.leaf(partial, value);
        }
        Object[] children = new Object[16];
        for (int i = 0; i < 16; i++) {
            if ((bitmap & (1 << i)) == 0) {
                continue;
            }
            int start = r.position();
            int len = r.length(WHAT + " child " + i, 1);
            if (len == HASH_LENGTH) {
                children[i] = new HashRef(r.raw(HASH_LENGTH, WHAT + " child hash"));
            } else if (len > HASH_LENGTH) {
                throw new ScaleDecodeException(WHAT, start, "child " + i + " reference of " + len + " bytes: inline children are shorter than 32");
            } else if (len == 0) {
                throw new ScaleDecodeException(WHAT, start, "child " + i + " reference is empty");
            } else {
                int from = r.position();
                byte[] inline = r.raw(len, WHAT + " inline child");
                ScaleReader inner = new ScaleReader(inline);
                Node child;
                try {
                    child = decode(inner, depth + 1);
                    inner.expectEnd(WHAT + " inline child");
                } catch (ScaleDecodeException e) {
                    throw new ScaleDecodeException(WHAT, from + e.offset(), "inline child " + i + ": " + e.getMessage());
                }
                child.encoded = inline;
                children[i] = child;
            }
        }
        return Node.branch(partial, value, children);
    }

    private static void writeHeader(ScaleWriter w, int prefix, int prefixBits, int n) {
        if (n > MAX_PARTIAL_NIBBLES) {
            throw new IllegalArgumentException("partial key of " + n + " nibbles exceeds " + MAX_PARTIAL_NIBBLES);
        }
        int max = 0xFF >>> prefixBits;
        if (n < max) {
            w.rawByte(prefix | n);
            return;
        }
        w.rawByte(prefix | max);
        int rem = n - max;
        while (rem >= 255) {
            w.rawByte(255);
            rem -= 255;
        }
        w.rawByte(rem);
    }

    private static int readNibbleCount(ScaleReader r, int first, int lowBits) {
        int max = (1 << lowBits) - 1;
        int n = first & max;
        if (n < max) {
            return n;
        }
        while (true) {
            int b = r.rawByte(WHAT + " nibble count");
            n += b;
            if (n > MAX_PARTIAL_NIBBLES) {
                throw r.error(WHAT, "partial key longer than " + MAX_PARTIAL_NIBBLES + " nibbles");
            }
            if (b < 255) {
                return n;
            }
        }
    }

    private static void writePartial(ScaleWriter w, byte[] nibbles) {
        int i = 0;
        if ((nibbles.length & 1) != 0) {
            w.rawByte(nibbles[0]);
            i = 1;
        }
        for (; i < nibbles.length; i += 2) {
            w.rawByte((nibbles[i] << 4) | nibbles[i + 1]);
        }
    }

    private static byte[] readPartial(ScaleReader r, int n) {
        int byteLen = (n + 1) / 2;
        int at = r.position();
        byte[] packed = r.raw(byteLen, WHAT + " partial key");
        byte[] out = new byte[n];
        int o = 0;
        int i = 0;
        if ((n & 1) != 0) {
            if ((packed[0] & 0xF0) != 0) {
                throw new ScaleDecodeException(WHAT, at, "odd partial key with a non-zero pad nibble");
            }
            out[o++] = packed[0];
            i = 1;
        }
        for (; i < byteLen; i++) {
            out[o++] = (byte) ((packed[i] >>> 4) & 0x0F);
            out[o++] = (byte) (packed[i] & 0x0F);
        }
        return out;
    }
}
