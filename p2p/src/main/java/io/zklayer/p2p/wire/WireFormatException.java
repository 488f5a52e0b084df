package io.zklayer.p2p.wire;

/**
 * Bytes from a peer that break a wire format rule; the message names the rule and where it broke.
 * Handlers catch it at the connection or stream edge and close or penalise the peer.
 */
public final class WireFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the broken rule. */
    public WireFormatException(String message) {
        super(message);
    }

    /** Creates the exception with a message naming the broken rule and the cause. */
    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
