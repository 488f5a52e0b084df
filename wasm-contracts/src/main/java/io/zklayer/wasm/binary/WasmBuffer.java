package io.zklayer.wasm.binary;

import java.util.Arrays;

/**
 * A growable byte buffer with the integer encodings of the WebAssembly binary format.
 *
 * <p>Wasm writes unsigned integers as unsigned LEB128 and constants as signed LEB128:
 * {@code u32(624485)} → {@code e5 8e 26}, {@code s32(-1)} → {@code 7f}, {@code s64(64)} → {@code c0 00}.
 * Sections and function bodies are prefixed with their byte size, which {@link #sized} writes.
 */
public final class WasmBuffer {
    private byte[] data;
    private int size;

    /** Creates an empty buffer. */
    public WasmBuffer() {
        this.data = new byte[256];
    }

    /** Returns the number of bytes written so far. */
    public int size() {
        return size;
    }

    /** Returns a copy of the bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(data, size);
    }

    /** Appends one byte (the low 8 bits of {@code b}). */
    public WasmBuffer u8(int b) {
        ensure(1);
        data[size++] = (byte) b;
        return this;
    }

    /** Appends raw bytes. */
    public WasmBuffer raw(byte[] bytes) {
        return raw(bytes, 0, bytes.length);
    }

    /** Appends {@code len} raw bytes of {@code bytes} from {@code off}. */
    public WasmBuffer raw(byte[] bytes, int off, int len) {
        ensure(len);
        System.arraycopy(bytes, off, data, size, len);
        size += len;
        return this;
    }

    /** Appends an unsigned LEB128 u32; {@code value} is read as unsigned. */
    public WasmBuffer u32(long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("u32 out of range: " + value);
        }
        long v = value;
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            u8(v == 0 ? b : b | 0x80);
        } while (v != 0);
        return this;
    }

    /** Appends a signed LEB128 i32. */
    public WasmBuffer s32(int value) {
        return s64(value);
    }

    /** Appends a signed LEB128 i64. */
    public WasmBuffer s64(long value) {
        long v = value;
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            u8(done ? b : b | 0x80);
            if (done) {
                return this;
            }
        }
    }

    /** Appends a name: its UTF-8 byte length then the bytes. */
    public WasmBuffer name(String name) {
        byte[] b = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return u32(b.length).raw(b);
    }

    /** Appends the contents of {@code inner} prefixed by its size as u32 (sections, bodies). */
    public WasmBuffer sized(WasmBuffer inner) {
        u32(inner.size);
        return raw(inner.data, 0, inner.size);
    }

    /** Appends a section: its id, its size, then its contents. */
    public WasmBuffer section(int id, WasmBuffer contents) {
        return u8(id).sized(contents);
    }

    private void ensure(int extra) {
        if (size + extra > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + extra));
        }
    }
}
