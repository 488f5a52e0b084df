package io.zklayer.pallets.offences;

import io.zklayer.runtime.Permill;

/**
 * The constants of the Offences pallet.
 *
 * @param slashShare the share of a registered validator's bond slashed per proven equivocation
 * @param reporterShare the share of the slashed amount paid to whoever reported the offence
 * @param historyDepth how many past epochs' validator sets are kept (besides the current one):
 *     evidence from older epochs is refused, and reports are remembered as long as such evidence is
 *     accepted, 1…1024
 * @param maxReportsPerEpoch the most reports accepted in one epoch (bounds the report records), 1…65536
 */
public record OffencesParameters(Permill slashShare, Permill reporterShare, int historyDepth, int maxReportsPerEpoch) {
    /** Checks the ranges. */
    public OffencesParameters {
        java.util.Objects.requireNonNull(slashShare, "slashShare");
        java.util.Objects.requireNonNull(reporterShare, "reporterShare");
        if (historyDepth < 1 || historyDepth > 1024) {
            throw new IllegalArgumentException("offences: historyDepth must be 1…1024 epochs, got " + historyDepth);
        }
        if (maxReportsPerEpoch < 1 || maxReportsPerEpoch > 65_536) {
            throw new IllegalArgumentException("offences: maxReportsPerEpoch must be 1…65536, got " + maxReportsPerEpoch);
        }
    }

    /**
     * Returns the preset values: 10% of the bond slashed per offence, 10% of that to the reporter,
     * the sets of the last 16 epochs kept, at most 256 reports per epoch.
     */
    public static OffencesParameters defaults() {
        return new OffencesParameters(new Permill(100_000), new Permill(100_000), 16, 256);
    }
}
