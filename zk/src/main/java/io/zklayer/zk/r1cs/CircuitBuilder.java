package io.zklayer.zk.r1cs;

import io.zklayer.zk.field.Fr;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link ConstraintSystem} and its witness together: every new wire gets its value at once.
 * Public signals must be allocated before any private wire (circom's layout), e.g.
 *
 * <pre>{@code
 * CircuitBuilder b = new CircuitBuilder();
 * LinearCombination out = b.publicInput(Fr.of(35));   // wire 1
 * LinearCombination x = b.privateInput(Fr.of(5));     // wire 2
 * b.assertEqual(b.mul(x, b.addConstant(x, Fr.of(2))), out); // x·(x + 2) = 35
 * }</pre>
 */
public final class CircuitBuilder {
    private final List<Fr> values = new ArrayList<>();
    private final List<Constraint> constraints = new ArrayList<>();
    private int publicCount;
    private boolean privateStarted;

    /** Returns an empty builder holding only the constant wire w₀ = 1. */
    public CircuitBuilder() {
        values.add(Fr.ONE);
    }

    /** Returns the constant one. */
    public LinearCombination one() {
        return LinearCombination.wire(0);
    }

    /** Allocates the next public signal with the given value. */
    public LinearCombination publicInput(Fr value) {
        if (privateStarted) {
            throw new IllegalStateException("r1cs: public signals must be allocated before private wires");
        }
        publicCount++;
        return allocate(value);
    }

    /** Allocates a private input wire with the given value. */
    public LinearCombination privateInput(Fr value) {
        privateStarted = true;
        return allocate(value);
    }

    private LinearCombination allocate(Fr value) {
        values.add(value);
        return LinearCombination.wire(values.size() - 1);
    }

    /** Returns the current value of a combination under the witness built so far. */
    public Fr value(LinearCombination lc) {
        Fr acc = Fr.ZERO;
        for (int i = 0; i < lc.size(); i++) {
            acc = acc.add(lc.coeffAt(i).mul(values.get(lc.wireAt(i))));
        }
        return acc;
    }

    /** Returns a new private wire equal to a·b, constrained by one constraint. */
    public LinearCombination mul(LinearCombination a, LinearCombination b) {
        LinearCombination out = privateInput(value(a).mul(value(b)));
        constraints.add(new Constraint(a, b, out));
        return out;
    }

    /** Returns a new private wire equal to lc (one linear constraint), to keep combinations short. */
    public LinearCombination materialize(LinearCombination lc) {
        LinearCombination out = privateInput(value(lc));
        constraints.add(new Constraint(lc, one(), out));
        return out;
    }

    /** Adds the constraint a = b. */
    public void assertEqual(LinearCombination a, LinearCombination b) {
        constraints.add(new Constraint(a, one(), b));
    }

    /** Returns lc + k. */
    public LinearCombination addConstant(LinearCombination lc, Fr k) {
        return lc.addConstant(k);
    }

    /** Returns the constraint system built so far. */
    public ConstraintSystem system() {
        return new ConstraintSystem(values.size(), publicCount, constraints);
    }

    /** Returns a copy of the witness built so far. */
    public Fr[] witness() {
        return values.toArray(new Fr[0]);
    }
}
