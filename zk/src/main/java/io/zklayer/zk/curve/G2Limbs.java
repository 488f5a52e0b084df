package io.zklayer.zk.curve;

import io.zklayer.zk.field.Fp2Limbs;

/**
 * Allocation-free G2 arithmetic on Jacobian points of the twist stored as three {@link Fp2Limbs} values
 * (X, Y, Z) at an offset in a {@code long[]}, Z = 0 meaning the point at infinity; affine points are two
 * values. The same formulas as {@link G2Point} (dbl-2009-l, madd-2007-bl, add-2007-bl) with normal Fp2
 * values throughout; the G2 MSM runs on these.
 *
 * <p>Methods take a scratch offset {@code s} and use {@code m[s, s + SCRATCH)}; a result may overwrite an
 * input but not the scratch.
 */
public final class G2Limbs {
    private static final int E = Fp2Limbs.SIZE;
    /** Longs per Jacobian point. */
    public static final int POINT = 3 * E;
    /** Longs per affine point. */
    public static final int AFFINE = 2 * E;
    /** Longs of scratch the methods here use. */
    public static final int SCRATCH = 14 * E + Fp2Limbs.SCRATCH;
    private static final int W = 13 * E; // offset of the Fp2 scratch within ours

    private G2Limbs() {}

    /** Writes p (any coordinates) at {@code r}. */
    public static void set(long[] m, int r, G2Point p) {
        if (p.isInfinity()) {
            setInfinity(m, r);
            return;
        }
        Fp2Limbs.set(m, r, p.x);
        Fp2Limbs.set(m, r + E, p.y);
        Fp2Limbs.set(m, r + 2 * E, p.z);
    }

    /** Writes the affine point p (Z = 1; not infinity) as (x, y) at {@code r}. */
    public static void setAffine(long[] m, int r, G2Point p) {
        Fp2Limbs.set(m, r, p.x);
        Fp2Limbs.set(m, r + E, p.y);
    }

    /** Returns the point at {@code a}. */
    public static G2Point get(long[] m, int a) {
        if (isInfinity(m, a)) {
            return G2Point.INFINITY;
        }
        return new G2Point(Fp2Limbs.get(m, a), Fp2Limbs.get(m, a + E), Fp2Limbs.get(m, a + 2 * E));
    }

    /** Writes the point at infinity (1, 1, 0) at {@code r}. */
    public static void setInfinity(long[] m, int r) {
        Fp2Limbs.setOne(m, r);
        Fp2Limbs.setOne(m, r + E);
        Fp2Limbs.setZero(m, r + 2 * E);
    }

    /** Returns true if the point at {@code a} is the point at infinity. */
    public static boolean isInfinity(long[] m, int a) {
        return Fp2Limbs.isZero(m, a + 2 * E);
    }

    /** Copies the point at {@code a} to {@code r}. */
    public static void copy(long[] m, int r, int a) {
        System.arraycopy(m, a, m, r, POINT);
    }

    /** r ← 2a (dbl-2009-l). */
    public static void dbl(long[] m, int r, int a, int s) {
        if (isInfinity(m, a)) {
            setInfinity(m, r);
            return;
        }
        int ta = s;
        int tb = s + E;
        int tc = s + 2 * E;
        int td = s + 3 * E;
        int te = s + 4 * E;
        int t = s + 5 * E;
        int z3 = s + 6 * E;
        int w = s + W;
        Fp2Limbs.square(m, ta, a, w); // A = X²
        Fp2Limbs.square(m, tb, a + E, w); // B = Y²
        Fp2Limbs.square(m, tc, tb, w); // C = B²
        Fp2Limbs.add(m, t, a, tb);
        Fp2Limbs.square(m, t, t, w);
        Fp2Limbs.sub(m, t, t, ta);
        Fp2Limbs.sub(m, t, t, tc);
        Fp2Limbs.dbl(m, td, t); // D = 2((X + B)² − A − C)
        Fp2Limbs.dbl(m, te, ta);
        Fp2Limbs.add(m, te, te, ta); // E = 3A
        Fp2Limbs.mul(m, z3, a + E, a + 2 * E, w);
        Fp2Limbs.dbl(m, z3, z3); // Z3 = 2YZ
        Fp2Limbs.square(m, t, te, w); // F = E²
        Fp2Limbs.sub(m, t, t, td);
        Fp2Limbs.sub(m, r, t, td); // X3 = F − 2D
        Fp2Limbs.sub(m, t, td, r);
        Fp2Limbs.mul(m, t, te, t, w);
        Fp2Limbs.dbl(m, tc, tc);
        Fp2Limbs.dbl(m, tc, tc);
        Fp2Limbs.dbl(m, tc, tc);
        Fp2Limbs.sub(m, r + E, t, tc); // Y3 = E(D − X3) − 8C
        Fp2Limbs.copy(m, r + 2 * E, z3);
    }

