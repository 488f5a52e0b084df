package io.zklayer.zk.ml;

import io.zklayer.zk.field.Fr;
import io.zklayer.zk.r1cs.Constraint;
import io.zklayer.zk.r1cs.ConstraintSystem;
import io.zklayer.zk.r1cs.LinearCombination;
import java.util.ArrayList;
import java.util.List;

/** Finds wires whose value can change on its own without breaking any constraint (there should be none). */
final class Tampering {
    private Tampering() {}

    /**
     * Returns the wires (≥ 1) such that adding 1 to that wire alone still satisfies every constraint the
     * wire occurs in. Only the constraints touching the wire are re-evaluated, so this is linear in the
     * size of the system.
     */
    static List<Integer> wiresFreeToChange(ConstraintSystem cs, Fr[] witness) {
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
