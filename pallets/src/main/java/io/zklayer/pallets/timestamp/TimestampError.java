package io.zklayer.pallets.timestamp;

/**
 * Why a block's timestamp inherent is invalid. These make the whole block invalid (they are not
 * dispatch errors of a user's call), so they are reported by the executive as block errors.
 */
public enum TimestampError {
    /** The timestamp was set twice in one block. */
    SET_TWICE("Timestamp must be updated only once in the block"),
    /** The timestamp is less than the previous one plus the minimum period. */
    TOO_EARLY("Timestamp must increment by at least MinimumPeriod between sequential blocks"),
    /** The block ended without a timestamp. */
    MISSING("Timestamp must be updated once in the block");

    private final String message;

    TimestampError(String message) {
        this.message = message;
    }

    /** Returns Substrate's message for this failure. */
    public String message() {
        return message;
    }
}
