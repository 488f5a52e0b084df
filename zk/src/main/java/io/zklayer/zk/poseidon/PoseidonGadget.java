package io.zklayer.zk.poseidon;

import io.zklayer.zk.r1cs.CircuitBuilder;
import io.zklayer.zk.r1cs.LinearCombination;
import java.util.List;

/**
 * Poseidon as R1CS constraints, computing the same function as {@link Poseidon}: each x⁵ S-box costs
 * three multiplications (x², x⁴, x⁵), round constants and the MDS mix are free linear operations, and
 * the state is re-materialized into fresh wires after each round so that combinations stay short.
 * For 2 inputs that is 3·(8·3 + 57) S-box constraints plus 3·64 + 1 linear ones (436).
 */
public final class PoseidonGadget {
    private PoseidonGadget() {}

    /** Returns a combination equal to Poseidon(inputs), adding its constraints and witness to {@code b}. */
    public static LinearCombination hash(CircuitBuilder b, List<LinearCombination> inputs) {
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
            for (int i = 0; i < t; i++) {
                LinearCombination acc = LinearCombination.ZERO;
                for (int j = 0; j < t; j++) {
                    acc = acc.add(state[j].scale(p.mds(i, j)));
                }
                next[i] = acc;
            }
            for (int i = 0; i < t; i++) {
                state[i] = r == rounds - 1 && i > 0 ? next[i] : b.materialize(next[i]);
            }
        }
        return state[0];
    }

    private static LinearCombination pow5(CircuitBuilder b, LinearCombination x) {
        LinearCombination x2 = b.mul(x, x);
        LinearCombination x4 = b.mul(x2, x2);
        return b.mul(x4, x);
    }
}
