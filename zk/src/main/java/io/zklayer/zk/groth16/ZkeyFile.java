package io.zklayer.zk.groth16;

import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.curve.G2Point;
import io.zklayer.zk.field.Fp;
import io.zklayer.zk.field.Fp2;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.ntt.Ntt;
import io.zklayer.zk.r1cs.BinaryFile;
import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * Reader of snarkjs's Groth16 {@code .zkey} files (see iden3/snarkjs {@code src/zkey_utils.js}):
 * magic {@code "zkey"}; section 1 protocol (1 = Groth16); section 2 header {@code n8q, q, n8r, r,
 * nVars, nPublic, domainSize, α₁, β₁, β₂, γ₂, δ₁, δ₂}; 3 IC; 4 coefficients {@code (matrix, row, wire
 * u32; value)}; 5 A; 6 B1; 7 B2; 8 C; 9 H; 10 contributions (ignored). Points are x ‖ y (G2: x.c0 ‖
 * x.c1 ‖ y.c0 ‖ y.c1) in little-endian MONTGOMERY form, infinity as zeros; coefficients are stored
 * pre-multiplied by R (value·R² mod r as an integer), which the reader undoes. Every point is checked
 * to be on its curve; G2 subgroup membership of the proving key's points is not checked (the key is a
 * local input of the prover, never taken from the network).
 */
public final class ZkeyFile {
    private static final Fr R_INVERSE = Fr.fromBigInteger(
            BigInteger.ONE.shiftLeft(256).mod(Fr.MODULUS).modInverse(Fr.MODULUS));

    private ZkeyFile() {}

    /** Returns the proving key in {@code bytes}. */
    public static ProvingKey read(byte[] bytes) {
        BinaryFile f = BinaryFile.parse(bytes, "zkey");
        ByteBuffer s1 = f.section(1);
        if (s1.getInt() != 1) {
            throw new ZkFormatException("zkey: protocol is not Groth16 (1)");
        }
        ByteBuffer h = f.section(2);
        int n8q = h.getInt();
        BigInteger q = le(h, n8q);
        int n8r = h.getInt();
        BigInteger r = le(h, n8r);
        if (n8q != 32 || n8r != 32 || !q.equals(Fp.MODULUS) || !r.equals(Fr.MODULUS)) {
            throw new ZkFormatException("zkey: curve is not BN254");
        }
        int nVars = h.getInt();
        int nPublic = h.getInt();
        int domainSize = h.getInt();
        if (nVars < 1 || nPublic < 0 || nPublic >= nVars || domainSize < 1 || Integer.bitCount(domainSize) != 1
                || Ntt.log2(domainSize) >= Ntt.TWO_ADICITY) {
            throw new ZkFormatException("zkey: bad header nVars=" + nVars + " nPublic=" + nPublic + " domainSize=" + domainSize);
        }
        int off = f.sectionOffset(2) + 4 + 32 + 4 + 32 + 12;
        if (f.section(2).remaining() < off - f.sectionOffset(2) + 576) {
            throw new ZkFormatException("zkey: header section too short");
        }
        G1Point alpha1 = g1(bytes, off, "alpha1");
        G1Point beta1 = g1(bytes, off + 64, "beta1");
        G2Point beta2 = g2(bytes, off + 128, "beta2");
        G2Point gamma2 = g2(bytes, off + 256, "gamma2");
        G1Point delta1 = g1(bytes, off + 384, "delta1");
        G2Point delta2 = g2(bytes, off + 448, "delta2");
        G1Point[] ic = g1Vector(f, 3, nPublic + 1, "IC");
        ByteBuffer coefs = f.section(4);
        int n = coefs.getInt();
        BinaryFile.requireFits("zkey coefficients", n, 44, coefs.remaining());
        int[] m = new int[n];
        int[] row = new int[n];
        int[] wire = new int[n];
        Fr[] val = new Fr[n];
        int base = f.sectionOffset(4) + 4;
        for (int i = 0; i < n; i++) {
            m[i] = coefs.getInt();
            row[i] = coefs.getInt();
            wire[i] = coefs.getInt();
            coefs.position(coefs.position() + 32);
            if (m[i] < 0 || m[i] > 1 || row[i] < 0 || row[i] >= domainSize || wire[i] < 0 || wire[i] >= nVars) {
                throw new ZkFormatException("zkey: coefficient " + i + " out of range (matrix " + m[i] + ", row " + row[i] + ", wire " + wire[i] + ")");
            }
            val[i] = Fr.fromMontgomeryBytesLE(bytes, base + 44 * i + 12).mul(R_INVERSE);
        }
        G1Point[] a = g1Vector(f, 5, nVars, "A");
        G1Point[] b1 = g1Vector(f, 6, nVars, "B1");
        G2Point[] b2 = g2Vector(f, 7, nVars, "B2");
        G1Point[] c = g1Vector(f, 8, nVars - nPublic - 1, "C");
        G1Point[] hq = g1Vector(f, 9, domainSize, "H");
        return new ProvingKey(nVars, nPublic, domainSize, alpha1, beta1, beta2, gamma2, delta1, delta2, ic,
                m, row, wire, val, a, b1, b2, c, hq);
    }

