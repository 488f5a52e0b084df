package io.zklayer.zk.pairing;

import io.zklayer.zk.curve.G2Point;
import io.zklayer.zk.curve.G2Subgroup;
import io.zklayer.zk.field.Fp;
import io.zklayer.zk.field.Fp2;
import io.zklayer.zk.field.Fp2Limbs;
import io.zklayer.zk.field.FpLimbs;

/**
 * The line coefficients of the Miller loop for one G2 point, computed once and reused for every
 * pairing with that point (a Groth16 verifying key's β, γ and δ are fixed, so the verifier prepares them
 * when the key is loaded).
 *
 * <p>Each step yields three Fp2 coefficients (c0, c1, c2) of a line through the running point T in
 * homogeneous projective coordinates (Costello–Lange–Naehrig formulas for a D-type twist); evaluating
 * it at a G1 point P = (x, y) gives the sparse Fp12 element c0·y + c1·x·w + c2·v·w. A point prepared
 * with {@link #forFixedPoint} has every line divided by its c0 (one batch inversion when preparing), so
 * that the line divided by y is 1 + c1·(x/y)·w + c2·(1/y)·v·w: multiplying by it costs ten Fp2 products
 * instead of thirteen. Lines may be scaled by any non-zero element of a proper subfield because the final
 * exponentiation maps such factors to one.
 */
public final class G2Prepared {
    static final int E = Fp2Limbs.SIZE;
    /** Longs per step: three Fp2 coefficients. */
    static final int STEP = 3 * E;
    /** Miller-loop steps: one line per doubling, one per non-zero NAF digit, and two Frobenius lines. */
    static final int STEPS = countSteps();
    private static final long[] TWIST_B = fp2Limbs(new Fp2(Fp.of(3), Fp.ZERO).mul(Fp2.XI.inverse()));

    final long[] coeffs; // STEPS × (c0, c1, c2), in Miller-loop order
    final boolean infinity;
    /** True if every line was divided by its c0 (the stored c0 is one). */
    final boolean leadingOne;

    private G2Prepared(long[] coeffs, boolean infinity, boolean leadingOne) {
        this.coeffs = coeffs;
        this.infinity = infinity;
        this.leadingOne = leadingOne;
    }

    private static int countSteps() {
        int n = Pairing.ATE_NAF.length - 1 + 2;
        for (int i = Pairing.ATE_NAF.length - 2; i >= 0; i--) {
            if (Pairing.ATE_NAF[i] != 0) {
                n++;
            }
        }
        return n;
    }

    private static long[] fp2Limbs(Fp2 x) {
        long[] out = new long[E];
        Fp2Limbs.set(out, 0, x);
        return out;
    }

    /** Returns the prepared form of q (any G2 point; infinity yields lines that contribute nothing). */
    public static G2Prepared of(G2Point q) {
        if (q.isInfinity()) {
            return new G2Prepared(new long[0], true, false);
        }
        return new G2Prepared(lines(q, new long[arenaSize(0)]), false, false);
    }

    /**
     * Returns the prepared form of q with every line scaled to a leading one: preparing costs one batch
     * inversion more, each later pairing with q about a fifth less in its line products. Use it for points
     * that take part in many pairings (verifying keys); a degenerate line with c0 = 0 (not met by points of
     * G2, but checked) leaves the lines unscaled.
     */
    public static G2Prepared forFixedPoint(G2Point q) {
        if (q.isInfinity()) {
            return new G2Prepared(new long[0], true, false);
        }
        long[] arena = new long[arenaSize(STEPS * E)];
        long[] coeffs = lines(q, arena);
        return scaleToLeadingOne(coeffs, arena) ? new G2Prepared(coeffs, false, true) : new G2Prepared(coeffs, false, false);
    }

    // arena layout for computing the lines: T = (X, Y, Z), Q = (qx, qy, −qy), twelve temporaries, scratch
    private static final int TX = 0;
    private static final int TY = E;
    private static final int TZ = 2 * E;
    private static final int QX = 3 * E;
    private static final int QY = 4 * E;
    private static final int NQY = 5 * E;
    private static final int TMP = 6 * E;
    private static final int WORK = TMP + 12 * E;

