package io.zklayer.zk.curve;

import io.zklayer.zk.field.Fp;
import io.zklayer.zk.field.Fp2;
import io.zklayer.zk.field.Fr;
import java.math.BigInteger;

/**
 * Membership of twist points in G2 (the order-r subgroup), and the untwist-Frobenius-twist
 * endomorphism ψ it relies on.
 *
 * <p>The twist's group has order r·c with a large cofactor c, so "on the twist" does not imply "in G2";
 * a verifier that skips this check lets a prover hand it a point of small order. The test used is
 * El Housni–Guillevic–Piellard (ePrint 2022/348, §3 and §5.1): P is in G2 iff
 * {@code [u+1]P + ψ([u]P) + ψ²([u]P) = ψ³([2u]P)} with the BN parameter u = 4965661367192848881, which
 * costs two 63-bit scalar multiplications instead of one 254-bit one. {@link #containsByOrder} is the
 * plain {@code r·P = O} definition, kept for tests.
 */
public final class G2Subgroup {
    /** The BN254 curve parameter u (6u + 2 is the ate loop count). */
    public static final long U = 4965661367192848881L;

    /** ξ^((q−1)/3): ψ multiplies the conjugated x by it. */
    static final Fp2 PSI_X = Fp2.XI.pow(Fp.MODULUS.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3)));
    /** ξ^((q−1)/2): ψ multiplies the conjugated y by it. */
    static final Fp2 PSI_Y = Fp2.XI.pow(Fp.MODULUS.subtract(BigInteger.ONE).shiftRight(1));

    private G2Subgroup() {}

    /** Returns ψ(p) = twist ∘ Frobenius ∘ untwist, which acts on G2 as multiplication by q. */
    public static G2Point psi(G2Point p) {
        if (p.isInfinity()) {
            return p;
        }
        return new G2Point(p.x.conjugate().mul(PSI_X), p.y.conjugate().mul(PSI_Y), p.z.conjugate());
    }

    /** Returns true if the twist point p lies in the order-r subgroup (fast endomorphism test). */
    public static boolean contains(G2Point p) {
        if (p.isInfinity()) {
            return true;
        }
        G2Point xp = mulU(p);
        G2Point lhs = xp.add(p).add(psi(xp)).add(psi(psi(xp)));
        G2Point rhs = psi(psi(psi(xp.dbl())));
        return lhs.equals(rhs);
    }

    /** Returns true if r·p is the point at infinity (the definition; slow, for tests). */
    public static boolean containsByOrder(G2Point p) {
        return p.mul(Fr.MODULUS).isInfinity();
    }

    private static G2Point mulU(G2Point p) {
        G2Point acc = G2Point.INFINITY;
        for (int i = 63 - Long.numberOfLeadingZeros(U); i >= 0; i--) {
            acc = acc.dbl();
            if (((U >>> i) & 1) == 1) {
                acc = acc.add(p);
            }
        }
        return acc;
    }
}
