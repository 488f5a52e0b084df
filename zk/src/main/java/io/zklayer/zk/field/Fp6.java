package io.zklayer.zk.field;

/**
 * An element c0 + c1·v + c2·v² of Fp6 = Fp2[v]/(v³ − ξ) with ξ = 9 + u; the middle floor of the
 * BN254 tower Fp2 ⊂ Fp6 ⊂ Fp12. Immutable.
 */
public final class Fp6 {
    /** Zero. */
    public static final Fp6 ZERO = new Fp6(Fp2.ZERO, Fp2.ZERO, Fp2.ZERO);
    /** One. */
    public static final Fp6 ONE = new Fp6(Fp2.ONE, Fp2.ZERO, Fp2.ZERO);

    /** Coefficient of 1. */
    public final Fp2 c0;
    /** Coefficient of v. */
    public final Fp2 c1;
    /** Coefficient of v². */
    public final Fp2 c2;

    /** Returns c0 + c1·v + c2·v². */
    public Fp6(Fp2 c0, Fp2 c1, Fp2 c2) {
        this.c0 = c0;
        this.c1 = c1;
        this.c2 = c2;
    }

    /** Returns this + b. */
    public Fp6 add(Fp6 b) {
        return new Fp6(c0.add(b.c0), c1.add(b.c1), c2.add(b.c2));
    }

    /** Returns this − b. */
    public Fp6 sub(Fp6 b) {
        return new Fp6(c0.sub(b.c0), c1.sub(b.c1), c2.sub(b.c2));
    }

    /** Returns 2·this. */
    public Fp6 dbl() {
        return new Fp6(c0.dbl(), c1.dbl(), c2.dbl());
    }

    /** Returns −this. */
    public Fp6 neg() {
        return new Fp6(c0.neg(), c1.neg(), c2.neg());
    }

    /** Returns this · b (Karatsuba: six Fp2 products). */
    public Fp6 mul(Fp6 b) {
        Fp2 t0 = c0.mul(b.c0);
        Fp2 t1 = c1.mul(b.c1);
        Fp2 t2 = c2.mul(b.c2);
        Fp2 r0 = c1.add(c2).mul(b.c1.add(b.c2)).sub(t1).sub(t2).mulByXi().add(t0);
        Fp2 r1 = c0.add(c1).mul(b.c0.add(b.c1)).sub(t0).sub(t1).add(t2.mulByXi());
        Fp2 r2 = c0.add(c2).mul(b.c0.add(b.c2)).sub(t0).sub(t2).add(t1);
        return new Fp6(r0, r1, r2);
    }

    /** Returns this · s for s in Fp2. */
    public Fp6 mul(Fp2 s) {
        return new Fp6(c0.mul(s), c1.mul(s), c2.mul(s));
    }

    /** Returns this · (b0 + b1·v), a sparse product used by the Miller loop's line evaluations. */
    public Fp6 mulBy01(Fp2 b0, Fp2 b1) {
        Fp2 t0 = c0.mul(b0);
        Fp2 t1 = c1.mul(b1);
        Fp2 r0 = c2.mul(b1).mulByXi().add(t0);
        Fp2 r1 = b0.add(b1).mul(c0.add(c1)).sub(t0).sub(t1);
        Fp2 r2 = c0.add(c2).mul(b0).sub(t0).add(t1);
        return new Fp6(r0, r1, r2);
    }

    /** Returns this². (Chung–Hasan SQR2.) */
    public Fp6 square() {
        Fp2 s0 = c0.square();
        Fp2 ab = c0.mul(c1);
        Fp2 s1 = ab.dbl();
        Fp2 s2 = c0.sub(c1).add(c2).square();
        Fp2 bc = c1.mul(c2);
        Fp2 s3 = bc.dbl();
        Fp2 s4 = c2.square();
        return new Fp6(s3.mulByXi().add(s0), s4.mulByXi().add(s1), s1.add(s2).add(s3).sub(s0).sub(s4));
    }

    /** Returns this · v: (c0, c1, c2) ↦ (ξ·c2, c0, c1). */
    public Fp6 mulByV() {
        return new Fp6(c2.mulByXi(), c0, c1);
    }

    /** Returns this^−1. */
    public Fp6 inverse() {
        Fp2 t0 = c0.square().sub(c1.mul(c2).mulByXi());
        Fp2 t1 = c2.square().mulByXi().sub(c0.mul(c1));
        Fp2 t2 = c1.square().sub(c0.mul(c2));
        Fp2 denom = c0.mul(t0).add(c2.mul(t1).add(c1.mul(t2)).mulByXi());
        Fp2 inv = denom.inverse();
        return new Fp6(t0.mul(inv), t1.mul(inv), t2.mul(inv));
    }

    /** Returns true for zero. */
    public boolean isZero() {
        return c0.isZero() && c1.isZero() && c2.isZero();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fp6 && ((Fp6) o).c0.equals(c0) && ((Fp6) o).c1.equals(c1) && ((Fp6) o).c2.equals(c2);
    }

    @Override
    public int hashCode() {
        return (c0.hashCode() * 31 + c1.hashCode()) * 31 + c2.hashCode();
    }

    @Override
    public String toString() {
        return "[" + c0 + ", " + c1 + ", " + c2 + "]";
    }
}
