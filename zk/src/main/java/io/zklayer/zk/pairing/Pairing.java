package io.zklayer.zk.pairing;

import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.curve.G2Point;
import io.zklayer.zk.curve.G2Subgroup;
import io.zklayer.zk.field.Fp12;
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

        /** Returns the pair (p, q); p may be in any coordinates (the Miller loop makes it affine). */
        public Pair(G1Point p, G2Prepared q) {
            this.p = p;
            this.q = q;
        }

        /** Returns the pair (p, q) preparing q on the spot. */
        public Pair(G1Point p, G2Point q) {
            this(p, G2Prepared.of(q));
        }
    }

    /**
     * Returns the Miller-loop value ∏ f_{6u+2,Qᵢ}(Pᵢ) · lines, before the final exponentiation. It is
     * defined up to factors in proper subfields of Fp12 (lines are scaled freely, see
     * {@link G2Prepared}); only its final exponentiation is meaningful.
     */
    public static Fp12 millerLoop(List<Pair> pairs) {
        return MillerLoop.evaluate(pairs.toArray(new Pair[0]));
    }

    /** Returns f^((q¹² − 1)/r · 2u(6u² + 3u + 1)) (see the class comment); f must be non-zero. */
    public static Fp12 finalExponentiation(Fp12 f) {
        return FinalExponentiation.apply(f);
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
