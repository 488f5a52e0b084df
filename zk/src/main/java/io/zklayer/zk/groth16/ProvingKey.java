package io.zklayer.zk.groth16;

import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.curve.G2Point;
import io.zklayer.zk.field.Fr;

/**
 * A Groth16 proving key in snarkjs's zkey layout: the QAP coefficients (matrix 0 = A, 1 = B; row =
 * constraint, or nConstraints + i for the extra A-rows that bind public signal i; column = wire) and
 * the point vectors A, B1, B2 (one per wire), C (one per private wire, nPublic + 1 … nVars − 1) and H
 * (one per domain point, for the quotient evaluated on the odd coset, see {@link Groth16Prover}).
 */
public record ProvingKey(
        int wireCount,
        int publicCount,
        int domainSize,
        G1Point alpha1,
        G1Point beta1,
        G2Point beta2,
        G2Point gamma2,
        G1Point delta1,
        G2Point delta2,
        G1Point[] ic,
        int[] coefMatrix,
        int[] coefRow,
        int[] coefWire,
        Fr[] coefValue,
        G1Point[] a,
        G1Point[] b1,
        G2Point[] b2,
        G1Point[] c,
        G1Point[] h) {

    /** Returns the matching verifying key. */
    public VerifyingKey verifyingKey() {
        return new VerifyingKey(alpha1, beta2, gamma2, delta2, java.util.List.of(ic));
    }
}
