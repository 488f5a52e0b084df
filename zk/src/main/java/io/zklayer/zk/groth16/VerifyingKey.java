package io.zklayer.zk.groth16;

import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.curve.G2Point;
import java.util.List;

/**
 * A Groth16 verifying key: α ∈ G1, β, γ, δ ∈ G2 and the public-input commitments IC₀…IC_n ∈ G1, where
 * n = {@link #publicCount()} is the number of public signals. snarkjs's {@code verification_key.json}
 * holds the same fields ({@code vk_alpha_1, vk_beta_2, vk_gamma_2, vk_delta_2, IC}).
 */
public record VerifyingKey(G1Point alpha, G2Point beta, G2Point gamma, G2Point delta, List<G1Point> ic) {
    /** Checks the shape: IC has at least one point (IC₀); all points are normalized copies. */
    public VerifyingKey {
        if (ic == null || ic.isEmpty()) {
            throw new ZkFormatException("verifying key: IC must hold nPublic + 1 >= 1 points");
        }
        alpha = alpha.normalize();
        beta = beta.normalize();
        gamma = gamma.normalize();
        delta = delta.normalize();
        ic = ic.stream().map(G1Point::normalize).toList();
    }

    /** Returns n, the number of public signals this key verifies. */
    public int publicCount() {
        return ic.size() - 1;
    }
}
