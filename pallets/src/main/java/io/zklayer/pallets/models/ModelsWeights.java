package io.zklayer.pallets.models;

import io.zklayer.pallets.verifier.VerifierWeights;

/**
 * Weights of Models calls in reference-time units (10^12 = one second), from their storage operations
 * and the measured costs of the verifier (see {@link VerifierWeights}).
 */
public final class ModelsWeights {
    /** {@code register_model}: the key's point checks (three G2 subgroup checks), the fee, six writes, the event. */
    public static final long REGISTER_BASE = 40_000_000_000L;
    /** {@code register_model}: per byte of Wasm code (parse, validate, instrument) and of description. */
    public static final long REGISTER_PER_BYTE = 20_000L;
    /** {@code deprecate}: one read, one write, the event. */
    public static final long DEPRECATE = 300_000_000L;
    /** {@code submit_backtest}: the model read, the accuracy write, the event. */
    public static final long BACKTEST_BASE = 500_000_000L;
    /** {@code submit_backtest}: per case on top of its verification: the duplicate check and the record write. */
    public static final long BACKTEST_PER_CASE = 300_000_000L;

    private ModelsWeights() {}

    /** Returns the weight of {@code call}. */
    public static long of(ModelsCall call) {
        if (call instanceof ModelsCall.RegisterModel r) {
            long bytes = r.wasmCode().map(c -> (long) c.length).orElse(0L) + r.description().length();
            return REGISTER_BASE + REGISTER_PER_BYTE * bytes;
        }
        if (call instanceof ModelsCall.SubmitBacktest b) {
            long w = BACKTEST_BASE;
            for (BacktestCase c : b.cases()) {
                // Public signals: one per 4 output bytes for logits, else one; then the two commitments.
                int signals = Math.max(1, c.output().length / 4) + 2;
                w = Math.addExact(w, BACKTEST_PER_CASE + VerifierWeights.verify(signals));
            }
            return w;
        }
        return DEPRECATE;
    }
}