    private static int arenaSize(int extra) {
        return Math.max(WORK + Fp2Limbs.SCRATCH, extra + 2 * E + Fp2Limbs.SCRATCH);
    }

    private static long[] lines(G2Point q, long[] m) {
        G2Point a = q.normalize();
        long[] out = new long[STEPS * STEP];
        Fp2Limbs.set(m, QX, a.x);
        Fp2Limbs.set(m, QY, a.y);
        Fp2Limbs.neg(m, NQY, QY);
        Fp2Limbs.copy(m, TX, QX);
        Fp2Limbs.copy(m, TY, QY);
        Fp2Limbs.setOne(m, TZ);
        int step = 0;
        int[] naf = Pairing.ATE_NAF;
        for (int i = naf.length - 2; i >= 0; i--) {
            doubleStep(m, out, step++);
            if (naf[i] == 1) {
                addStep(m, QY, out, step++);
            } else if (naf[i] == -1) {
                addStep(m, NQY, out, step++);
            }
        }
        G2Point q1 = G2Subgroup.psi(a);
        G2Point q2 = G2Subgroup.psi(q1);
        Fp2Limbs.set(m, QX, q1.x);
        Fp2Limbs.set(m, QY, q1.y);
        addStep(m, QY, out, step++);
        Fp2Limbs.set(m, QX, q2.x);
        Fp2Limbs.set(m, QY, q2.y.neg());
        addStep(m, QY, out, step);
        return out;
    }

    /** T ← 2T; emits the tangent line at T: (−H, 3X², E − B) in the notation below. */
    private static void doubleStep(long[] m, long[] out, int step) {
        int a = TMP;
        int b = TMP + E;
        int c = TMP + 2 * E;
        int e = TMP + 3 * E;
        int f = TMP + 4 * E;
        int g = TMP + 5 * E;
        int h = TMP + 6 * E;
        int j = TMP + 7 * E;
        int x = TMP + 8 * E;
        int s = WORK;
        Fp2Limbs.mul(m, a, TX, TY, s);
        Fp2Limbs.halve(m, a, a); // A = XY/2
        Fp2Limbs.square(m, b, TY, s); // B = Y²
        Fp2Limbs.square(m, c, TZ, s); // C = Z²
        Fp2Limbs.dbl(m, e, c);
        Fp2Limbs.add(m, e, e, c);
        System.arraycopy(TWIST_B, 0, m, x, E);
        Fp2Limbs.mul(m, e, e, x, s); // E = 3b'·C
        Fp2Limbs.dbl(m, f, e);
        Fp2Limbs.add(m, f, f, e); // F = 3E
        Fp2Limbs.add(m, g, b, f);
        Fp2Limbs.halve(m, g, g); // G = (B + F)/2
        Fp2Limbs.add(m, h, TY, TZ);
        Fp2Limbs.square(m, h, h, s);
        Fp2Limbs.sub(m, h, h, b);
        Fp2Limbs.sub(m, h, h, c); // H = (Y + Z)² − B − C = 2YZ
        Fp2Limbs.square(m, j, TX, s); // J = X²
        // X' = A(B − F), Y' = G² − 3E², Z' = B·H
        Fp2Limbs.sub(m, x, b, f);
        Fp2Limbs.mul(m, TX, a, x, s);
        Fp2Limbs.square(m, x, e, s);
        Fp2Limbs.dbl(m, c, x);
        Fp2Limbs.add(m, x, x, c); // 3E² (C is no longer needed)
        Fp2Limbs.square(m, TY, g, s);
        Fp2Limbs.sub(m, TY, TY, x);
        Fp2Limbs.mul(m, TZ, b, h, s);
        int o = step * STEP;
        Fp2Limbs.neg(m, x, h);
        System.arraycopy(m, x, out, o, E);
        Fp2Limbs.dbl(m, x, j);
        Fp2Limbs.add(m, x, x, j);
        System.arraycopy(m, x, out, o + E, E);
        Fp2Limbs.sub(m, x, e, b);
        System.arraycopy(m, x, out, o + 2 * E, E);
    }

