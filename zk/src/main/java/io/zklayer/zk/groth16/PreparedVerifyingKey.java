package io.zklayer.zk.groth16;

import io.zklayer.zk.curve.G1FixedBase;
import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.field.Fp12;
import io.zklayer.zk.field.Fr;
import java.util.List;
import io.zklayer.zk.pairing.G2Prepared;
import io.zklayer.zk.pairing.Pairing;

/**
 * A verifying key made ready for repeated verification: e(α, β) computed once, and the Miller-loop
 * lines of γ and δ (and β, for batch verification) precomputed. Build one per registered key and reuse
 * it for every proof; it is immutable and safe to share between threads.
 */
public final class PreparedVerifyingKey {
    private final VerifyingKey key;
    private final Fp12 alphaBeta;
    private final G2Prepared beta;
    private final G2Prepared gamma;
    private final G2Prepared delta;
    private final G1FixedBase[] icTables; // null when the key has too many public inputs to tabulate

    /** Keys with more public inputs than this use plain scalar multiplication instead of fixed-base tables. */
    static final int MAX_TABULATED_INPUTS = 64;

    private PreparedVerifyingKey(VerifyingKey key) {
        this.key = key;
        this.alphaBeta = Pairing.pair(key.alpha(), key.beta());
        this.beta = G2Prepared.forFixedPoint(key.beta());
        this.gamma = G2Prepared.forFixedPoint(key.gamma());
        this.delta = G2Prepared.forFixedPoint(key.delta());
        if (key.publicCount() <= MAX_TABULATED_INPUTS) {
            icTables = new G1FixedBase[key.publicCount()];
            for (int i = 0; i < icTables.length; i++) {
                icTables[i] = new G1FixedBase(key.ic().get(i + 1));
            }
        } else {
            icTables = null;
        }
    }

    /** Returns IC₀ + Σ sᵢ·ICᵢ (the caller has checked the count). */
    G1Point publicInputCommitment(List<Fr> signals) {
        G1Point acc = key.ic().get(0);
        for (int i = 0; i < signals.size(); i++) {
            Fr s = signals.get(i);
            if (!s.isZero()) {
                acc = acc.add(icTables != null ? icTables[i].mul(s) : key.ic().get(i + 1).mul(s));
            }
        }
        return acc;
    }

    /** Returns the prepared form of {@code key}. */
    public static PreparedVerifyingKey of(VerifyingKey key) {
        return new PreparedVerifyingKey(key);
    }

    /** Returns the key this was prepared from. */
    public VerifyingKey key() {
        return key;
    }

    /** Returns e(α, β) (with this library's final exponentiation, see {@link Pairing}). */
    public Fp12 alphaBeta() {
        return alphaBeta;
    }

    G2Prepared beta() {
        return beta;
    }

    G2Prepared gamma() {
        return gamma;
    }

    G2Prepared delta() {
        return delta;
    }
}
