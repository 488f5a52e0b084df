package io.zklayer.zk.poseidon;

import io.zklayer.zk.field.Fr;
import java.util.List;

/**
 * circomlib's Poseidon hash over BN254's Fr, bit-compatible with circomlib's {@code Poseidon(n)}
 * template and circomlibjs's {@code poseidon}: for n inputs (1..16) the state is {@code [0, inputs…]}
 * of width t = n + 1, each round adds the round constants, applies x⁵ to every element (full rounds:
 * the first and last four) or only to the first (partial rounds), then multiplies by the MDS matrix;
 * the hash is the first state element. Example: Poseidon([1, 2]) =
 * 7853200120776062878684798364095072458815029376092732009249414926327459813530.
 */
public final class Poseidon {
    private Poseidon() {}

    /** Returns the hash of 1..16 field elements. */
    public static Fr hash(List<Fr> inputs) {
        PoseidonParameters p = PoseidonParameters.forInputs(inputs.size());
        int t = p.width;
        Fr[] state = new Fr[t];
        state[0] = Fr.ZERO;
        for (int i = 1; i < t; i++) {
            state[i] = inputs.get(i - 1);
        }
        int rounds = PoseidonParameters.FULL_ROUNDS + p.partialRounds;
        int half = PoseidonParameters.FULL_ROUNDS / 2;
        Fr[] next = new Fr[t];
        for (int r = 0; r < rounds; r++) {
            boolean full = r < half || r >= half + p.partialRounds;
            for (int i = 0; i < t; i++) {
                Fr x = state[i].add(p.roundConstant(r, i));
                state[i] = full || i == 0 ? pow5(x) : x;
            }
            for (int i = 0; i < t; i++) {
                Fr acc = Fr.ZERO;
                for (int j = 0; j < t; j++) {
                    acc = acc.add(p.mds(i, j).mul(state[j]));
                }
                next[i] = acc;
            }
            System.arraycopy(next, 0, state, 0, t);
        }
        return state[0];
    }

    /** Returns the hash of the given elements (varargs form). */
    public static Fr hash(Fr... inputs) {
        return hash(List.of(inputs));
    }

    static Fr pow5(Fr x) {
        Fr x2 = x.square();
        return x2.square().mul(x);
    }
}
