package io.zklayer.primitives.codec;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads SCALE encodings from a byte array, strictly.
 *
 * <p>Every failure is a {@link ScaleDecodeException} naming the type and offset: truncated input,
 * non-canonical compact integers, booleans other than 0/1, invalid UTF-8, and length prefixes
 * larger than the remaining input. Lengths are checked against the remaining bytes before
 * anything is allocated, so a hostile prefix cannot make the reader allocate more than the input
 * could hold.
 */
public final class ScaleReader {
    private static final BigInteger U64_MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final byte[] data;
    private final int end;
    private int pos;

    /** Creates a reader over all of {@code data} (not copied: the caller must not change it). */
    public ScaleReader(byte[] data) {
        this(data, 0, data.length);
    }

    /** Creates a reader over {@code data[from, to)}. */
    public ScaleReader(byte[] data, int from, int to) {
        if (from < 0 || to > data.length || from > to) {
            throw new IllegalArgumentException("bad range [" + from + ", " + to + ") of " + data.length);
        }
        this.data = data;
        this.pos = from;
        this.end = to;
    }

    /** Returns the current offset in the input. */
    public int position() {
        return pos;
    }

    /** Returns how many bytes are left. */
    public int remaining() {
        return end - pos;
    }

    /** Returns whether every byte has been read. */
    public boolean isAtEnd() {
        return pos == end;
    }

    /** Throws unless every byte has been read; {@code typeName} names what was decoded. */
    public void expectEnd(String typeName) {
        if (pos != end) {
            throw new ScaleDecodeException(typeName, pos, (end - pos) + " trailing bytes after the value");
        }
    }

    /** Returns a {@link ScaleDecodeException} at the current offset. */
    public ScaleDecodeException error(String typeName, String reason) {
        return new ScaleDecodeException(typeName, pos, reason);
    }

    /** Reads {@code n} raw bytes. */
    public byte[] raw(int n, String typeName) {
        need(n, typeName);
        byte[] out = Arrays.copyOfRange(data, pos, pos + n);
        pos += n;
        return out;
    }

    /**
     * Returns a reader over the next {@code n} bytes and moves this reader past them. Offsets in the
     * slice's errors stay absolute (counted from the start of the whole input).
     */
    public ScaleReader slice(int n, String typeName) {
        need(n, typeName);
        ScaleReader sub = new ScaleReader(data, pos, pos + n);
        pos += n;
        return sub;
    }

    /** Returns a copy of the input bytes from absolute offset {@code from} up to the current position. */
    public byte[] consumedSince(int from) {
        if (from < 0 || from > pos) {
            throw new IllegalArgumentException("offset " + from + " is not behind position " + pos);
        }
        return Arrays.copyOfRange(data, from, pos);
    }

    /** Reads every byte that is left. */
    public byte[] rest() {
        return raw(end - pos, "rest");
    }

    /** Reads one byte as 0…255. */
    public int rawByte(String typeName) {
        need(1, typeName);
        return data[pos++] & 0xFF;
    }

    /** Reads a {@code Vec<u8>}: compact length then the bytes. */
    public byte[] bytes() {
        int start = pos;
        int len = length("Vec<u8>", 1);
        if (len > remaining()) {
            throw new ScaleDecodeException("Vec<u8>", start, "length " + len + " exceeds remaining " + remaining());
        }
        return raw(len, "Vec<u8>");
    }

