package io.zklayer.pallets.verifier;

/**
 * Weights of Verifier calls in reference-time units (10^12 = one second). Measured on the 2-core
 * reference machine with JDK 17 (snarkjs vectors dot2, lt, mlp): preparing a key 5–18 ms, decoding a
 * proof 0.2–0.3 ms, one verification with a prepared key 3 ms. The weights are about three times that,
 * so that a verification whose key must be prepared first (a cache miss) is still covered.
 */
public final class VerifierWeights {
    /** {@code verify}: decode the proof, the pairing check, the event. */
    public static final long VERIFY_BASE = 10_000_000_000L;
    /** {@code verify}: per public signal (one fixed-base G1 multiplication, or its table on a miss). */
    public static final long VERIFY_PER_SIGNAL = 1_000_000_000L;
    /** {@code register_key}: three G2 subgroup checks, two writes, the reserve and the event. */
    public static final long REGISTER_KEY_BASE = 30_000_000_000L;
    /** {@code register_key}: per IC point (curve check). */
    public static final long REGISTER_KEY_PER_POINT = 200_000_000L;
    /** {@code remove_key}: two reads, two removals, the unreserve. */
    public static final long REMOVE_KEY = 400_000_000L;

    private VerifierWeights() {}

    /** Returns the weight of verifying one proof with {@code signals} public signals. */
    public static long verify(int signals) {
        return VERIFY_BASE + VERIFY_PER_SIGNAL * signals;
    }

    /** Returns the weight of {@code call}. */
    public static long of(VerifierCall call) {
        if (call instanceof VerifierCall.Verify v) {
            return verify(v.publicSignals().size());
        }
        if (call instanceof VerifierCall.RegisterKey r) {
            return REGISTER_KEY_BASE + REGISTER_KEY_PER_POINT * (r.key().publicCount() + 1L);
        }
        return REMOVE_KEY;
    }
}
