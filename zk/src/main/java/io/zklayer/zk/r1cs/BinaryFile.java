package io.zklayer.zk.r1cs;

import io.zklayer.zk.ZkFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The sectioned binary container iden3's tools share ({@code .r1cs}, {@code .wtns}, {@code .zkey},
 * {@code .ptau}): a 4-byte magic such as {@code "r1cs"}, u32 version, u32 section count, then sections
 * of {@code u32 type ‖ u64 size ‖ size bytes}; all integers little-endian. Section bounds are checked
 * against the file before anything is allocated.
 */
public final class BinaryFile {
    private final byte[] bytes;
    private final String magic;
    private final int version;
    private final List<long[]> sections; // {type, offset, size}

    private BinaryFile(byte[] bytes, String magic, int version, List<long[]> sections) {
        this.bytes = bytes;
        this.magic = magic;
        this.version = version;
        this.sections = sections;
    }

    /** Returns the parsed container; fails if the magic differs or a section runs past the end. */
    public static BinaryFile parse(byte[] bytes, String expectedMagic) {
        if (bytes.length < 12) {
            throw new ZkFormatException(expectedMagic + ": file too short (" + bytes.length + " bytes)");
        }
        String magic = new String(bytes, 0, 4, StandardCharsets.ISO_8859_1);
        if (!magic.equals(expectedMagic)) {
            throw new ZkFormatException(expectedMagic + ": wrong magic \"" + magic + "\"");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int version = b.getInt(4);
        long n = Integer.toUnsignedLong(b.getInt(8));
        List<long[]> sections = new ArrayList<>();
        long pos = 12;
        for (long i = 0; i < n; i++) {
            if (pos + 12 > bytes.length) {
                throw new ZkFormatException(expectedMagic + ": section header " + i + " runs past the end of the file");
            }
            long type = Integer.toUnsignedLong(b.getInt((int) pos));
            long size = b.getLong((int) pos + 4);
            if (size < 0 || pos + 12 + size > bytes.length) {
                throw new ZkFormatException(expectedMagic + ": section " + i + " (type " + type + ", " + size + " bytes) runs past the end of the file");
            }
            sections.add(new long[] {type, pos + 12, size});
            pos += 12 + size;
        }
        return new BinaryFile(bytes, magic, version, sections);
    }

    /** Returns the container version. */
    public int version() {
        return version;
    }

    /** Returns a little-endian view of the one section of this type; fails if absent or repeated. */
    public ByteBuffer section(int type) {
        ByteBuffer found = null;
        for (long[] s : sections) {
            if (s[0] == type) {
                if (found != null) {
                    throw new ZkFormatException(magic + ": section type " + type + " appears twice");
                }
                found = ByteBuffer.wrap(bytes, (int) s[1], (int) s[2]).slice().order(ByteOrder.LITTLE_ENDIAN);
            }
        }
        if (found == null) {
            throw new ZkFormatException(magic + ": missing section type " + type);
        }
        return found;
    }

    /** Returns the offset of the section of this type in the file (for bulk element decoding). */
    public int sectionOffset(int type) {
        for (long[] s : sections) {
            if (s[0] == type) {
                return (int) s[1];
            }
        }
        throw new ZkFormatException(magic + ": missing section type " + type);
    }

    /** Returns the raw file bytes. */
    public byte[] bytes() {
        return bytes;
    }

    /** Fails unless {@code count × elementSize} bytes fit in {@code available}. */
    public static void requireFits(String what, long count, long elementSize, long available) {
        if (count < 0 || count * elementSize > available) {
            throw new ZkFormatException(what + ": " + count + " elements of " + elementSize + " bytes do not fit in " + available + " bytes");
        }
    }
}
