package io.zklayer.runtime;

/**
 * Thrown inside the runtime when a block breaks a rule that makes the whole block invalid (a
 * missing timestamp, an inherent set twice), as opposed to a user's call failing. The executive
 * turns it into a typed import failure; the block is rejected and nothing is written.
 */
public final class InvalidBlockException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the rule that was broken. */
    public InvalidBlockException(String rule) {
        super(rule);
    }
}
