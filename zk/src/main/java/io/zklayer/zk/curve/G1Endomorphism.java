package io.zklayer.zk.curve;

import io.zklayer.zk.field.Fp;
import io.zklayer.zk.field.FpLimbs;
import io.zklayer.zk.field.Fr;
import java.math.BigInteger;

/**
 * The GLV endomorphism of G1, φ(x, y) = (β·x, y) with β a cube root of unity in Fp, which acts on G1 as
 * multiplication by a cube root of unity λ in Fr. A scalar written k1 + λ·k2 with two 64-bit halves is
 * then multiplied with 64 doublings instead of 128: (k1 + λ·k2)·P = k1·P + k2·φ(P).
 *
 * <p>β and λ are derived at class loading (β = g^((q−1)/3) for the smallest non-cube g, λ the primitive
 * cube root of unity mod r that matches it on the generator) rather than copied, and checked there.
 */
public final class G1Endomorphism {
    /** β, the cube root of unity in Fp that φ multiplies x by. */
    public static final Fp BETA;
    /** λ, the cube root of unity in Fr with φ(P) = λ·P on G1. */
    public static final Fr LAMBDA;
    private static final int W = 5; // wNAF width: odd multiples 1..15
    private static final int E = FpLimbs.SIZE;
    private static final int P = G1Limbs.POINT;

    static {
        BigInteger q = Fp.MODULUS;
        BigInteger r = Fr.MODULUS;
        BigInteger beta = primitiveCubeRoot(q);
        // λ is one of the two primitive cube roots of unity mod r (the roots of λ² + λ + 1)
        BigInteger omega = primitiveCubeRoot(r);
        G1Point g = G1Point.GENERATOR;
        G1Point phiG = new G1Point(g.x.mul(Fp.fromBigInteger(beta)), g.y, g.z);
        Fr lambda = Fr.fromBigInteger(omega);
        if (!g.mul(lambda).equals(phiG)) {
            lambda = Fr.fromBigInteger(omega.multiply(omega).mod(r));
        }
        if (!g.mul(lambda).equals(phiG)) {
            throw new ExceptionInInitializerError("G1Endomorphism: no cube root of unity in Fr matches β");
        }
        BETA = Fp.fromBigInteger(beta);
        LAMBDA = lambda;
    }

    private G1Endomorphism() {}

    /** Returns g^((n − 1)/3) mod n for the smallest g ≥ 2 for which that is not one (n prime, n ≡ 1 mod 3). */
    private static BigInteger primitiveCubeRoot(BigInteger n) {
        BigInteger e = n.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3));
        for (long g = 2; ; g++) {
            BigInteger w = BigInteger.valueOf(g).modPow(e, n);
            if (!w.equals(BigInteger.ONE)) {
                return w;
            }
        }
    }

    /** Returns φ(p) = (β·x, y, z) (in Jacobian coordinates too, since x = X/Z²). */
    public static G1Point phi(G1Point p) {
        return new G1Point(p.x.mul(BETA), p.y, p.z);
    }

    /** Returns the scalar k1 + λ·k2 mod r for unsigned 64-bit k1, k2. */
    public static Fr scalar(long k1, long k2) {
        return unsigned(k1).add(LAMBDA.mul(unsigned(k2)));
    }

    private static Fr unsigned(long k) {
        return Fr.fromBigInteger(new BigInteger(Long.toUnsignedString(k)));
    }

    /**
     * Returns (k1 + λ·k2)·p for unsigned 64-bit k1, k2: a joint width-5 NAF of k1 and k2 over p and
     * φ(p), 65 doublings and about 22 additions on limb arithmetic.
     */
    public static G1Point mul(G1Point p, long k1, long k2) {
        if (p.isInfinity()) {
            return G1Point.INFINITY;
        }
        int[] d1 = Wnaf.digits(new BigInteger(Long.toUnsignedString(k1)), W);
        int[] d2 = Wnaf.digits(new BigInteger(Long.toUnsignedString(k2)), W);
        int tableSize = 1 << (W - 2); // P, 3P, …, 15P
        // layout: table of p multiples, table of φ multiples, 2P, a negated entry, the accumulator, scratch
        int phiTable = tableSize * P;
        int twice = 2 * tableSize * P;
        int neg = twice + P;
        int acc = neg + P;
        int s = acc + P;
        long[] m = new long[s + G1Limbs.SCRATCH + E];
        int beta = s + G1Limbs.SCRATCH;
        FpLimbs.set(m, beta, BETA);
        G1Limbs.set(m, 0, p);
        G1Limbs.dbl(m, twice, 0, s);
        for (int i = 1; i < tableSize; i++) {
            G1Limbs.add(m, i * P, (i - 1) * P, twice, s);
        }
        for (int i = 0; i < tableSize; i++) {
            int from = i * P;
            int to = phiTable + i * P;
            FpLimbs.mul(m, to, from, beta);
            System.arraycopy(m, from + E, m, to + E, 2 * E);
        }
        G1Limbs.setInfinity(m, acc);
        for (int i = Math.max(d1.length, d2.length) - 1; i >= 0; i--) {
            G1Limbs.dbl(m, acc, acc, s);
            addDigit(m, acc, i < d1.length ? d1[i] : 0, 0, neg, s);
            addDigit(m, acc, i < d2.length ? d2[i] : 0, phiTable, neg, s);
        }
        return G1Limbs.get(m, acc);
    }

    private static void addDigit(long[] m, int acc, int digit, int table, int neg, int s) {
        if (digit > 0) {
            G1Limbs.add(m, acc, acc, table + (digit >> 1) * P, s);
        } else if (digit < 0) {
            G1Limbs.neg(m, neg, table + ((-digit) >> 1) * P);
            G1Limbs.add(m, acc, acc, neg, s);
        }
    }
}
