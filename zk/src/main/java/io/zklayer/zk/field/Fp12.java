package io.zklayer.zk.field;

import java.math.BigInteger;

/**
 * An element c0 + c1·w of Fp12 = Fp6[w]/(w² − v), the target group GT of the pairing lives in its
 * order-r subgroup. Immutable.
 *
 * <p>snarkjs writes it (for {@code vk_alphabeta_12}) as {@code [[c0.c0, c0.c1, c0.c2], [c1.c0, c1.c1,
 * c1.c2]]}, each Fp2 as {@code [re, im]} — the same tower as here.
 */
public final class Fp12 {
    /** One, the identity of GT. */
    public static final Fp12 ONE = new Fp12(Fp6.ONE, Fp6.ZERO);

    /** FROBENIUS[n][k] = ξ^(k·(q^n − 1)/6): the factor w^k picks up under x ↦ x^(q^n). */
    static final Fp2[][] FROBENIUS = new Fp2[4][6];

    static {
        BigInteger q = Fp.MODULUS;
        for (int n = 1; n <= 3; n++) {
            BigInteger e = q.pow(n).subtract(BigInteger.ONE).divide(BigInteger.valueOf(6));
            for (int k = 0; k < 6; k++) {
                FROBENIUS[n][k] = Fp2.XI.pow(e.multiply(BigInteger.valueOf(k)));
            }
        }
    }

    /** Coefficient of 1. */
    public final Fp6 c0;
    /** Coefficient of w. */
    public final Fp6 c1;

    /** Returns c0 + c1·w. */
    public Fp12(Fp6 c0, Fp6 c1) {
        this.c0 = c0;
        this.c1 = c1;
    }

    /** Returns this · b. */
    public Fp12 mul(Fp12 b) {
        Fp6 aa = c0.mul(b.c0);
        Fp6 bb = c1.mul(b.c1);
        Fp6 r1 = c0.add(c1).mul(b.c0.add(b.c1)).sub(aa).sub(bb);
        return new Fp12(aa.add(bb.mulByV()), r1);
    }

    /** Returns this². (Complex squaring: two Fp6 products.) */
    public Fp12 square() {
        Fp6 ab = c0.mul(c1);
        Fp6 r0 = c0.add(c1).mul(c0.add(c1.mulByV())).sub(ab).sub(ab.mulByV());
        return new Fp12(r0, ab.dbl());
    }

    /**
     * Returns this · (d0 + d3·w + d4·v·w), the sparse shape of a D-twist line evaluation
     * (coefficients at w^0, w^1 and w^3).
     */
    public Fp12 mulBy034(Fp2 d0, Fp2 d3, Fp2 d4) {
        Fp6 a = c0.mul(d0);
        Fp6 b = c1.mulBy01(d3, d4);
        Fp6 e = c0.add(c1).mulBy01(d0.add(d3), d4);
        return new Fp12(b.mulByV().add(a), e.sub(a).sub(b));
    }

    /** Returns the conjugate c0 − c1·w = this^(q^6); for elements of the cyclotomic subgroup it is the inverse. */
    public Fp12 conjugate() {
        return new Fp12(c0, c1.neg());
    }

    /** Returns this^−1. */
    public Fp12 inverse() {
        Fp6 t = c0.square().sub(c1.square().mulByV());
        Fp6 inv = t.inverse();
        return new Fp12(c0.mul(inv), c1.mul(inv).neg());
    }

    /** Returns this^(q^n) for n in 1..3. */
    public Fp12 frobenius(int n) {
        if (n < 1 || n > 3) {
            throw new IllegalArgumentException("frobenius power must be 1..3: " + n);
        }
        Fp2[] f = FROBENIUS[n];
        boolean odd = (n & 1) == 1;
        return new Fp12(
                new Fp6(frob(c0.c0, odd).mul(f[0]), frob(c0.c1, odd).mul(f[2]), frob(c0.c2, odd).mul(f[4])),
                new Fp6(frob(c1.c0, odd).mul(f[1]), frob(c1.c1, odd).mul(f[3]), frob(c1.c2, odd).mul(f[5])));
    }

    private static Fp2 frob(Fp2 x, boolean odd) {
        return odd ? x.conjugate() : x;
    }

    /**
     * Returns this² for an element of the cyclotomic subgroup (after the easy part of the final
     * exponentiation), using Granger–Scott's compressed formula.
     */
    public Fp12 cyclotomicSquare() {
        // View as Fp4 triples: (g0, g3), (g1, g4), (g2, g5) over Fp2 with coefficients of w^k.
        Fp2 z0 = c0.c0;
        Fp2 z4 = c0.c1;
        Fp2 z3 = c0.c2;
        Fp2 z2 = c1.c0;
        Fp2 z1 = c1.c1;
        Fp2 z5 = c1.c2;
        // (t0, t1) = (z0 + z1·V)², V² = ξ in Fp4 = Fp2[V]/(V² − ξ)
        Fp2[] a = fp4Square(z0, z1);
        Fp2[] b = fp4Square(z2, z3);
        Fp2[] c = fp4Square(z4, z5);
        // z0 = 3·t0 − 2·z0, z1 = 3·t1 + 2·z1
        z0 = a[0].sub(z0).dbl().add(a[0]);
        z1 = a[1].add(z1).dbl().add(a[1]);
        // z2 = 3·ξ·t5 + 2·z2, z3 = 3·t4 − 2·z3  with (t4, t5) = (z4 + z5·V)²
        Fp2 t = c[1].mulByXi();
        z2 = t.add(z2).dbl().add(t);
        z3 = c[0].sub(z3).dbl().add(c[0]);
        // z4 = 3·t2 − 2·z4, z5 = 3·t3 + 2·z5  with (t2, t3) = (z2 + z3·V)²
        z4 = b[0].sub(z4).dbl().add(b[0]);
        z5 = b[1].add(z5).dbl().add(b[1]);
        return new Fp12(new Fp6(z0, z4, z3), new Fp6(z2, z1, z5));
    }

    private static Fp2[] fp4Square(Fp2 a, Fp2 b) {
        Fp2 t0 = a.square();
        Fp2 t1 = b.square();
        Fp2 r0 = t1.mulByXi().add(t0);
        Fp2 r1 = a.add(b).square().sub(t0).sub(t1);
        return new Fp2[] {r0, r1};
    }

    /** Returns this^e for an element of the cyclotomic subgroup and a non-negative 64-bit exponent. */
    public Fp12 cyclotomicPow(long e) {
        Fp12 result = ONE;
        for (int i = 63 - Long.numberOfLeadingZeros(e); i >= 0; i--) {
            result = result.cyclotomicSquare();
            if (((e >>> i) & 1) == 1) {
                result = result.mul(this);
            }
        }
        return result;
    }

    /** Returns this^e for a non-negative exponent (generic square-and-multiply). */
    public Fp12 pow(BigInteger e) {
        Fp12 result = ONE;
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            result = result.square();
            if (e.testBit(i)) {
                result = result.mul(this);
            }
        }
        return result;
    }

    /** Returns true for the identity. */
    public boolean isOne() {
        return equals(ONE);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fp12 && ((Fp12) o).c0.equals(c0) && ((Fp12) o).c1.equals(c1);
    }

    @Override
    public int hashCode() {
        return c0.hashCode() * 31 + c1.hashCode();
    }

    @Override
    public String toString() {
        return "[" + c0 + ", " + c1 + "]";
    }
}
