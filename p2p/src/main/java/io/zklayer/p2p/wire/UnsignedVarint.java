package io.zklayer.p2p.wire;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;

/**
 * The multiformats unsigned-varint: 7 bits per byte, least significant group first, high bit set on
 * every byte but the last, at most 9 bytes (63 bits), minimally encoded.
 *
 * <p>{@code encode(300)} → {@code 0xac02}; {@code encode(1)} → {@code 0x01}. Decoding rejects
 * non-minimal encodings ({@code 0x8000}) and values over the caller's bound before anything is
 * allocated for them.
 */
public final class UnsignedVarint {
    /** The spec's limit on the encoded length. */
    public static final int MAX_BYTES = 9;
    /** Returned by {@link #tryRead} when the buffer does not yet hold a whole varint. */
    public static final long INCOMPLETE = -1;

    private UnsignedVarint() {}

    /** Returns the encoding of a non-negative value. */
    public static byte[] encode(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("unsigned-varint: negative value " + value);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(MAX_BYTES);
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
        return out.toByteArray();
    }

    /** Returns the number of bytes {@link #encode} writes for the value. */
    public static int encodedLength(long value) {
        int n = 1;
        while ((value & ~0x7FL) != 0) {
            value >>>= 7;
            n++;
        }
        return n;
    }

    /** Writes the encoding of a non-negative value to the buffer. */
    public static void write(ByteBuf out, long value) {
        out.writeBytes(encode(value));
    }

    /**
     * Reads a varint at the reader index if the buffer holds all of it, advancing the reader index;
     * otherwise leaves the buffer untouched and returns {@link #INCOMPLETE}.
     *
     * @throws WireFormatException if the varint is over-long, not minimal, or above {@code max}
     */
    public static long tryRead(ByteBuf in, long max) {
        int start = in.readerIndex();
        long value = 0;
        int available = in.readableBytes();
        for (int i = 0; i < MAX_BYTES; i++) {
            if (i >= available) {
                return INCOMPLETE;
            }
            int b = in.getUnsignedByte(start + i);
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new WireFormatException("unsigned-varint: not minimally encoded at byte " + i);
                }
                if (value > max) {
                    throw new WireFormatException("unsigned-varint: value " + value + " exceeds limit " + max);
                }
                in.readerIndex(start + i + 1);
                return value;
            }
        }
        throw new WireFormatException("unsigned-varint: longer than " + MAX_BYTES + " bytes");
    }

    /**
     * Decodes a varint from {@code bytes} at {@code offset}; returns {value, bytesRead}.
     *
     * @throws WireFormatException if truncated, over-long, not minimal, or above {@code max}
     */
    public static long[] decode(byte[] bytes, int offset, long max) {
        long value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            if (offset + i >= bytes.length) {
                throw new WireFormatException("unsigned-varint: truncated at byte " + (offset + i));
            }
            int b = bytes[offset + i] & 0xFF;
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new WireFormatException("unsigned-varint: not minimally encoded at byte " + (offset + i));
                }
                if (value > max) {
                    throw new WireFormatException("unsigned-varint: value " + value + " exceeds limit " + max);
                }
                return new long[] {value, i + 1};
            }
        }
        throw new WireFormatException("unsigned-varint: longer than " + MAX_BYTES + " bytes");
    }
}
