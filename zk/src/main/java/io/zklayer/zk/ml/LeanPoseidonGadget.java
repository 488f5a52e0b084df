package io.zklayer.zk.ml;

import io.zklayer.zk.poseidon.PoseidonParameters;
import io.zklayer.zk.r1cs.CircuitBuilder;
import io.zklayer.zk.r1cs.LinearCombination;
import java.util.List;

/**
 * circomlib's Poseidon as R1CS with only the S-box constraints: three per S-box (x², x⁴, x⁵) and no
 * re-materialized state. Round constants and the MDS mix stay linear combinations; during the partial
 * rounds the t − 1 unboxed elements grow to at most t + partialRounds terms, which costs nothing in
 * constraints. Same function as {@link io.zklayer.zk.poseidon.Poseidon#hash}; for 16 inputs
 * 3·(8·17 + 68) = 612 constraints instead of the 1,888 of
 * {@link io.zklayer.zk.poseidon.PoseidonGadget}, which re-materializes the state every round.
 */
final class LeanPoseidonGadget {
    private LeanPoseidonGadget() {}

    /** Returns a combination equal to Poseidon(inputs) (1..16 inputs), adding its constraints to {@code b}. */
    static LinearCombination hash(CircuitBuilder b, List<LinearCombination> inputs) {
        PoseidonParameters p = PoseidonParameters.forInputs(inputs.size());
        int t = p.width;
        LinearCombination[] state = new LinearCombination[t];
        state[0] = LinearCombination.ZERO;
        for (int i = 1; i < t; i++) {
            state[i] = inputs.get(i - 1);
        }
        int rounds = PoseidonParameters.FULL_ROUNDS + p.partialRounds;
        int half = PoseidonParameters.FULL_ROUNDS / 2;
        LinearCombination[] next = new LinearCombination[t];
        for (int r = 0; r < rounds; r++) {
            boolean full = r < half || r >= half + p.partialRounds;
            for (int i = 0; i < t; i++) {
                LinearCombination x = state[i].addConstant(p.roundConstant(r, i));
                state[i] = full || i == 0 ? pow5(b, x) : x;
            }
            boolean last = r == rounds - 1;
            for (int i = 0; i < (last ? 1 : t); i++) {
                LinearCombination acc = LinearCombination.ZERO;
                for (int j = 0; j < t; j++) {
                    acc = acc.add(state[j].scale(p.mds(i, j)));
                }
                next[i] = acc;
            }
            System.arraycopy(next, 0, state, 0, last ? 1 : t);
        }
        return state[0];
    }

    private static LinearCombination pow5(CircuitBuilder b, LinearCombination x) {
        LinearCombination x2 = b.mul(x, x);
        LinearCombination x4 = b.mul(x2, x2);
        return b.mul(x4, x);
    }
}
