package io.zklayer.zk.ml;

import io.zklayer.zk.field.Fr;
import io.zklayer.zk.r1cs.Constraint;
import io.zklayer.zk.r1cs.ConstraintSystem;
import io.zklayer.zk.r1cs.LinearCombination;
import java.util.ArrayList;
import java.util.List;

/** Finds witness changes that break no constraint (there should be none): single wires, and wire pairs along linear constraints. */
final class Tampering {
    private Tampering() {}

    /**
     * Returns the adjacent wire pairs of linear constraints (B = 1) whose change along that constraint
     * goes unnoticed: for terms c₁·w₁ + c₂·w₂ of A − C, w₁ += c₂ and w₂ −= c₁ keep that constraint true,
     * so some other constraint (a booleanity check, a hash round, a product) must fail. This catches a
     * bit decomposition whose bits are not constrained to 0/1. Pairs are reported as "w₁,w₂".
     */
    static List<String> linearPairsFreeToChange(ConstraintSystem cs, Fr[] witness) {
        List<List<Integer>> uses = uses(cs);
        List<Constraint> constraints = cs.constraints();
        LinearCombination one = LinearCombination.wire(0);
        Fr[] w = witness.clone();
        List<String> free = new ArrayList<>();
        for (Constraint k : constraints) {
            if (!k.b().equals(one)) {
                continue;
            }
            LinearCombination rel = k.a().sub(k.c());
            for (int t = 0; t + 1 < rel.size(); t++) {
                int s1 = rel.wireAt(t);
                int s2 = rel.wireAt(t + 1);
                if (s1 == 0) {
                    continue;
                }
                Fr o1 = w[s1];
                Fr o2 = w[s2];
                w[s1] = o1.add(rel.coeffAt(t + 1));
                w[s2] = o2.sub(rel.coeffAt(t));
                boolean broken = false;
                for (int s : new int[] {s1, s2}) {
                    for (int i : uses.get(s)) {
                        if (!constraints.get(i).isSatisfiedBy(w)) {
                            broken = true;
                            break;
                        }
                    }
                }
                w[s1] = o1;
                w[s2] = o2;
                if (!broken) {
                    free.add(s1 + "," + s2);
                }
            }
        }
        return free;
    }

    private static List<List<Integer>> uses(ConstraintSystem cs) {
        List<List<Integer>> uses = new ArrayList<>(cs.wireCount());
        for (int s = 0; s < cs.wireCount(); s++) {
            uses.add(new ArrayList<>(2));
        }
        List<Constraint> constraints = cs.constraints();
        for (int i = 0; i < constraints.size(); i++) {
            Constraint k = constraints.get(i);
            for (LinearCombination lc : List.of(k.a(), k.b(), k.c())) {
                for (int t = 0; t < lc.size(); t++) {
                    List<Integer> list = uses.get(lc.wireAt(t));
                    if (list.isEmpty() || list.get(list.size() - 1) != i) {
                        list.add(i);
                    }
                }
            }
        }
        return uses;
    }

    /**
     * Returns the wires (≥ 1) such that adding 1 to that wire alone still satisfies every constraint the
     * wire occurs in. Only the constraints touching the wire are re-evaluated, so this is linear in the
     * size of the system.
     */
    static List<Integer> wiresFreeToChange(ConstraintSystem cs, Fr[] witness) {
        List<List<Integer>> uses = uses(cs);
        List<Constraint> constraints = cs.constraints();
        Fr[] w = witness.clone();
        List<Integer> free = new ArrayList<>();
        for (int s = 1; s < w.length; s++) {
            Fr original = w[s];
            w[s] = original.add(Fr.ONE);
            boolean broken = false;
            for (int i : uses.get(s)) {
                if (!constraints.get(i).isSatisfiedBy(w)) {
                    broken = true;
                    break;
                }
            }
            w[s] = original;
            if (!broken) {
                free.add(s);
            }
        }
        return free;
    }
}
