package io.zklayer.sdk.keys;

import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.curve.G2Point;
import io.zklayer.zk.field.Fp;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.groth16.ProvingKey;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes a Groth16 proving key as snarkjs's {@code .zkey} (the layout of snarkjs's {@code writeZKey},
 * read back by {@link io.zklayer.zk.groth16.ZkeyFile} and by {@code snarkjs groth16 prove}):
 * magic {@code "zkey"}, version 1, nine sections: 1 protocol (u32 1 = Groth16); 2 header {@code n8q,
 * q, n8r, r, nVars, nPublic, domainSize, α₁, β₁, β₂, γ₂, δ₁, δ₂}; 3 IC; 4 coefficients {@code count,
 * (matrix, row, wire u32, value)}; 5 A; 6 B1; 7 B2; 8 C (private wires); 9 H. Field elements of points
 * are little-endian in Montgomery form ({@code x·2^256 mod q}), G2 as {@code x.c0 ‖ x.c1 ‖ y.c0 ‖ y.c1},
 * the point at infinity as zeros; coefficient values are stored as {@code v·2^512 mod r}. The
 * contributions section (10) is omitted, as snarkjs's own {@code writeZKey} omits it: the file serves
 * proving, not ceremony verification.
 *
 * <p>Example: the G1 generator (1, 2) is stored as the Montgomery forms of 1 and 2, i.e. the 32-byte
 * little-endian encodings of {@code 2^256 mod q} and {@code 2^257 mod q}.
 */
public final class ZkeyWriter {
    private static final BigInteger R_256 = BigInteger.ONE.shiftLeft(256);
    private static final Fp FP_MONT = Fp.fromBigInteger(R_256.mod(Fp.MODULUS));
    private static final Fr FR_MONT2 = Fr.fromBigInteger(R_256.multiply(R_256).mod(Fr.MODULUS));

    private ZkeyWriter() {}

    /** Returns the {@code .zkey} bytes of {@code pk}. */
    public static byte[] write(ProvingKey pk) {
        ByteBuffer header = le(4 + 32 + 4 + 32 + 12 + 3 * 64 + 3 * 128);
        header.putInt(32).put(SectionedFileWriter.le256(Fp.MODULUS)).putInt(32).put(SectionedFileWriter.le256(Fr.MODULUS));
        header.putInt(pk.wireCount()).putInt(pk.publicCount()).putInt(pk.domainSize());
        putG1(header, pk.alpha1().normalize());
        putG1(header, pk.beta1().normalize());
        putG2(header, pk.beta2().normalize());
        putG2(header, pk.gamma2().normalize());
        putG1(header, pk.delta1().normalize());
        putG2(header, pk.delta2().normalize());

        int n = pk.coefValue().length;
        ByteBuffer coefs = le(4 + 44L * n);
        coefs.putInt(n);
        byte[] v = new byte[32];
        for (int i = 0; i < n; i++) {
            coefs.putInt(pk.coefMatrix()[i]).putInt(pk.coefRow()[i]).putInt(pk.coefWire()[i]);
            pk.coefValue()[i].mul(FR_MONT2).writeBytesLE(v, 0);
            coefs.put(v);
        }
        return new SectionedFileWriter("zkey", 1, 9)
                .section(1, le(4).putInt(1).array())
                .section(2, header.array())
                .section(3, g1Section(pk.ic()))
                .section(4, coefs.array())
                .section(5, g1Section(pk.a()))
                .section(6, g1Section(pk.b1()))
                .section(7, g2Section(pk.b2()))
                .section(8, g1Section(pk.c()))
                .section(9, g1Section(pk.h()))
                .toBytes();
    }

    private static byte[] g1Section(G1Point[] points) {
        G1Point[] affine = G1Point.normalizeAll(points);
        ByteBuffer b = le(64L * affine.length);
        for (G1Point p : affine) {
            putG1(b, p);
        }
        return b.array();
    }

    private static byte[] g2Section(G2Point[] points) {
        G2Point[] affine = G2Point.normalizeAll(points);
        ByteBuffer b = le(128L * affine.length);
        for (G2Point p : affine) {
            putG2(b, p);
        }
        return b.array();
    }

    // p is affine (z = 1) or infinity.
    private static void putG1(ByteBuffer b, G1Point p) {
        if (p.isInfinity()) {
            b.put(new byte[64]);
            return;
        }
        putFp(b, p.x);
        putFp(b, p.y);
    }

    private static void putG2(ByteBuffer b, G2Point p) {
        if (p.isInfinity()) {
            b.put(new byte[128]);
            return;
        }
        putFp(b, p.x.c0);
        putFp(b, p.x.c1);
        putFp(b, p.y.c0);
        putFp(b, p.y.c1);
    }

    private static void putFp(ByteBuffer b, Fp x) {
        byte[] out = new byte[32];
        x.mul(FP_MONT).writeBytesLE(out, 0);
        b.put(out);
    }

    private static ByteBuffer le(long size) {
        if (size > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("zkey: a section of " + size + " bytes is over 2 GiB");
        }
        return ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
