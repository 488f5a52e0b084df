package io.zklayer.p2p.host;

/** The peer supports none of the proposed protocols, or the stream failed during negotiation. */
public final class StreamNegotiationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the reason. */
    public StreamNegotiationException(String message) {
        super(message);
    }
}
