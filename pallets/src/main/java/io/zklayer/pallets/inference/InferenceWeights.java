package io.zklayer.pallets.inference;

/** Weights of Inference calls and hooks in reference-time units, estimated from their work. */
public final class InferenceWeights {
    /** Submitting: model read, escrow reserve, workload and queue writes, an event. */
    public static final long SUBMIT_WORKLOAD = 100_000_000;
    /** Each inline input byte: its share of the Poseidon input commitment. */
    public static final long PER_INPUT_BYTE = 2_000_000;
    /** A result: workload and model reads, payout and refund, writes, an event. */
    public static final long SUBMIT_RESULT = 150_000_000;
    /** One Groth16 verification (three pairings). */
    public static final long VERIFY_PROOF = 8_000_000_000L;
    /** Each output byte: decoding and the event. */
    public static final long PER_OUTPUT_BYTE = 100_000;
    /** The block hook's fixed part: queue and deadline reads. */
    public static final long HOOK_BASE = 20_000_000;
    /** Each queued or due workload the hook looks at. */
    public static final long PER_WORKLOAD = 25_000_000;

    private InferenceWeights() {}

    /** Returns the weight of {@code call}. */
    public static long of(InferenceCall call) {
        if (call instanceof InferenceCall.SubmitWorkload s) {
            long bytes = s.input() instanceof WorkloadInput.Inline i ? i.bytes().length : 0;
            return SUBMIT_WORKLOAD + PER_INPUT_BYTE * bytes;
        }
        InferenceCall.SubmitResult r = (InferenceCall.SubmitResult) call;
        return SUBMIT_RESULT + VERIFY_PROOF + PER_OUTPUT_BYTE * r.output().length;
    }
}
