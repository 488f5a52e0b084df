package io.zklayer.primitives.crypto;

/**
 * Thrown when text is not a valid SS58 address; {@link #reason()} says which rule it broke so that
 * callers (RPC parameter checks, the CLI) can answer precisely.
 */
public final class Ss58Exception extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Which SS58 rule the text broke. */
    public enum Reason {
        /** A character outside the base58 Bitcoin alphabet. */
        BAD_CHARACTER,
        /** The decoded bytes are not prefix (1 or 2 bytes) ‖ payload (32 bytes for an account) ‖ 2-byte checksum. */
        BAD_LENGTH,
        /** The first byte is 128 or more, which no SS58 prefix encoding uses. */
        BAD_PREFIX,
        /** The two checksum bytes differ from blake2b-512("SS58PRE" ‖ prefix ‖ payload). */
        BAD_CHECKSUM
    }

    private final Reason reason;

    Ss58Exception(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Returns the rule the address broke. */
    public Reason reason() {
        return reason;
    }
}
