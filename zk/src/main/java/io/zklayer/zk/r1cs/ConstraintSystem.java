package io.zklayer.zk.r1cs;

import io.zklayer.zk.field.Fr;
import java.util.List;
import java.util.Optional;

/**
 * A rank-1 constraint system in circom's wire layout: wire 0 is the constant 1, wires 1..nPublic are
 * the public signals (outputs first, then public inputs), then the private wires. A witness is a value
 * for every wire; it satisfies the system when every constraint A·B = C holds.
 */
public record ConstraintSystem(int wireCount, int publicCount, List<Constraint> constraints) {
    /** Checks the layout: at least the constant wire, public signals inside the wire range. */
    public ConstraintSystem {
        if (wireCount < 1 || publicCount < 0 || publicCount >= wireCount) {
            throw new IllegalArgumentException("r1cs: need 1 + nPublic <= wires, got wires=" + wireCount + " nPublic=" + publicCount);
        }
        constraints = List.copyOf(constraints);
    }

    /** Returns the index of the first constraint the witness violates, or empty if it satisfies all. */
    public Optional<Integer> firstViolation(Fr[] witness) {
        if (witness.length != wireCount) {
            throw new IllegalArgumentException("r1cs: witness has " + witness.length + " values, system has " + wireCount + " wires");
        }
        if (!witness[0].isOne()) {
            return Optional.of(-1);
        }
        for (int i = 0; i < constraints.size(); i++) {
            if (!constraints.get(i).isSatisfiedBy(witness)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Returns true if the witness satisfies every constraint (and assigns 1 to wire 0). */
    public boolean isSatisfiedBy(Fr[] witness) {
        return firstViolation(witness).isEmpty();
    }

    /** Returns the public signals of a witness (wires 1..nPublic). */
    public List<Fr> publicSignals(Fr[] witness) {
        return List.of(java.util.Arrays.copyOfRange(witness, 1, 1 + publicCount));
    }
}
