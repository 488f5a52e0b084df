package io.zklayer.zk.pairing;

import io.zklayer.zk.curve.G2Point;
import io.zklayer.zk.field.Fp;
import io.zklayer.zk.field.Fp2;
import java.util.ArrayList;
import java.util.List;

/**
 * The line coefficients of the Miller loop for one fixed G2 point, computed once and reused for every
 * pairing with that point (a Groth16 verifying key's β, γ and δ are fixed, so the verifier prepares them
 * when the key is loaded).
 *
 * <p>Each step yields three Fp2 coefficients (c0, c1, c2) of a line through the running point T in
 * homogeneous projective coordinates (Costello–Lange–Naehrig formulas for a D-type twist); evaluating
 * it at a G1 point P = (x, y) gives the sparse Fp12 element c0·y + c1·x·w + c2·v·w.
 */
public final class G2Prepared {
    private static final Fp TWO_INV = Fp.of(2).inverse();
    private static final Fp2 TWIST_B = new Fp2(Fp.of(3), Fp.ZERO).mul(Fp2.XI.inverse());

    final Fp2[] coeffs; // 3 per step, in Miller-loop order
    final boolean infinity;

    private G2Prepared(Fp2[] coeffs, boolean infinity) {
        this.coeffs = coeffs;
        this.infinity = infinity;
    }

    /** Returns the prepared form of q (any G2 point; infinity yields lines that contribute nothing). */
    public static G2Prepared of(G2Point q) {
        if (q.isInfinity()) {
            return new G2Prepared(new Fp2[0], true);
        }
        G2Point a = q.normalize();
        Fp2 qx = a.x;
        Fp2 qy = a.y;
        Fp2 nqy = qy.neg();
        List<Fp2> out = new ArrayList<>(3 * 110);
        Fp2[] t = {qx, qy, Fp2.ONE};
        int[] naf = Pairing.ATE_NAF;
        for (int i = naf.length - 2; i >= 0; i--) {
            doubleStep(t, out);
            if (naf[i] == 1) {
                addStep(t, qx, qy, out);
            } else if (naf[i] == -1) {
                addStep(t, qx, nqy, out);
            }
        }
        G2Point q1 = frobeniusOnTwist(a);
        G2Point q2 = frobeniusOnTwist(q1);
        addStep(t, q1.x, q1.y, out);
        addStep(t, q2.x, q2.y.neg(), out);
        return new G2Prepared(out.toArray(new Fp2[0]), false);
    }

    private static G2Point frobeniusOnTwist(G2Point p) {
        return io.zklayer.zk.curve.G2Subgroup.psi(p);
    }

    /** T ← 2T; emits the tangent line at T. */
    private static void doubleStep(Fp2[] t, List<Fp2> out) {
        Fp2 x = t[0];
        Fp2 y = t[1];
        Fp2 z = t[2];
        Fp2 a = x.mul(y).mul(TWO_INV);
        Fp2 b = y.square();
        Fp2 c = z.square();
        Fp2 e = TWIST_B.mul(c.dbl().add(c));
        Fp2 f = e.dbl().add(e);
        Fp2 g = b.add(f).mul(TWO_INV);
        Fp2 h = y.add(z).square().sub(b.add(c));
        Fp2 i = e.sub(b);
        Fp2 j = x.square();
        Fp2 eSquare = e.square();
        t[0] = a.mul(b.sub(f));
        t[1] = g.square().sub(eSquare.dbl().add(eSquare));
        t[2] = b.mul(h);
        out.add(h.neg());
        out.add(j.dbl().add(j));
        out.add(i);
    }

    /** T ← T + (qx, qy); emits the chord through T and Q. */
    private static void addStep(Fp2[] t, Fp2 qx, Fp2 qy, List<Fp2> out) {
        Fp2 x = t[0];
        Fp2 y = t[1];
        Fp2 z = t[2];
        Fp2 theta = y.sub(qy.mul(z));
        Fp2 lambda = x.sub(qx.mul(z));
        Fp2 c = theta.square();
        Fp2 d = lambda.square();
        Fp2 e = lambda.mul(d);
        Fp2 f = z.mul(c);
        Fp2 g = x.mul(d);
        Fp2 h = e.add(f).sub(g.dbl());
        t[0] = lambda.mul(h);
        t[1] = theta.mul(g.sub(h)).sub(e.mul(y));
        t[2] = z.mul(e);
        Fp2 j = theta.mul(qx).sub(lambda.mul(qy));
        out.add(lambda);
        out.add(theta.neg());
        out.add(j);
    }

    /** Returns true if the prepared point was the point at infinity. */
    public boolean isInfinity() {
        return infinity;
    }
}
