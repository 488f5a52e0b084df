package io.zklayer.zk.ml;

import io.zklayer.zk.field.Fr;
import io.zklayer.zk.r1cs.CircuitBuilder;
import io.zklayer.zk.r1cs.Constraint;
import io.zklayer.zk.r1cs.ConstraintSystem;
import io.zklayer.zk.r1cs.LinearCombination;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link CircuitBuilder} plus the gadgets the model circuit needs: raw constraints A·B = C without a
 * new wire (booleanity costs one constraint per bit), bit decomposition and sign tests by offsetting
 * into a non-negative range. Values are signed integers embedded in Fr (−v as p − v); every gadget keeps
 * them far below p/2, so field equalities are integer equalities.
 */
final class CircuitWriter {
    private static final BigInteger HALF_P = Fr.MODULUS.shiftRight(1);
    private static final Fr[] POW2 = new Fr[253];

    static {
        for (int i = 0; i < POW2.length; i++) {
            POW2[i] = Fr.fromBigInteger(BigInteger.ONE.shiftLeft(i));
        }
    }

    private final CircuitBuilder builder = new CircuitBuilder();
    private final List<Constraint> extra = new ArrayList<>();

    /** Returns the wrapped builder (for gadgets written against it, such as Poseidon). */
    CircuitBuilder builder() {
        return builder;
    }

    /** Returns 2^k as a field element, k in [0, 252]. */
    static Fr pow2(int k) {
        return POW2[k];
    }

    /** Returns the field element of a signed integer. */
    static Fr field(BigInteger v) {
        return Fr.reduce(v);
    }

    /** Returns the constant combination of a signed integer. */
    static LinearCombination constant(BigInteger v) {
        return LinearCombination.constant(field(v));
    }

    /** Returns the constant combination of a signed long. */
    static LinearCombination constant(long v) {
        return LinearCombination.constant(Fr.of(v));
    }

    LinearCombination publicInput(Fr v) {
        return builder.publicInput(v);
    }

    LinearCombination privateWire(Fr v) {
        return builder.privateInput(v);
    }

    LinearCombination mul(LinearCombination a, LinearCombination b) {
        return builder.mul(a, b);
    }

    LinearCombination materialize(LinearCombination lc) {
        return builder.materialize(lc);
    }

    void assertEqual(LinearCombination a, LinearCombination b) {
        builder.assertEqual(a, b);
    }

    /** Adds the constraint a·b = c (no new wire). */
    void assertProduct(LinearCombination a, LinearCombination b, LinearCombination c) {
        extra.add(new Constraint(a, b, c));
    }

    /** Returns the value of lc as a signed integer in (−p/2, p/2]. */
    BigInteger signedValue(LinearCombination lc) {
        BigInteger v = builder.value(lc).toBigInteger();
        return v.compareTo(HALF_P) > 0 ? v.subtract(Fr.MODULUS) : v;
    }

    /**
     * Allocates {@code n} wires holding the bits of {@code value} (least significant first), each
     * constrained by b·b = b, and returns them. The value must lie in [0, 2^n): the caller promised it.
     */
    LinearCombination[] bits(BigInteger value, int n, String what) {
        if (value.signum() < 0 || value.bitLength() > n) {
            throw new IllegalStateException("circuit: " + what + " = " + value + " is outside its proven range [0, 2^" + n + ")");
        }
        LinearCombination[] out = new LinearCombination[n];
        for (int i = 0; i < n; i++) {
            out[i] = privateWire(value.testBit(i) ? Fr.ONE : Fr.ZERO);
            assertProduct(out[i], out[i], out[i]);
        }
        return out;
    }

    /**
     * Returns a new wire equal to {@code bit ? ifOne : ifZero}, constrained by the single constraint
     * bit·(ifOne − ifZero) = out − ifZero (so the result stays one wire, however long the inputs).
     */
    LinearCombination select(LinearCombination bit, LinearCombination ifOne, LinearCombination ifZero) {
        Fr v = builder.value(bit).isZero() ? builder.value(ifZero) : builder.value(ifOne);
        LinearCombination out = privateWire(v);
        assertProduct(bit, ifOne.sub(ifZero), out.sub(ifZero));
        return out;
    }

    /** Returns Σ 2^i·bits[i]. */
    static LinearCombination sumOfBits(LinearCombination[] bits) {
        LinearCombination acc = LinearCombination.ZERO;
        for (int i = 0; i < bits.length; i++) {
            acc = acc.add(bits[i].scale(pow2(i)));
        }
        return acc;
    }

    /** Returns the least k ≥ 0 with −2^k ≤ lo and hi &lt; 2^k. */
    static int signBits(Interval range) {
        BigInteger m = range.lo().negate().max(range.hi().add(BigInteger.ONE)).max(BigInteger.ONE);
        return m.subtract(BigInteger.ONE).bitLength();
    }

    /**
     * Returns a bit equal to [v ≥ 0] for a value the honest witness keeps within {@code range}. It
     * decomposes v + 2^k into k + 1 bits (k from {@link #signBits}); the top bit is the answer, and the
     * decomposition also proves v ∈ [−2^k, 2^k), which is what bounds v for later steps.
     */
    LinearCombination isNonNegative(LinearCombination v, Interval range, String what) {
        int k = signBits(range);
        BigInteger value = signedValue(v);
        if (!range.contains(value)) {
            throw new IllegalStateException("circuit: " + what + " = " + value + " is outside its bound " + range);
        }
        LinearCombination[] b = bits(value.add(BigInteger.ONE.shiftLeft(k)), k + 1, what);
        assertEqual(v.addConstant(pow2(k)), sumOfBits(b));
        return b[k];
    }

    /** Returns the system: the builder's constraints followed by the raw ones. */
    ConstraintSystem system() {
        ConstraintSystem base = builder.system();
        List<Constraint> all = new ArrayList<>(base.constraints().size() + extra.size());
        all.addAll(base.constraints());
        all.addAll(extra);
        return new ConstraintSystem(base.wireCount(), base.publicCount(), all);
    }

    /** Returns the witness. */
    Fr[] witness() {
        return builder.witness();
    }
}
