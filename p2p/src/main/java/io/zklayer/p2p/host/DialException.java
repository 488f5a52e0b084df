package io.zklayer.p2p.host;

/** A dial that could not start or did not yield an upgraded connection; the message says why. */
public final class DialException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the reason. */
    public DialException(String message) {
        super(message);
    }

    /** Creates the exception with the reason and cause. */
    public DialException(String message, Throwable cause) {
        super(message, cause);
    }
}
