package io.zklayer.pallets.system;

/**
 * Weights of System calls in reference-time units (picoseconds on the reference machine). The
 * numbers are conservative estimates from the storage operations each call performs.
 */
public final class SystemWeights {
    /** One storage read. */
    public static final long STORAGE_READ = 25_000_000;
    /** One storage write. */
    public static final long STORAGE_WRITE = 100_000_000;
    /** Depositing an event. */
    public static final long EVENT = 10_000_000;

    private SystemWeights() {}

    /** Returns the weight of a remark of {@code len} bytes. */
    public static long remark(int len) {
        return 2_000_000 + 500L * len;
    }
}
