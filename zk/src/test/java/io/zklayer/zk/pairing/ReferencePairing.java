package io.zklayer.zk.pairing;

import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.curve.G2Point;
import io.zklayer.zk.curve.G2Subgroup;
import io.zklayer.zk.field.Fp;
import io.zklayer.zk.field.Fp12;
import io.zklayer.zk.field.Fp2;
import java.util.ArrayList;
import java.util.List;

/**
 * The straightforward pairing on the immutable field classes (the implementation before the limb
 * arithmetic, kept as a test oracle): projective lines stored as Fp2 objects, a Miller loop with
 * {@link Fp12#mulBy034}, binary exponentiation by u in the final exponentiation.
 */
final class ReferencePairing {
    private static final Fp TWO_INV = Fp.of(2).inverse();
    private static final Fp2 TWIST_B = new Fp2(Fp.of(3), Fp.ZERO).mul(Fp2.XI.inverse());

    private ReferencePairing() {}

    static Fp12 pair(G1Point p, G2Point q) {
        return finalExponentiation(millerLoop(List.of(p), List.of(q)));
    }

    static Fp12 multiPair(List<G1Point> ps, List<G2Point> qs) {
        return finalExponentiation(millerLoop(ps, qs));
    }

    static Fp12 millerLoop(List<G1Point> ps, List<G2Point> qs) {
        List<G1Point> p = new ArrayList<>();
        List<List<Fp2>> lines = new ArrayList<>();
        for (int k = 0; k < ps.size(); k++) {
            if (!ps.get(k).isInfinity() && !qs.get(k).isInfinity()) {
                p.add(ps.get(k).normalize());
                lines.add(prepare(qs.get(k)));
            }
        }
        Fp12 f = Fp12.ONE;
        int step = 0;
        int[] naf = Pairing.ATE_NAF;
        for (int i = naf.length - 2; i >= 0; i--) {
            if (i != naf.length - 2) {
                f = f.square();
            }
            for (int k = 0; k < p.size(); k++) {
                f = ell(f, lines.get(k), step, p.get(k));
            }
            step++;
            if (naf[i] != 0) {
                for (int k = 0; k < p.size(); k++) {
                    f = ell(f, lines.get(k), step, p.get(k));
                }
                step++;
            }
        }
        for (int j = 0; j < 2; j++) {
            for (int k = 0; k < p.size(); k++) {
                f = ell(f, lines.get(k), step, p.get(k));
            }
            step++;
        }
        return f;
    }

    private static Fp12 ell(Fp12 f, List<Fp2> c, int step, G1Point p) {
        int o = 3 * step;
        return f.mulBy034(c.get(o).mul(p.y), c.get(o + 1).mul(p.x), c.get(o + 2));
    }

    static Fp12 finalExponentiation(Fp12 f) {
        Fp12 r = f.conjugate().mul(f.inverse());
        r = r.frobenius(2).mul(r);
        Fp12 y0 = expByNegU(r);
        Fp12 y1 = y0.cyclotomicSquare();
        Fp12 y2 = y1.cyclotomicSquare();
        Fp12 y3 = y2.mul(y1);
        Fp12 y4 = expByNegU(y3);
        Fp12 y5 = y4.cyclotomicSquare();
        Fp12 y6 = expByNegU(y5);
        y3 = y3.conjugate();
        y6 = y6.conjugate();
        Fp12 y7 = y6.mul(y4);
        Fp12 y8 = y7.mul(y3);
        Fp12 y9 = y8.mul(y1);
        Fp12 y10 = y8.mul(y4);
        Fp12 y11 = y10.mul(r);
        Fp12 y13 = y9.frobenius(1).mul(y11);
        Fp12 y14 = y8.frobenius(2).mul(y13);
        Fp12 y15 = r.conjugate().mul(y9).frobenius(3);
        return y15.mul(y14);
    }

    private static Fp12 expByNegU(Fp12 f) {
        return f.cyclotomicPow(G2Subgroup.U).conjugate();
    }

    private static List<Fp2> prepare(G2Point q) {
        G2Point a = q.normalize();
        Fp2 qx = a.x;
        Fp2 qy = a.y;
        List<Fp2> out = new ArrayList<>();
        Fp2[] t = {qx, qy, Fp2.ONE};
        int[] naf = Pairing.ATE_NAF;
        for (int i = naf.length - 2; i >= 0; i--) {
            doubleStep(t, out);
            if (naf[i] == 1) {
                addStep(t, qx, qy, out);
            } else if (naf[i] == -1) {
                addStep(t, qx, qy.neg(), out);
            }
        }
        G2Point q1 = G2Subgroup.psi(a);
        G2Point q2 = G2Subgroup.psi(q1);
        addStep(t, q1.x, q1.y, out);
        addStep(t, q2.x, q2.y.neg(), out);
        return out;
    }

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
}
