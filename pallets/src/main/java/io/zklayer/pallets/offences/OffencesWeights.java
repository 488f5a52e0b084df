package io.zklayer.pallets.offences;

/**
 * The declared weights of the Offences pallet's calls, in picoseconds of reference time.
 *
 * <p>{@code report_equivocation} verifies two ed25519 signatures (about 60 µs each on the reference
 * machine) over two header hashes or vote payloads, reads the report record, the epoch's reports, the
 * epoch schedule and one validator set (up to 64 keys), and on success writes the report, the
 * registration, the leaving or suspended list and up to three balance changes, with three events.
 * Evidence length (headers with large digests) is paid through the length fee.
 */
public final class OffencesWeights {
    private OffencesWeights() {}

    /** Reference time of {@code report_equivocation}. */
    public static final long REPORT_EQUIVOCATION = 2_000_000_000L;
}
