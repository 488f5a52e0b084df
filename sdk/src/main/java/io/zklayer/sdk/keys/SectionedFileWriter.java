package io.zklayer.sdk.keys;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes iden3's sectioned binary container (the shape of {@code .r1cs}, {@code .wtns}, {@code .zkey}):
 * 4-byte magic, u32 version, u32 section count, then per section {@code u32 type ‖ u64 size ‖ bytes}, all
 * little-endian. Sections are appended whole, so sizes are known when written.
 *
 * <p>Example: magic {@code "zkey"}, version 1, one section of type 1 holding {@code 01 00 00 00} gives
 * {@code 7a6b6579 01000000 01000000 01000000 0400000000000000 01000000}.
 */
final class SectionedFileWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final int sectionCount;
    private int written;

    SectionedFileWriter(String magic, int version, int sectionCount) {
        if (magic.length() != 4) {
            throw new IllegalArgumentException("binary file: magic must be 4 ASCII characters, got \"" + magic + "\"");
        }
        this.sectionCount = sectionCount;
        out.writeBytes(magic.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(le32(version));
        out.writeBytes(le32(sectionCount));
    }

    /** Appends a section of {@code type} holding {@code body}. */
    SectionedFileWriter section(int type, byte[] body) {
        if (written == sectionCount) {
            throw new IllegalStateException("binary file: all " + sectionCount + " declared sections are written");
        }
        out.writeBytes(le32(type));
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(body.length).array());
        out.writeBytes(body);
        written++;
        return this;
    }

    /** Returns the file bytes; every declared section must have been written. */
    byte[] toBytes() {
        if (written != sectionCount) {
            throw new IllegalStateException("binary file: " + written + " of " + sectionCount + " declared sections written");
        }
        return out.toByteArray();
    }

    static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    /** Returns the little-endian bytes of a non-negative integer below 2^256 (a field modulus). */
    static byte[] le256(java.math.BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] le = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }
}
