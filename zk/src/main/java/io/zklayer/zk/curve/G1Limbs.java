package io.zklayer.zk.curve;

import io.zklayer.zk.field.Fp;
import io.zklayer.zk.field.FpLimbs;

/**
 * Allocation-free G1 arithmetic on Jacobian points stored as three {@link FpLimbs} values (X, Y, Z) at
 * an offset in a {@code long[]}, Z ≡ 0 meaning the point at infinity; affine points (x, y) are two
 * values. The same formulas as {@link G1Point} (dbl-2009-l, madd-2007-bl, add-2007-bl), with sums kept
 * lazy where a product follows. MSMs and scalar multiplications run on these.
 *
 * <p>Every stored coordinate is normal (see {@link FpLimbs}). Methods take a scratch offset {@code s} and
 * use {@code m[s, s + SCRATCH)}; a result may overwrite an input but not the scratch.
 */
public final class G1Limbs {
    private static final int E = FpLimbs.SIZE;
    /** Longs per Jacobian point. */
    public static final int POINT = 3 * E;
    /** Longs per affine point. */
    public static final int AFFINE = 2 * E;
    /** Longs of scratch the methods here use. */
    public static final int SCRATCH = 20 * E;

    private G1Limbs() {}

    /** Writes p (any coordinates) at {@code r}. */
    public static void set(long[] m, int r, G1Point p) {
        if (p.isInfinity()) {
            setInfinity(m, r);
            return;
        }
        FpLimbs.set(m, r, p.x);
        FpLimbs.set(m, r + E, p.y);
        FpLimbs.set(m, r + 2 * E, p.z);
    }

    /** Writes the affine point p (Z = 1; p must not be infinity) as (x, y) at {@code r}. */
    public static void setAffine(long[] m, int r, G1Point p) {
        FpLimbs.set(m, r, p.x);
        FpLimbs.set(m, r + E, p.y);
    }

    /** Returns the point at {@code a}. */
    public static G1Point get(long[] m, int a) {
        if (isInfinity(m, a)) {
            return G1Point.INFINITY;
        }
        return new G1Point(FpLimbs.get(m, a), FpLimbs.get(m, a + E), FpLimbs.get(m, a + 2 * E));
    }

    /** Writes the point at infinity (1, 1, 0) at {@code r}. */
    public static void setInfinity(long[] m, int r) {
        FpLimbs.setOne(m, r);
        FpLimbs.setOne(m, r + E);
        FpLimbs.setZero(m, r + 2 * E);
    }

    /** Returns true if the point at {@code a} is the point at infinity. */
    public static boolean isInfinity(long[] m, int a) {
        return FpLimbs.isZero(m, a + 2 * E);
    }

    /** Copies the point at {@code a} to {@code r}. */
    public static void copy(long[] m, int r, int a) {
        System.arraycopy(m, a, m, r, POINT);
    }

    /** r ← −a. */
    public static void neg(long[] m, int r, int a) {
        FpLimbs.copy(m, r, a);
        FpLimbs.neg(m, r + E, a + E);
        FpLimbs.normalize(m, r + E, r + E);
        FpLimbs.copy(m, r + 2 * E, a + 2 * E);
    }

    /** r ← 2a (dbl-2009-l: 2 products, 5 squarings). */
    public static void dbl(long[] m, int r, int a, int s) {
        if (isInfinity(m, a)) {
            setInfinity(m, r);
            return;
        }
        int x = a;
        int y = a + E;
        int z = a + 2 * E;
        int ta = s;
        int tb = s + E;
        int tc = s + 2 * E;
        int td = s + 3 * E;
        int te = s + 4 * E;
        int tf = s + 5 * E;
        int z3 = s + 6 * E;
        int t = s + 7 * E;
        FpLimbs.mul(m, ta, x, x); // A = X²
        FpLimbs.mul(m, tb, y, y); // B = Y²
        FpLimbs.mul(m, tc, tb, tb); // C = B²
        FpLimbs.add(m, t, x, tb);
        FpLimbs.mul(m, t, t, t); // (X + B)², inputs below 5p
        FpLimbs.add(m, td, ta, tc);
        FpLimbs.subSum(m, t, t, td); // below 10p
        FpLimbs.add(m, t, t, t);
        FpLimbs.normalize(m, td, t); // D = 2((X + B)² − A − C)
        FpLimbs.mulSmall(m, te, ta, 3); // E = 3A, below 6p
        FpLimbs.mul(m, tf, te, te); // F = E²
        FpLimbs.add(m, t, y, y);
        FpLimbs.mul(m, z3, t, z); // Z3 = 2Y·Z (6p·3p)
        // X3 = F − 2D (below 10p)
        FpLimbs.add(m, t, td, td);
        FpLimbs.subSum(m, t, tf, t);
        FpLimbs.normalize(m, r, t);
        // Y3 = E·(D − X3) − 8C
        FpLimbs.sub(m, t, td, r);
        FpLimbs.mul(m, t, te, t); // 6p·7p
        FpLimbs.mulSmall(m, tc, tc, 8); // below 16p, limbs below 2^55
        FpLimbs.subLazy(m, t, t, tc);
        FpLimbs.normalize(m, r + E, t);
        FpLimbs.copy(m, r + 2 * E, z3);
    }