    /** T ← T + (qx, qy) with qy at {@code qy}; emits the chord through T and Q: (λ, −θ, θ·qx − λ·qy). */
    private static void addStep(long[] m, int qy, long[] out, int step) {
        int theta = TMP;
        int lambda = TMP + E;
        int c = TMP + 2 * E;
        int d = TMP + 3 * E;
        int e = TMP + 4 * E;
        int f = TMP + 5 * E;
        int g = TMP + 6 * E;
        int h = TMP + 7 * E;
        int x = TMP + 8 * E;
        int s = WORK;
        Fp2Limbs.mul(m, x, qy, TZ, s);
        Fp2Limbs.sub(m, theta, TY, x); // θ = Y − qy·Z
        Fp2Limbs.mul(m, x, QX, TZ, s);
        Fp2Limbs.sub(m, lambda, TX, x); // λ = X − qx·Z
        Fp2Limbs.square(m, c, theta, s);
        Fp2Limbs.square(m, d, lambda, s);
        Fp2Limbs.mul(m, e, lambda, d, s); // E = λ³
        Fp2Limbs.mul(m, f, TZ, c, s); // F = Z·θ²
        Fp2Limbs.mul(m, g, TX, d, s); // G = X·λ²
        Fp2Limbs.add(m, h, e, f);
        Fp2Limbs.dbl(m, x, g);
        Fp2Limbs.sub(m, h, h, x); // H = E + F − 2G
        Fp2Limbs.mul(m, TX, lambda, h, s);
        Fp2Limbs.sub(m, x, g, h);
        Fp2Limbs.mul(m, x, theta, x, s);
        Fp2Limbs.mul(m, c, e, TY, s);
        Fp2Limbs.sub(m, TY, x, c);
        Fp2Limbs.mul(m, TZ, TZ, e, s);
        int o = step * STEP;
        System.arraycopy(m, lambda, out, o, E);
        Fp2Limbs.neg(m, x, theta);
        System.arraycopy(m, x, out, o + E, E);
        Fp2Limbs.mul(m, x, theta, QX, s);
        Fp2Limbs.mul(m, c, lambda, qy, s);
        Fp2Limbs.sub(m, x, x, c);
        System.arraycopy(m, x, out, o + 2 * E, E);
    }

    /**
     * Divides every line by its c0 with one inversion (Montgomery's trick); returns false, changing
     * nothing, if some c0 is zero. {@code arena} holds STEPS prefix products, then two Fp2 slots and scratch.
     */
    private static boolean scaleToLeadingOne(long[] coeffs, long[] arena) {
        int acc = STEPS * E;
        int t = acc + E;
        int s = acc + 2 * E;
        Fp2Limbs.setOne(arena, acc);
        for (int k = 0; k < STEPS; k++) {
            System.arraycopy(arena, acc, arena, k * E, E); // prefix[k] = c0_0 ⋯ c0_(k−1)
            System.arraycopy(coeffs, k * STEP, arena, t, E);
            Fp2Limbs.mul(arena, acc, acc, t, s);
        }
        if (Fp2Limbs.isZero(arena, acc)) {
            return false;
        }
        Fp2Limbs.inverse(arena, acc, acc, s); // (c0_0 ⋯ c0_(n−1))^−1
        for (int k = STEPS - 1; k >= 0; k--) {
            int o = k * STEP;
            Fp2Limbs.mul(arena, k * E, k * E, acc, s); // 1/c0_k
            System.arraycopy(coeffs, o, arena, t, E);
            Fp2Limbs.mul(arena, acc, acc, t, s);
            System.arraycopy(coeffs, o + E, arena, t, E);
            Fp2Limbs.mul(arena, t, t, k * E, s);
            System.arraycopy(arena, t, coeffs, o + E, E);
            System.arraycopy(coeffs, o + 2 * E, arena, t, E);
            Fp2Limbs.mul(arena, t, t, k * E, s);
            System.arraycopy(arena, t, coeffs, o + 2 * E, E);
            Fp2Limbs.setOne(coeffs, o);
        }
        return true;
    }

    /** Returns true if the prepared point was the point at infinity. */
    public boolean isInfinity() {
        return infinity;
    }
}
