package io.zklayer.zk.ml;

import java.math.BigInteger;

/**
 * A closed integer interval [lo, hi] bounding a circuit value for every admissible witness. The circuit
 * sizes its range checks from these bounds, which depend only on the architecture (worst-case int8
 * weights and int32 biases), never on the actual weights.
 */
record Interval(BigInteger lo, BigInteger hi) {
    /** Checks lo ≤ hi. */
    Interval {
        if (lo.compareTo(hi) > 0) {
            throw new IllegalArgumentException("interval: empty [" + lo + ", " + hi + "]");
        }
    }

    /** Returns [lo, hi] from longs. */
    static Interval of(long lo, long hi) {
        return new Interval(BigInteger.valueOf(lo), BigInteger.valueOf(hi));
    }

    /** Returns the largest absolute value in the interval. */
    BigInteger maxAbs() {
        return lo.abs().max(hi.abs());
    }

    /** Returns this shifted by {@code k}. */
    Interval plus(BigInteger k) {
        return new Interval(lo.add(k), hi.add(k));
    }

    /** Returns {x − y : x ∈ this, y ∈ o}. */
    Interval minus(Interval o) {
        return new Interval(lo.subtract(o.hi), hi.subtract(o.lo));
    }

    /** Returns {−x : x ∈ this}. */
    Interval negate() {
        return new Interval(hi.negate(), lo.negate());
    }

    /** Returns whether v lies in the interval. */
    boolean contains(BigInteger v) {
        return lo.compareTo(v) <= 0 && v.compareTo(hi) <= 0;
    }
}
