package io.zklayer.zk.pairing;

import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.curve.G2Point;
import io.zklayer.zk.curve.G2Subgroup;
import io.zklayer.zk.field.Fp;
import io.zklayer.zk.field.Fp12;
import io.zklayer.zk.field.Fp2;
import java.math.BigInteger;
import java.util.List;

/**
 * The optimal ate pairing e: G1 × G2 → GT on BN254, a multi-pairing with one shared final
 * exponentiation, and the pairing-product check that Ethereum's EIP-197 precompile and Groth16 use.
 *
 * <p>Miller loop over the NAF of 6u + 2 followed by the two Frobenius line steps (Q₁ = ψ(Q),
 * Q₂ = −ψ²(Q)); final exponentiation split into the easy part (q⁶ − 1)(q² + 1) and the hard part by
 * Fuentes-Castañeda–Knapp–Rodríguez-Henríquez's addition chain in u (three exponentiations by u plus
 * Frobenius maps), which raises to a fixed multiple 2u(6u² + 3u + 1) of (q⁴ − q² + 1)/r — still a
 * non-degenerate bilinear pairing, and the same GT values gnark and arkworks compute. A product check
 * ∏ e(Pᵢ, Qᵢ) = 1 does not depend on that multiple.
 */
public final class Pairing {
    /** Signed binary (NAF) digits of 6u + 2, least significant first. */
    static final int[] ATE_NAF = naf(BigInteger.valueOf(G2Subgroup.U).multiply(BigInteger.valueOf(6)).add(BigInteger.TWO));

    private Pairing() {}

    private static int[] naf(BigInteger k) {
        int[] digits = new int[k.bitLength() + 1];
        int n = 0;
        while (k.signum() > 0) {
            if (k.testBit(0)) {
                int d = 2 - k.mod(BigInteger.valueOf(4)).intValue(); // 1 or −1
                digits[n] = d;
                k = k.subtract(BigInteger.valueOf(d));
            }
            k = k.shiftRight(1);
            n++;
        }
        return java.util.Arrays.copyOf(digits, n);
    }

    /** One (G1, prepared G2) pair of a multi-pairing. */
    public static final class Pair {
        final G1Point p;
        final G2Prepared q;

        /** Returns the pair (p, q); p may be in any coordinates, it is normalized here. */
        public Pair(G1Point p, G2Prepared q) {
            this.p = p.normalize();
            this.q = q;
        }

        /** Returns the pair (p, q) preparing q on the spot. */
        public Pair(G1Point p, G2Point q) {
            this(p, G2Prepared.of(q));
        }
    }

    /** Returns the Miller-loop value ∏ f_{6u+2,Qᵢ}(Pᵢ) · lines, before the final exponentiation. */
    public static Fp12 millerLoop(List<Pair> pairs) {
        Pair[] active = pairs.stream().filter(x -> !x.p.isInfinity() && !x.q.isInfinity()).toArray(Pair[]::new);
        Fp12 f = Fp12.ONE;
        int step = 0;
        for (int i = ATE_NAF.length - 2; i >= 0; i--) {
            if (i != ATE_NAF.length - 2) {
                f = f.square();
            }
            for (Pair pr : active) {
                f = ell(f, pr.q.coeffs, step, pr.p);
            }
            step++;
            if (ATE_NAF[i] != 0) {
                for (Pair pr : active) {
                    f = ell(f, pr.q.coeffs, step, pr.p);
                }
                step++;
            }
        }
        for (int k = 0; k < 2; k++) {
            for (Pair pr : active) {
                f = ell(f, pr.q.coeffs, step, pr.p);
            }
            step++;
        }
        return f;
    }

    private static Fp12 ell(Fp12 f, Fp2[] coeffs, int step, G1Point p) {
        Fp px = p.x;
        Fp py = p.y;
        int o = 3 * step;
        return f.mulBy034(coeffs[o].mul(py), coeffs[o + 1].mul(px), coeffs[o + 2]);
    }

    /** Returns f^((q¹² − 1)/r · 2u(6u² + 3u + 1)) (see the class comment); f must be non-zero. */
    public static Fp12 finalExponentiation(Fp12 f) {
        // easy part: f^((q^6 − 1)(q^2 + 1))
        Fp12 r = f.conjugate().mul(f.inverse());
        r = r.frobenius(2).mul(r);
        // hard part (Fuentes-Castañeda et al., "Faster hashing to G2")
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

    /** Returns e(p, q). */
    public static Fp12 pair(G1Point p, G2Point q) {
        return finalExponentiation(millerLoop(List.of(new Pair(p, q))));
    }

    /** Returns ∏ e(Pᵢ, Qᵢ) with one shared final exponentiation. */
    public static Fp12 multiPair(List<Pair> pairs) {
        return finalExponentiation(millerLoop(pairs));
    }

    /** Returns true if ∏ e(Pᵢ, Qᵢ) = 1 in GT (an empty product is 1). */
    public static boolean productIsOne(List<Pair> pairs) {
        return multiPair(pairs).isOne();
    }
}