    /**
     * r ← a + (bx, by) for a Jacobian a in {@code m} and an affine point at {@code b} in {@code bm}
     * (madd-2007-bl: 7 products, 4 squarings; Z3 = 2·Z1·H). Handles a = infinity and a = ±b.
     */
    public static void addAffine(long[] m, int r, int a, long[] bm, int b, int s) {
        if (isInfinity(m, a)) {
            System.arraycopy(bm, b, m, r, AFFINE);
            FpLimbs.setOne(m, r + 2 * E);
            return;
        }
        int x1 = a;
        int y1 = a + E;
        int z1 = a + 2 * E;
        int zz = s;
        int u2 = s + E;
        int s2 = s + 2 * E;
        int h = s + 3 * E;
        int hh = s + 4 * E;
        int i4 = s + 5 * E;
        int j = s + 6 * E;
        int rr = s + 7 * E;
        int v = s + 8 * E;
        int t = s + 9 * E;
        int z3 = s + 10 * E;
        FpLimbs.mul(m, zz, z1, z1); // Z1Z1
        FpLimbs.mul(m, u2, bm, b, m, zz); // U2 = x2·Z1Z1
        FpLimbs.mul(m, t, z1, zz);
        FpLimbs.mul(m, s2, bm, b + E, m, t); // S2 = y2·Z1·Z1Z1
        FpLimbs.sub(m, h, u2, x1); // H = U2 − X1, below 6p
        FpLimbs.sub(m, rr, s2, y1);
        FpLimbs.add(m, rr, rr, rr);
        FpLimbs.normalize(m, rr, rr); // r = 2(S2 − Y1)
        if (FpLimbs.isZero(m, h)) {
            if (FpLimbs.isZero(m, rr)) {
                System.arraycopy(bm, b, m, t, AFFINE);
                FpLimbs.setOne(m, t + 2 * E);
                dbl(m, r, t, s + 12 * E);
            } else {
                setInfinity(m, r);
            }
            return;
        }
        FpLimbs.mul(m, hh, h, h); // HH (6p·6p)
        FpLimbs.mulSmall(m, i4, hh, 4); // I = 4HH, below 8p
        FpLimbs.mul(m, j, h, i4); // J = H·I (6p·8p)
        FpLimbs.mul(m, v, x1, i4); // V = X1·I (3p·8p)
        FpLimbs.add(m, z3, z1, z1);
        FpLimbs.mul(m, z3, z3, h); // Z3 = 2·Z1·H (6p·6p)
        // X3 = r² − J − 2V (below 66p)
        FpLimbs.mul(m, t, rr, rr);
        FpLimbs.add(m, u2, v, v);
        FpLimbs.add(m, u2, u2, j);
        FpLimbs.subLazy(m, t, t, u2);
        FpLimbs.normalize(m, t, t);
        // Y3 = r·(V − X3) − 2·Y1·J
        FpLimbs.sub(m, v, v, t);
        FpLimbs.mul(m, v, rr, v); // 3p·7p
        FpLimbs.add(m, s2, y1, y1);
        FpLimbs.mul(m, s2, s2, j); // 6p·2p
        FpLimbs.sub(m, v, v, s2);
        FpLimbs.normalize(m, r + E, v);
        FpLimbs.copy(m, r, t);
        FpLimbs.copy(m, r + 2 * E, z3);
    }

    /** r ← a + b for Jacobian a, b (add-2007-bl: 11 products, 5 squarings; Z3 = 2·Z1·Z2·H). */
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
        FpLimbs.mul(m, z1z1, a + 2 * E, a + 2 * E);
        FpLimbs.mul(m, z2z2, b + 2 * E, b + 2 * E);
        FpLimbs.mul(m, u1, a, z2z2);
        FpLimbs.mul(m, u2, b, z1z1);
        FpLimbs.mul(m, t, b + 2 * E, z2z2);
        FpLimbs.mul(m, s1, a + E, t); // S1 = Y1·Z2·Z2Z2
        FpLimbs.mul(m, t, a + 2 * E, z1z1);
        FpLimbs.mul(m, s2, b + E, t); // S2 = Y2·Z1·Z1Z1
        FpLimbs.sub(m, h, u2, u1);
        FpLimbs.normalize(m, h, h); // H = U2 − U1
        FpLimbs.sub(m, rr, s2, s1);
        FpLimbs.add(m, rr, rr, rr);
        FpLimbs.normalize(m, rr, rr); // r = 2(S2 − S1)
        if (FpLimbs.isZero(m, h)) {
            if (FpLimbs.isZero(m, rr)) {
                dbl(m, r, a, s + POINT);
            } else {
                setInfinity(m, r);
            }
            return;
        }
        FpLimbs.add(m, t, a + 2 * E, a + 2 * E);
        FpLimbs.mul(m, z3, t, b + 2 * E);
        FpLimbs.mul(m, z3, z3, h); // Z3 = 2·Z1·Z2·H
        FpLimbs.add(m, t, h, h);
        FpLimbs.mul(m, i, t, t); // I = (2H)² (6p·6p)
        FpLimbs.mul(m, j, h, i); // J = H·I
        FpLimbs.mul(m, u1, u1, i); // V = U1·I (in u1)
        // X3 = r² − J − 2V
        FpLimbs.mul(m, t, rr, rr);
        FpLimbs.add(m, u2, u1, u1);
        FpLimbs.add(m, u2, u2, j);
        FpLimbs.subLazy(m, t, t, u2);
        FpLimbs.normalize(m, t, t);
        // Y3 = r·(V − X3) − 2·S1·J
        FpLimbs.sub(m, u1, u1, t);
        FpLimbs.mul(m, u1, rr, u1);
        FpLimbs.add(m, s1, s1, s1);
        FpLimbs.mul(m, s1, s1, j);
        FpLimbs.sub(m, u1, u1, s1);
        FpLimbs.normalize(m, r + E, u1);
        FpLimbs.copy(m, r, t);
        FpLimbs.copy(m, r + 2 * E, z3);
    }

    /** Returns the affine coordinates of the Jacobian point at {@code a} (not infinity) as Fp values. */
    static Fp[] affine(long[] m, int a) {
        G1Point p = get(m, a).normalize();
        return new Fp[] {p.x, p.y};
    }
}