    /**
     * r ← a + (x, y) for a Jacobian a in {@code m} and the affine point at {@code b} (also in {@code m})
     * (madd-2007-bl, Z3 = 2·Z1·H). Handles a = infinity and a = ±b.
     */
    public static void addAffine(long[] m, int r, int a, int b, int s) {
        if (isInfinity(m, a)) {
            System.arraycopy(m, b, m, r, AFFINE);
            Fp2Limbs.setOne(m, r + 2 * E);
            return;
        }
        int zz = s;
        int u2 = s + E;
        int s2 = s + 2 * E;
        int h = s + 3 * E;
        int i4 = s + 4 * E;
        int j = s + 5 * E;
        int rr = s + 6 * E;
        int v = s + 7 * E;
        int t = s + 8 * E;
        int z3 = s + 9 * E;
        int w = s + W;
        Fp2Limbs.square(m, zz, a + 2 * E, w);
        Fp2Limbs.mul(m, u2, b, zz, w); // U2 = x·Z1Z1
        Fp2Limbs.mul(m, t, a + 2 * E, zz, w);
        Fp2Limbs.mul(m, s2, b + E, t, w); // S2 = y·Z1·Z1Z1
        Fp2Limbs.sub(m, h, u2, a); // H = U2 − X1
        Fp2Limbs.sub(m, rr, s2, a + E);
        Fp2Limbs.dbl(m, rr, rr); // r = 2(S2 − Y1)
        if (Fp2Limbs.isZero(m, h)) {
            if (Fp2Limbs.isZero(m, rr)) {
                System.arraycopy(m, b, m, t, AFFINE);
                Fp2Limbs.setOne(m, t + 2 * E);
                copy(m, r, t);
                dbl(m, r, r, s);
            } else {
                setInfinity(m, r);
            }
            return;
        }
        Fp2Limbs.square(m, i4, h, w);
        Fp2Limbs.dbl(m, i4, i4);
        Fp2Limbs.dbl(m, i4, i4); // I = 4H²
        Fp2Limbs.mul(m, j, h, i4, w); // J = H·I
        Fp2Limbs.mul(m, v, a, i4, w); // V = X1·I
        Fp2Limbs.mul(m, z3, a + 2 * E, h, w);
        Fp2Limbs.dbl(m, z3, z3); // Z3 = 2·Z1·H
        Fp2Limbs.square(m, t, rr, w);
        Fp2Limbs.sub(m, t, t, j);
        Fp2Limbs.sub(m, t, t, v);
        Fp2Limbs.sub(m, t, t, v); // X3 = r² − J − 2V
        Fp2Limbs.sub(m, v, v, t);
        Fp2Limbs.mul(m, v, rr, v, w);
        Fp2Limbs.mul(m, s2, a + E, j, w);
        Fp2Limbs.dbl(m, s2, s2);
        Fp2Limbs.sub(m, r + E, v, s2); // Y3 = r(V − X3) − 2·Y1·J
        Fp2Limbs.copy(m, r, t);
        Fp2Limbs.copy(m, r + 2 * E, z3);
    }

    /** r ← a + b for Jacobian a, b (add-2007-bl, Z3 = 2·Z1·Z2·H). */
    public static void add(long[] m, int r, int a, int b, int s) {
        if (isInfinity(m, a)) {
            copy(m, r, b);
            return;
        }
        if (isInfinity(m, b)) {
            copy(m, r, a);
            return;
        }
        int z1z1 = s;
        int z2z2 = s + E;
        int u1 = s + 2 * E;
        int u2 = s + 3 * E;
        int s1 = s + 4 * E;
        int s2 = s + 5 * E;
        int h = s + 6 * E;
        int i = s + 7 * E;
        int j = s + 8 * E;
        int rr = s + 9 * E;
        int t = s + 10 * E;
        int z3 = s + 11 * E;
        int w = s + W;
        Fp2Limbs.square(m, z1z1, a + 2 * E, w);
        Fp2Limbs.square(m, z2z2, b + 2 * E, w);
        Fp2Limbs.mul(m, u1, a, z2z2, w);
        Fp2Limbs.mul(m, u2, b, z1z1, w);
        Fp2Limbs.mul(m, t, b + 2 * E, z2z2, w);
        Fp2Limbs.mul(m, s1, a + E, t, w);
        Fp2Limbs.mul(m, t, a + 2 * E, z1z1, w);
        Fp2Limbs.mul(m, s2, b + E, t, w);
        Fp2Limbs.sub(m, h, u2, u1);
        Fp2Limbs.sub(m, rr, s2, s1);
        Fp2Limbs.dbl(m, rr, rr);
        if (Fp2Limbs.isZero(m, h)) {
            if (Fp2Limbs.isZero(m, rr)) {
                dbl(m, r, a, s);
            } else {
                setInfinity(m, r);
            }
            return;
        }
        Fp2Limbs.mul(m, z3, a + 2 * E, b + 2 * E, w);
        Fp2Limbs.dbl(m, z3, z3);
        Fp2Limbs.mul(m, z3, z3, h, w); // Z3 = 2·Z1·Z2·H
        Fp2Limbs.dbl(m, t, h);
        Fp2Limbs.square(m, i, t, w); // I = (2H)²
        Fp2Limbs.mul(m, j, h, i, w); // J = H·I
        Fp2Limbs.mul(m, u1, u1, i, w); // V = U1·I
        Fp2Limbs.square(m, t, rr, w);
        Fp2Limbs.sub(m, t, t, j);
        Fp2Limbs.sub(m, t, t, u1);
        Fp2Limbs.sub(m, t, t, u1); // X3 = r² − J − 2V
        Fp2Limbs.sub(m, u1, u1, t);
        Fp2Limbs.mul(m, u1, rr, u1, w);
        Fp2Limbs.mul(m, s1, s1, j, w);
        Fp2Limbs.dbl(m, s1, s1);
        Fp2Limbs.sub(m, r + E, u1, s1); // Y3 = r(V − X3) − 2·S1·J
        Fp2Limbs.copy(m, r, t);
        Fp2Limbs.copy(m, r + 2 * E, z3);
    }
}
