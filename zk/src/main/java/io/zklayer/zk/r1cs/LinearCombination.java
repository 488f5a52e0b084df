package io.zklayer.zk.r1cs;

import io.zklayer.zk.field.Fr;
import java.util.Arrays;

/**
 * An immutable linear combination Σ cᵢ·w_{idᵢ} of wires with coefficients in Fr; wire 0 is the constant
 * one, so {@code constant(5)} is 5·w₀. Terms are kept sorted by wire id with no zero coefficients, so
 * equal combinations have equal representations.
 */
public final class LinearCombination {
    /** The empty combination (value 0). */
    public static final LinearCombination ZERO = new LinearCombination(new int[0], new Fr[0]);

    private final int[] wires;
    private final Fr[] coeffs;

    LinearCombination(int[] wires, Fr[] coeffs) {
        this.wires = wires;
        this.coeffs = coeffs;
    }

    /** Returns 1·w_wire. */
    public static LinearCombination wire(int wire) {
        if (wire < 0) {
            throw new IllegalArgumentException("r1cs: wire id must be >= 0, got " + wire);
        }
        return new LinearCombination(new int[] {wire}, new Fr[] {Fr.ONE});
    }

    /** Returns c·w₀, the constant c. */
    public static LinearCombination constant(Fr c) {
        return c.isZero() ? ZERO : new LinearCombination(new int[] {0}, new Fr[] {c});
    }

    /** Returns the combination of the given (wire, coefficient) terms; duplicate wires are summed. */
    public static LinearCombination of(int[] wires, Fr[] coeffs) {
        LinearCombination acc = ZERO;
        for (int i = 0; i < wires.length; i++) {
            acc = acc.add(wire(wires[i]).scale(coeffs[i]));
        }
        return acc;
    }

    /** Returns the number of terms. */
    public int size() {
        return wires.length;
    }

    /** Returns the wire of term i. */
    public int wireAt(int i) {
        return wires[i];
    }

    /** Returns the coefficient of term i. */
    public Fr coeffAt(int i) {
        return coeffs[i];
    }

    /** Returns this + o (merge of the sorted term lists). */
    public LinearCombination add(LinearCombination o) {
        int[] w = new int[wires.length + o.wires.length];
        Fr[] c = new Fr[w.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < wires.length || j < o.wires.length) {
            if (j >= o.wires.length || (i < wires.length && wires[i] < o.wires[j])) {
                w[n] = wires[i];
                c[n++] = coeffs[i++];
            } else if (i >= wires.length || o.wires[j] < wires[i]) {
                w[n] = o.wires[j];
                c[n++] = o.coeffs[j++];
            } else {
                Fr s = coeffs[i].add(o.coeffs[j]);
                if (!s.isZero()) {
                    w[n] = wires[i];
                    c[n++] = s;
                }
                i++;
                j++;
            }
        }
        return new LinearCombination(Arrays.copyOf(w, n), Arrays.copyOf(c, n));
    }

    /** Returns this − o. */
    public LinearCombination sub(LinearCombination o) {
        return add(o.scale(Fr.ONE.neg()));
    }

    /** Returns k·this. */
    public LinearCombination scale(Fr k) {
        if (k.isZero()) {
            return ZERO;
        }
        Fr[] c = new Fr[coeffs.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = coeffs[i].mul(k);
        }
        return new LinearCombination(wires, c);
    }

    /** Returns this + constant k. */
    public LinearCombination addConstant(Fr k) {
        return add(constant(k));
    }

    /** Returns the value under a full assignment (witness[0] must be 1). */
    public Fr evaluate(Fr[] witness) {
        Fr acc = Fr.ZERO;
        for (int i = 0; i < wires.length; i++) {
            acc = acc.add(coeffs[i].mul(witness[wires[i]]));
        }
        return acc;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearCombination && Arrays.equals(wires, ((LinearCombination) o).wires)
                && Arrays.equals(coeffs, ((LinearCombination) o).coeffs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(wires) * 31 + Arrays.hashCode(coeffs);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < wires.length; i++) {
            sb.append(i == 0 ? "" : " + ").append(coeffs[i]).append("·w").append(wires[i]);
        }
        return sb.length() == 0 ? "0" : sb.toString();
    }
}