    private static BigInteger le(ByteBuffer b, int n) {
        if (n <= 0 || n > 64 || b.remaining() < n) {
            throw new ZkFormatException("zkey: bad field size " + n);
        }
        byte[] be = new byte[n];
        for (int i = n - 1; i >= 0; i--) {
            be[i] = b.get();
        }
        return new BigInteger(1, be);
    }

    private static G1Point[] g1Vector(BinaryFile f, int section, int count, String name) {
        BinaryFile.requireFits("zkey " + name, count, 64, f.section(section).remaining());
        if (f.section(section).remaining() != 64L * count) {
            throw new ZkFormatException("zkey " + name + ": section holds " + f.section(section).remaining() + " bytes, expected " + 64L * count);
        }
        int off = f.sectionOffset(section);
        G1Point[] out = new G1Point[count];
        for (int i = 0; i < count; i++) {
            out[i] = g1(f.bytes(), off + 64 * i, name + "[" + i + "]");
        }
        return out;
    }

    private static G2Point[] g2Vector(BinaryFile f, int section, int count, String name) {
        if (f.section(section).remaining() != 128L * count) {
            throw new ZkFormatException("zkey " + name + ": section holds " + f.section(section).remaining() + " bytes, expected " + 128L * count);
        }
        int off = f.sectionOffset(section);
        G2Point[] out = new G2Point[count];
        for (int i = 0; i < count; i++) {
            out[i] = g2(f.bytes(), off + 128 * i, name + "[" + i + "]");
        }
        return out;
    }

    static G1Point g1(byte[] b, int off, String name) {
        Fp x = Fp.fromMontgomeryBytesLE(b, off);
        Fp y = Fp.fromMontgomeryBytesLE(b, off + 32);
        if (x.isZero() && y.isZero()) {
            return G1Point.INFINITY;
        }
        G1Point p = new G1Point(x, y, Fp.ONE);
        if (!p.isOnCurve()) {
            throw new ZkFormatException("zkey " + name + ": G1 point not on the curve");
        }
        return p;
    }

    static G2Point g2(byte[] b, int off, String name) {
        Fp2 x = new Fp2(Fp.fromMontgomeryBytesLE(b, off), Fp.fromMontgomeryBytesLE(b, off + 32));
        Fp2 y = new Fp2(Fp.fromMontgomeryBytesLE(b, off + 64), Fp.fromMontgomeryBytesLE(b, off + 96));
        if (x.isZero() && y.isZero()) {
            return G2Point.INFINITY;
        }
        G2Point p = new G2Point(x, y, Fp2.ONE);
        if (!p.isOnCurve()) {
            throw new ZkFormatException("zkey " + name + ": G2 point not on the twist");
        }
        return p;
    }
}
