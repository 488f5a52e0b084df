package io.zklayer.zk.r1cs;

import io.zklayer.zk.field.Fr;

/** One rank-1 constraint A·B = C over linear combinations of wires. */
public record Constraint(LinearCombination a, LinearCombination b, LinearCombination c) {
    /** Returns true if the assignment satisfies A(w)·B(w) = C(w). */
    public boolean isSatisfiedBy(Fr[] witness) {
        return a.evaluate(witness).mul(b.evaluate(witness)).equals(c.evaluate(witness));
    }
}
