package io.zklayer.zk.pairing;

import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.field.Fp;
import io.zklayer.zk.field.Fp12;
import io.zklayer.zk.field.Fp12Limbs;
import io.zklayer.zk.field.Fp2Limbs;
import io.zklayer.zk.field.FpLimbs;

/**
 * The multi-Miller loop ∏ f_{6u+2,Qᵢ}(Pᵢ) over prepared lines, on {@link Fp12Limbs} in one working array:
 * the squaring of the accumulator is shared by all pairs, and each pair multiplies in one sparse line
 * per step. The G1 points are brought to the affine values the lines need — (x, y), or (x/y, 1/y) for
 * lines with a leading one — with a single field inversion for all of them.
 */
final class MillerLoop {
    private static final int E = FpLimbs.SIZE;
    private static final int E2 = Fp2Limbs.SIZE;
    private static final int F = 0;
    private static final int LINE = Fp12Limbs.SIZE; // d0, d3, d4
    private static final int POINTS = LINE + 3 * E2; // two Fp per pair

    private MillerLoop() {}

    /** Returns the Miller-loop value; pairs with a point at infinity contribute one. */
    static Fp12 evaluate(Pairing.Pair[] pairs) {
        int n = 0;
        for (Pairing.Pair pr : pairs) {
            if (!pr.p.isInfinity() && !pr.q.infinity) {
                n++;
            }
        }
        Pairing.Pair[] active = new Pairing.Pair[n];
        n = 0;
        for (Pairing.Pair pr : pairs) {
            if (!pr.p.isInfinity() && !pr.q.infinity) {
                active[n++] = pr;
            }
        }
        int scratch = POINTS + 2 * E * n;
        long[] m = new long[scratch + Fp12Limbs.SCRATCH];
        affineValues(active, m);
        Fp12Limbs.setOne(m, F);
        int[] naf = Pairing.ATE_NAF;
        int step = 0;
        for (int i = naf.length - 2; i >= 0; i--) {
            if (i != naf.length - 2) {
                Fp12Limbs.square(m, F, F, scratch);
            }
            lines(active, m, step++, scratch);
            if (naf[i] != 0) {
                lines(active, m, step++, scratch);
            }
        }
        lines(active, m, step++, scratch);
        lines(active, m, step, scratch);
        return Fp12Limbs.get(m, F);
    }

    /** f ← f · (line of each pair at {@code step}, evaluated at its P). */
    private static void lines(Pairing.Pair[] active, long[] m, int step, int s) {
        int o = step * G2Prepared.STEP;
        for (int k = 0; k < active.length; k++) {
            long[] c = active[k].q.coeffs;
            int px = POINTS + 2 * E * k;
            int py = px + E;
            int d0 = LINE;
            int d3 = LINE + E2;
            int d4 = LINE + 2 * E2;
            FpLimbs.mul(m, d3, c, o + E2, m, px);
            FpLimbs.mul(m, d3 + E, c, o + E2 + E, m, px);
            if (active[k].q.leadingOne) {
                FpLimbs.mul(m, d4, c, o + 2 * E2, m, py);
                FpLimbs.mul(m, d4 + E, c, o + 2 * E2 + E, m, py);
                Fp12Limbs.mulBy34(m, F, F, d3, d4, s);
            } else {
                FpLimbs.mul(m, d0, c, o, m, py);
                FpLimbs.mul(m, d0 + E, c, o + E, m, py);
                System.arraycopy(c, o + 2 * E2, m, d4, E2);
                Fp12Limbs.mulBy034(m, F, F, d0, d3, d4, s);
            }
        }
    }

    /**
     * Writes for each pair the two Fp values its lines are evaluated at: (x, y) for plain lines, (x/y, 1/y)
     * for lines with a leading one. From Jacobian (X, Y, Z): x = X/Z², y = Y/Z³, x/y = XZ/Y, 1/y = Z³/Y;
     * the inverses of Z (or Y) of all pairs come from one inversion (Montgomery's trick). Points of G1
     * have y ≠ 0 (no point of order 2), so 1/y exists.
     */
    private static void affineValues(Pairing.Pair[] active, long[] m) {
        int n = active.length;
        Fp[] denominators = new Fp[n];
        Fp[] prefix = new Fp[n];
        Fp acc = Fp.ONE;
        for (int k = 0; k < n; k++) {
            G1Point p = active[k].p;
            denominators[k] = active[k].q.leadingOne ? p.y : p.z;
            prefix[k] = acc;
            acc = acc.mul(denominators[k]);
        }
        Fp inv = n == 0 ? Fp.ONE : acc.inverse();
        for (int k = n - 1; k >= 0; k--) {
            Fp d = inv.mul(prefix[k]); // 1/denominator_k
            inv = inv.mul(denominators[k]);
            G1Point p = active[k].p;
            int at = POINTS + 2 * E * k;
            if (active[k].q.leadingOne) {
                Fp z3 = p.z.square().mul(p.z);
                FpLimbs.set(m, at, p.x.mul(p.z).mul(d));
                FpLimbs.set(m, at + E, z3.mul(d));
            } else {
                Fp d2 = d.square();
                FpLimbs.set(m, at, p.x.mul(d2));
                FpLimbs.set(m, at + E, p.y.mul(d2).mul(d));
            }
        }
    }
}
