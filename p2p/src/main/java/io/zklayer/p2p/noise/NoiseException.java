package io.zklayer.p2p.noise;

/** A noise handshake or transport message that fails a rule; the message names the rule. */
public final class NoiseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public NoiseException(String message) {
        super(message);
    }
}
