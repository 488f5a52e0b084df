package io.zklayer.p2p.reqresp;

/** A request that got no valid response; {@link #reason()} says which way it failed. */
public final class RequestFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a request failed. */
    public enum Reason {
        /** No connection to the peer, or the peer does not serve the protocol. */
        UNAVAILABLE,
        /** No whole response within the timeout. */
        TIMEOUT,
        /** The response's length prefix exceeded the limit. */
        RESPONSE_TOO_LARGE,
        /** The response was not one length-prefixed message. */
        MALFORMED,
        /** The peer reset or closed the stream without a response. */
        NO_RESPONSE,
        /** The request exceeded the local limit and was not sent. */
        REQUEST_TOO_LARGE
    }

    private final Reason reason;

    /** Creates the exception. */
    public RequestFailedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Returns why the request failed. */
    public Reason reason() {
        return reason;
    }
}
