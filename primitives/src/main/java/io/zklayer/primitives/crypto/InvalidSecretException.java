package io.zklayer.primitives.crypto;

/**
 * Thrown when a mnemonic, secret URI, seed or derivation path cannot give a key;
 * {@link #reason()} says which rule it broke.
 *
 * <p>Messages name the offending part (a word and its position, a junction, a digit count) but
 * never repeat a whole phrase, seed or password.
 */
public final class InvalidSecretException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Which rule the secret broke. */
    public enum Reason {
        /** The secret URI does not have the shape {@code [phrase](/junction|//junction)*[///password]}. */
        BAD_FORMAT,
        /** A mnemonic with other than 12, 15, 18, 21 or 24 words. */
        BAD_WORD_COUNT,
        /** A mnemonic word that is not in the BIP-39 English wordlist. */
        UNKNOWN_WORD,
        /** The mnemonic's checksum bits differ from the first bits of sha256(entropy). */
        BAD_CHECKSUM,
        /** Entropy that is not 16, 20, 24, 28 or 32 bytes. */
        BAD_ENTROPY_LENGTH,
        /** A {@code 0x} seed that is not exactly 64 hex digits. */
        BAD_SEED,
        /** A soft junction ({@code /name}) in a path for a key type that only derives hard junctions. */
        SOFT_JUNCTION
    }

    private final Reason reason;

    InvalidSecretException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Returns the rule the secret broke. */
    public Reason reason() {
        return reason;
    }
}
