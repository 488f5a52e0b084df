package io.zklayer.primitives.codec;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Appends SCALE encodings to a growable buffer.
 *
 * <p>{@code new ScaleWriter().compact(64).toByteArray()} → {@code 0x0101};
 * {@code u32(305419896)} → {@code 0x78563412}. Integers are little-endian; unsigned values passed
 * as {@code long} or {@link BigInteger} must be in range or an {@link IllegalArgumentException} is
 * thrown (that is a bug in the caller, not bad input).
 */
public final class ScaleWriter {
    static final BigInteger U128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    private static final BigInteger I128_MIN = BigInteger.ONE.shiftLeft(127).negate();
    private static final BigInteger I128_MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);

    private byte[] buf;
    private int size;

    /** Creates an empty writer. */
    public ScaleWriter() {
        this(64);
    }

    /** Creates an empty writer with room for {@code capacity} bytes before it grows. */
    public ScaleWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    /** Returns the bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** Returns how many bytes have been written. */
    public int size() {
        return size;
    }

    /** Appends one raw byte. */
    public ScaleWriter rawByte(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    /** Appends raw bytes with no length prefix (fixed arrays, already-encoded values). */
    public ScaleWriter raw(byte[] bytes) {
        return raw(bytes, 0, bytes.length);
    }

    /** Appends {@code len} raw bytes of {@code bytes} from {@code off}. */
    public ScaleWriter raw(byte[] bytes, int off, int len) {
        ensure(len);
        System.arraycopy(bytes, off, buf, size, len);
        size += len;
        return this;
    }

    /** Appends a {@code Vec<u8>}: compact length then the bytes. */
    public ScaleWriter bytes(byte[] bytes) {
        compact(bytes.length);
        return raw(bytes);
    }

    /** Appends a UTF-8 string as a length-prefixed byte vector. */
    public ScaleWriter string(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends {@code 0x01} for true, {@code 0x00} for false. */
    public ScaleWriter bool(boolean v) {
        return rawByte(v ? 1 : 0);
    }

    /** Appends a u8 (0…255). */
    public ScaleWriter u8(int v) {
        checkRange(v, 0, 0xFF, "u8");
        return rawByte(v);
    }

    /** Appends an i8. */
    public ScaleWriter i8(int v) {
        checkRange(v, Byte.MIN_VALUE, Byte.MAX_VALUE, "i8");
        return rawByte(v);
    }

    /** Appends a u16 (0…65535). */
    public ScaleWriter u16(int v) {
        checkRange(v, 0, 0xFFFF, "u16");
        return le(v, 2);
    }

    /** Appends an i16. */
    public ScaleWriter i16(int v) {
        checkRange(v, Short.MIN_VALUE, Short.MAX_VALUE, "i16");
        return le(v, 2);
    }

    /** Appends a u32 (0…4294967295). */
    public ScaleWriter u32(long v) {
        checkRange(v, 0, 0xFFFFFFFFL, "u32");
        return le(v, 4);
    }

    /** Appends an i32. */
    public ScaleWriter i32(int v) {
        return le(v, 4);
    }

    /** Appends a u64 given as the 64 bits of a {@code long} (values ≥ 2^63 are negative longs). */
    public ScaleWriter u64(long bits) {
        return le(bits, 8);
    }

    /** Appends an i64. */
    public ScaleWriter i64(long v) {
        return le(v, 8);
    }

    /** Appends a u128 (0 … 2^128 − 1). */
    public ScaleWriter u128(BigInteger v) {
        if (v.signum() < 0 || v.compareTo(U128_MAX) > 0) {
            throw new IllegalArgumentException("u128 out of range: " + v);
        }
        return bigLe(v, 16);
    }

    /** Appends an i128 (−2^127 … 2^127 − 1), two's complement. */
    public ScaleWriter i128(BigInteger v) {
        if (v.compareTo(I128_MIN) < 0 || v.compareTo(I128_MAX) > 0) {
            throw new IllegalArgumentException("i128 out of range: " + v);
        }
        return bigLe(v, 16);
    }

    /** Appends a compact-encoded non-negative integer. */
    public ScaleWriter compact(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("Compact takes non-negative values, got " + v);
        }
        if (v < (1 << 6)) {
            return rawByte((int) (v << 2));
        }
        if (v < (1 << 14)) {
            return le((v << 2) | 0b01, 2);
        }
        if (v < (1L << 30)) {
            return le((v << 2) | 0b10, 4);
        }
        return compact(BigInteger.valueOf(v));
    }

    /** Appends a compact-encoded integer up to u128. */
    public ScaleWriter compact(BigInteger v) {
        if (v.signum() < 0 || v.compareTo(U128_MAX) > 0) {
            throw new IllegalArgumentException("Compact<u128> out of range: " + v);
        }
        if (v.bitLength() <= 30) {
            return compact(v.longValue());
        }
        int bytes = (v.bitLength() + 7) / 8;
        rawByte(((bytes - 4) << 2) | 0b11);
        return bigLe(v, bytes);
    }

    private ScaleWriter le(long v, int bytes) {
        ensure(bytes);
        for (int i = 0; i < bytes; i++) {
            buf[size++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    private ScaleWriter bigLe(BigInteger v, int bytes) {
        byte[] be = v.toByteArray();
        ensure(bytes);
        byte fill = (byte) (v.signum() < 0 ? 0xFF : 0);
        for (int i = 0; i < bytes; i++) {
            int src = be.length - 1 - i;
            buf[size++] = src >= 0 ? be[src] : fill;
        }
        return this;
    }

    private static void checkRange(long v, long min, long max, String type) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(type + " out of range: " + v);
        }
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
