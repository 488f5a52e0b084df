package io.zklayer.zk.r1cs;

import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.field.Fr;
import java.nio.ByteBuffer;

/**
 * Reader and writer of snarkjs's {@code .wtns} witness files (version 2): magic {@code "wtns"}; section 1
 * {@code n8 = 32 (u32), prime r (32 bytes LE), nWitness (u32)}; section 2 the values, 32 bytes
 * little-endian standard form each. Wire 0 must be 1.
 */
public final class WtnsFile {
    private WtnsFile() {}

    /** Returns the witness values; values ≥ r and a count not matching section 2 are errors. */
    public static Fr[] read(byte[] bytes) {
        BinaryFile f = BinaryFile.parse(bytes, "wtns");
        if (f.version() != 2) {
            throw new ZkFormatException("wtns: unsupported version " + f.version());
        }
        ByteBuffer h = f.section(1);
        int n8 = h.getInt();
        if (n8 != 32) {
            throw new ZkFormatException("wtns: field element size must be 32, got " + n8);
        }
        byte[] prime = new byte[32];
        h.get(prime);
        if (!R1csFile.leToBigInteger(prime).equals(Fr.MODULUS)) {
            throw new ZkFormatException("wtns: prime is not BN254's scalar field r");
        }
        int n = h.getInt();
        ByteBuffer v = f.section(2);
        if (n < 1 || (long) n * 32 != v.remaining()) {
            throw new ZkFormatException("wtns: " + n + " values do not match a section of " + v.remaining() + " bytes");
        }
        int off = f.sectionOffset(2);
        Fr[] out = new Fr[n];
        for (int i = 0; i < n; i++) {
            out[i] = Fr.fromBytesLE(bytes, off + 32 * i);
        }
        if (!out[0].isOne()) {
            throw new ZkFormatException("wtns: wire 0 must be 1, got " + out[0]);
        }
        return out;
    }

    /** Returns the {@code .wtns} encoding of the values. */
    public static byte[] write(Fr[] values) {
        ByteBuffer b = ByteBuffer.allocate(12 + 12 + 40 + 12 + 32 * values.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("wtns".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).putInt(2).putInt(2);
        b.putInt(1).putLong(40).putInt(32);
        byte[] rBe = Fr.MODULUS.toByteArray(); // 32 bytes: r < 2^254 has no sign byte
        byte[] r = new byte[32];
        for (int i = 0; i < 32; i++) {
            r[i] = rBe[rBe.length - 1 - i];
        }
        b.put(r).putInt(values.length);
        b.putInt(2).putLong(32L * values.length);
        byte[] v = new byte[32];
        for (Fr x : values) {
            x.writeBytesLE(v, 0);
            b.put(v);
        }
        return b.array();
    }
}
