package io.zklayer.zk.ml;

import io.zklayer.zk.field.Fr;
import io.zklayer.zk.poseidon.PoseidonParameters;
import io.zklayer.zk.r1cs.CircuitBuilder;
import io.zklayer.zk.r1cs.LinearCombination;
import java.util.Arrays;
import java.util.List;

/**
 * circomlib's Poseidon as R1CS with few constraints: three per S-box (x², x⁴, x⁵), and instead of
 * re-materializing the whole state every round, one linear constraint per partial round (the S-box input)
 * and t when the partial rounds end. Round constants and the MDS mix otherwise stay linear combinations.
 * Same function as {@link io.zklayer.zk.poseidon.Poseidon#hash}; for 16 inputs 3·(8·17 + 68) + 68 + 17 =
 * 697 constraints instead of the 1,888 of {@link io.zklayer.zk.poseidon.PoseidonGadget}.
 *
 * <p>During the partial rounds every state element is a fixed linear combination of the t S-box outputs
 * of the last opening full round and of the partial S-box outputs so far (plus a constant), up to
 * 1 + t + partialRounds terms. Those coefficients depend only on the width, so they are computed once per
 * width ({@link Template}) and each hash only maps them onto its wires. The long combinations are
 * materialized so that each appears once, in an A row, rather than three times in the S-box's A and B
 * rows: fewer matrix entries for the prover, and far fewer G2 terms for {@code Groth16Setup.fromPtau}.
 */
final class LeanPoseidonGadget {
    private static final Template[] TEMPLATES = new Template[18];

    private LeanPoseidonGadget() {}

    /** Returns a combination equal to Poseidon(inputs) (1..16 inputs), adding its constraints to {@code b}. */
    static LinearCombination hash(CircuitBuilder b, List<LinearCombination> inputs) {
        PoseidonParameters p = PoseidonParameters.forInputs(inputs.size());
        Template tpl = template(p);
        int t = p.width;
        int half = PoseidonParameters.FULL_ROUNDS / 2;
        LinearCombination[] state = new LinearCombination[t];
        state[0] = LinearCombination.ZERO;
        for (int i = 1; i < t; i++) {
            state[i] = inputs.get(i - 1);
        }
        for (int r = 0; r < half; r++) {
            for (int i = 0; i < t; i++) {
                state[i] = pow5(b, state[i].addConstant(p.roundConstant(r, i)));
            }
            if (r < half - 1) {
                state = mix(p, state, t);
            }
        }
        int[] basis = new int[1 + t + p.partialRounds];
        for (int i = 0; i < t; i++) {
            basis[1 + i] = state[i].wireAt(0);
        }
        for (int r = 0; r < p.partialRounds; r++) {
            LinearCombination x0 = b.materialize(combination(basis, tpl.x0[r]));
            basis[1 + t + r] = pow5(b, x0).wireAt(0);
        }
        for (int i = 0; i < t; i++) {
            state[i] = b.materialize(combination(basis, tpl.end[i]));
        }
        int rounds = PoseidonParameters.FULL_ROUNDS + p.partialRounds;
        for (int r = half + p.partialRounds; r < rounds; r++) {
            for (int i = 0; i < t; i++) {
                state[i] = pow5(b, state[i].addConstant(p.roundConstant(r, i)));
            }
            state = mix(p, state, r == rounds - 1 ? 1 : t);
        }
        return state[0];
    }

    private static LinearCombination[] mix(PoseidonParameters p, LinearCombination[] state, int rows) {
        LinearCombination[] next = new LinearCombination[state.length];
        for (int i = 0; i < rows; i++) {
            LinearCombination acc = LinearCombination.ZERO;
            for (int j = 0; j < state.length; j++) {
                acc = acc.add(state[j].scale(p.mds(i, j)));
            }
            next[i] = acc;
        }
        return next;
    }

    private static LinearCombination combination(int[] basis, Fr[] coeffs) {
        return LinearCombination.of(Arrays.copyOf(basis, coeffs.length), coeffs);
    }

    private static LinearCombination pow5(CircuitBuilder b, LinearCombination x) {
        LinearCombination x2 = b.mul(x, x);
        LinearCombination x4 = b.mul(x2, x2);
        return b.mul(x4, x);
    }

    /**
     * The partial-round coefficients for one width over the basis [1, s₀…s_{t−1}, u₁…u_P] (s = S-box
     * outputs of the last opening full round, before its mix; u = partial S-box outputs): {@code x0[r]}
     * is the S-box input of partial round r (over the first 1 + t + r basis entries) and {@code end[i]}
     * the state element i after the last partial round.
     */
    private record Template(Fr[][] x0, Fr[][] end) {}

    private static Template template(PoseidonParameters p) {
        synchronized (TEMPLATES) {
            if (TEMPLATES[p.width] == null) {
                TEMPLATES[p.width] = computeTemplate(p);
            }
            return TEMPLATES[p.width];
        }
    }

    private static Template computeTemplate(PoseidonParameters p) {
        int t = p.width;
        int partial = p.partialRounds;
        int size = 1 + t + partial;
        int half = PoseidonParameters.FULL_ROUNDS / 2;
        Fr[][] st = new Fr[t][size];
        for (int i = 0; i < t; i++) {
            Arrays.fill(st[i], Fr.ZERO);
            for (int j = 0; j < t; j++) {
                st[i][1 + j] = p.mds(i, j);
            }
        }
        Fr[][] x0 = new Fr[partial][];
        for (int r = 0; r < partial; r++) {
            int used = 1 + t + r;
            for (int i = 0; i < t; i++) {
                st[i][0] = st[i][0].add(p.roundConstant(half + r, i));
            }
            x0[r] = Arrays.copyOf(st[0], used);
            Arrays.fill(st[0], Fr.ZERO);
            st[0][used] = Fr.ONE;
            Fr[][] next = new Fr[t][size];
            for (int i = 0; i < t; i++) {
                Arrays.fill(next[i], Fr.ZERO);
                for (int j = 0; j < t; j++) {
                    Fr m = p.mds(i, j);
                    for (int k = 0; k <= used; k++) {
                        if (!st[j][k].isZero()) {
                            next[i][k] = next[i][k].add(m.mul(st[j][k]));
                        }
                    }
                }
            }
            st = next;
        }
        return new Template(x0, st);
    }
}