    /** Reads a UTF-8 string, rejecting malformed UTF-8. */
    public String string() {
        int start = pos;
        byte[] bytes = bytes();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ScaleDecodeException("String", start, "invalid UTF-8");
        }
    }

    /** Reads a bool: exactly 0x00 or 0x01. */
    public boolean bool() {
        int b = rawByte("bool");
        if (b > 1) {
            pos--;
            throw error("bool", "invalid value 0x" + Integer.toHexString(b));
        }
        return b == 1;
    }

    /** Reads a u8. */
    public int u8() {
        return rawByte("u8");
    }

    /** Reads an i8. */
    public int i8() {
        return (byte) rawByte("i8");
    }

    /** Reads a u16. */
    public int u16() {
        return (int) le(2, "u16");
    }

    /** Reads an i16. */
    public int i16() {
        return (short) le(2, "i16");
    }

    /** Reads a u32 as a non-negative long. */
    public long u32() {
        return le(4, "u32");
    }

    /** Reads a u32 that must fit a non-negative {@code int} (lengths, indexes). */
    public int u32AsInt(String typeName) {
        int start = pos;
        long v = le(4, typeName);
        if (v > Integer.MAX_VALUE) {
            throw new ScaleDecodeException(typeName, start, "value " + v + " is too large");
        }
        return (int) v;
    }

    /** Reads an i32. */
    public int i32() {
        return (int) le(4, "i32");
    }

    /** Reads a u64 as the 64 bits of a {@code long} (values ≥ 2^63 come back negative). */
    public long u64() {
        return le(8, "u64");
    }

    /** Reads an i64. */
    public long i64() {
        return le(8, "i64");
    }

    /** Reads a u128. */
    public BigInteger u128() {
        return new BigInteger(1, reversed(raw(16, "u128")));
    }

    /** Reads an i128. */
    public BigInteger i128() {
        return new BigInteger(reversed(raw(16, "i128")));
    }

    /** Reads a compact integer that must fit a non-negative {@code long}. */
    public long compactLong(String typeName) {
        int start = pos;
        BigInteger v = compact(typeName);
        if (v.bitLength() > 63) {
            throw new ScaleDecodeException(typeName, start, "value " + v + " does not fit in 63 bits");
        }
        return v.longValue();
    }

    /** Reads a compact integer that must fit a non-negative {@code int}. */
    public int compactInt(String typeName) {
        int start = pos;
        long v = compactLong(typeName);
        if (v > Integer.MAX_VALUE) {
            throw new ScaleDecodeException(typeName, start, "value " + v + " is too large");
        }
        return (int) v;
    }

    /**
     * Reads a collection length and checks it against the remaining input: a collection of
     * {@code len} elements of at least {@code minElementSize} bytes each must fit.
     */
    public int length(String typeName, int minElementSize) {
        int start = pos;
        int len = compactInt(typeName + " length");
        long needed = (long) len * Math.max(0, minElementSize);
        if (needed > remaining()) {
            throw new ScaleDecodeException(typeName, start,
                    "length " + len + " needs at least " + needed + " bytes but " + remaining() + " remain");
        }
        if (minElementSize == 0 && len > remaining() + 1024) {
            // Zero-sized elements cost nothing on the wire; still refuse absurd counts.
            throw new ScaleDecodeException(typeName, start, "length " + len + " is implausible for the input size");
        }
        return len;
    }

    /** Reads a compact integer up to u128, rejecting non-canonical encodings. */
    public BigInteger compact(String typeName) {
        int start = pos;
        int first = rawByte(typeName);
        switch (first & 0b11) {
            case 0b00:
                return BigInteger.valueOf(first >>> 2);
            case 0b01: {
                pos = start;
                long v = le(2, typeName) >>> 2;
                if (v < (1 << 6)) {
                    throw new ScaleDecodeException(typeName, start, "non-canonical encoding of " + v + " in 2 bytes");
                }
                return BigInteger.valueOf(v);
            }
            case 0b10: {
                pos = start;
                long v = le(4, typeName) >>> 2;
                if (v < (1 << 14)) {
                    throw new ScaleDecodeException(typeName, start, "non-canonical encoding of " + v + " in 4 bytes");
                }
                return BigInteger.valueOf(v);
            }
            default: {
                int n = (first >>> 2) + 4;
                if (n > 16) {
                    throw new ScaleDecodeException(typeName, start, "big-integer mode with " + n + " bytes exceeds u128");
                }
                BigInteger v = new BigInteger(1, reversed(raw(n, typeName)));
                if (v.bitLength() <= 30 || (v.bitLength() + 7) / 8 != n) {
                    throw new ScaleDecodeException(typeName, start, "non-canonical encoding of " + v + " in " + (n + 1) + " bytes");
                }
                return v;
            }
        }
    }

    private long le(int n, String typeName) {
        need(n, typeName);
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (data[pos + i] & 0xFFL) << (8 * i);
        }
        pos += n;
        return v;
    }

    private void need(int n, String typeName) {
        if (n < 0 || n > end - pos) {
            throw new ScaleDecodeException(typeName, pos, "needs " + n + " bytes but " + (end - pos) + " remain");
        }
    }

    private static byte[] reversed(byte[] b) {
        for (int i = 0, j = b.length - 1; i < j; i++, j--) {
            byte t = b[i];
            b[i] = b[j];
            b[j] = t;
        }
        return b;
    }

    static BigInteger u64ToBigInteger(long bits) {
        return BigInteger.valueOf(bits).and(U64_MASK);
    }
}
