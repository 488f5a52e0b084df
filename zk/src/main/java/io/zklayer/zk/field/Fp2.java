package io.zklayer.zk.field;

import java.math.BigInteger;

/**
 * An element c0 + c1·u of Fp2 = Fp[u]/(u² + 1), the field G2 coordinates live in.
 *
 * <p>snarkjs JSON writes it as {@code [c0, c1]}; Ethereum's precompiles write {@code c1 ‖ c0}
 * (imaginary part first). Immutable.
 */
public final class Fp2 {
    /** Zero. */
    public static final Fp2 ZERO = new Fp2(Fp.ZERO, Fp.ZERO);
    /** One. */
    public static final Fp2 ONE = new Fp2(Fp.ONE, Fp.ZERO);
    /** ξ = 9 + u, the non-residue defining Fp6 (v³ = ξ) and the D-type sextic twist. */
    public static final Fp2 XI = new Fp2(Fp.of(9), Fp.ONE);

    /** Real part. */
    public final Fp c0;
    /** Imaginary part (coefficient of u). */
    public final Fp c1;

    /** Returns c0 + c1·u. */
    public Fp2(Fp c0, Fp c1) {
        this.c0 = c0;
        this.c1 = c1;
    }

    /** Returns this + b. */
    public Fp2 add(Fp2 b) {
        return new Fp2(c0.add(b.c0), c1.add(b.c1));
    }

    /** Returns this − b. */
    public Fp2 sub(Fp2 b) {
        return new Fp2(c0.sub(b.c0), c1.sub(b.c1));
    }

    /** Returns 2·this. */
    public Fp2 dbl() {
        return new Fp2(c0.dbl(), c1.dbl());
    }

    /** Returns −this. */
    public Fp2 neg() {
        return new Fp2(c0.neg(), c1.neg());
    }

    /** Returns the conjugate c0 − c1·u, which is also the Frobenius map x ↦ x^q. */
    public Fp2 conjugate() {
        return new Fp2(c0, c1.neg());
    }

    /** Returns this · b (Karatsuba: three Fp products). */
    public Fp2 mul(Fp2 b) {
        Fp aa = c0.mul(b.c0);
        Fp bb = c1.mul(b.c1);
        Fp mid = c0.add(c1).mul(b.c0.add(b.c1));
        return new Fp2(aa.sub(bb), mid.sub(aa).sub(bb));
    }

    /** Returns this · s for s in Fp. */
    public Fp2 mul(Fp s) {
        return new Fp2(c0.mul(s), c1.mul(s));
    }

    /** Returns this². */
    public Fp2 square() {
        // (a + bu)² = (a + b)(a − b) + 2ab·u
        Fp ab = c0.mul(c1);
        return new Fp2(c0.add(c1).mul(c0.sub(c1)), ab.dbl());
    }

    /** Returns this · ξ with ξ = 9 + u: (a + bu)(9 + u) = 9a − b + (a + 9b)u. */
    public Fp2 mulByXi() {
        Fp a8 = c0.dbl().dbl().dbl();
        Fp b8 = c1.dbl().dbl().dbl();
        return new Fp2(a8.add(c0).sub(c1), b8.add(c1).add(c0));
    }

    /** Returns this^−1. */
    public Fp2 inverse() {
        Fp norm = c0.square().add(c1.square());
        Fp inv = norm.inverse();
        return new Fp2(c0.mul(inv), c1.mul(inv).neg());
    }

    /** Returns this^e for a non-negative exponent. */
    public Fp2 pow(BigInteger e) {
        Fp2 result = ONE;
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            result = result.square();
            if (e.testBit(i)) {
                result = result.mul(this);
            }
        }
        return result;
    }

    /** Returns a square root of this, or null if there is none (Adj–Rodríguez-Henríquez, q ≡ 3 mod 4). */
    public Fp2 sqrt() {
        if (isZero()) {
            return ZERO;
        }
        BigInteger q = Fp.MODULUS;
        Fp2 a1 = pow(q.subtract(BigInteger.valueOf(3)).shiftRight(2));
        Fp2 alpha = a1.square().mul(this);
        Fp2 a0 = alpha.conjugate().mul(alpha);
        Fp2 minusOne = ONE.neg();
        if (a0.equals(minusOne)) {
            return null;
        }
        Fp2 x0 = a1.mul(this);
        Fp2 x;
        if (alpha.equals(minusOne)) {
            x = new Fp2(x0.c1.neg(), x0.c0); // u · x0
        } else {
            Fp2 b = ONE.add(alpha).pow(q.subtract(BigInteger.ONE).shiftRight(1));
            x = b.mul(x0);
        }
        return x.square().equals(this) ? x : null;
    }

    /** Returns true for zero. */
    public boolean isZero() {
        return c0.isZero() && c1.isZero();
    }

    /** Returns true for one. */
    public boolean isOne() {
        return c0.isOne() && c1.isZero();
    }

    /** Returns true if this is "lexicographically largest": c1 > (q−1)/2, or c1 = 0 and c0 > (q−1)/2. */
    public boolean isLexicographicallyLargest() {
        return c1.isZero() ? c0.isLexicographicallyLargest() : c1.isLexicographicallyLargest();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fp2 && ((Fp2) o).c0.equals(c0) && ((Fp2) o).c1.equals(c1);
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
