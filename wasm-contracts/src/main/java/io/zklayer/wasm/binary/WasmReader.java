package io.zklayer.wasm.binary;

/**
 * A cursor over Wasm bytes that reads LEB128 numbers and section framing. Every read is bounded
 * by the end of the input; a read past it throws {@link IllegalArgumentException} naming the
 * offset, which callers turn into an invalid-module outcome.
 */
public final class WasmReader {
    private final byte[] data;
    private final int end;
    private int pos;

    /** Creates a reader over {@code data[from, to)}. */
    public WasmReader(byte[] data, int from, int to) {
        if (from < 0 || to > data.length || from > to) {
            throw new IllegalArgumentException("bad range [" + from + ", " + to + ") of " + data.length);
        }
        this.data = data;
        this.pos = from;
        this.end = to;
    }

    /** Returns the current absolute offset. */
    public int position() {
        return pos;
    }

    /** Returns whether the cursor reached the end. */
    public boolean atEnd() {
        return pos >= end;
    }

    /** Reads one byte as 0…255. */
    public int u8() {
        if (pos >= end) {
            throw new IllegalArgumentException("unexpected end of bytes at offset " + pos);
        }
        return data[pos++] & 0xFF;
    }

    /** Reads an unsigned LEB128 u32 (at most 5 bytes). */
    public long u32() {
        long result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = u8();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (result > 0xFFFF_FFFFL) {
                    throw new IllegalArgumentException("u32 too large at offset " + pos);
                }
                return result;
            }
        }
        throw new IllegalArgumentException("u32 longer than 5 bytes at offset " + pos);
    }

    /** Reads a u32 that must fit a non-negative int. */
    public int u32AsInt() {
        long v = u32();
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("u32 " + v + " too large at offset " + pos);
        }
        return (int) v;
    }

    /** Skips {@code n} bytes. */
    public void skip(int n) {
        if (n < 0 || n > end - pos) {
            throw new IllegalArgumentException("cannot skip " + n + " bytes at offset " + pos);
        }
        pos += n;
    }
}
