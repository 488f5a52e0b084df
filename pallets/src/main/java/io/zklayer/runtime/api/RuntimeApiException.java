package io.zklayer.runtime.api;

/**
 * A runtime API call that cannot be answered: an unknown method, input that does not decode as the
 * method's parameters, or a block that does not execute. The message says which, in Substrate's
 * words where it has them ({@code Exported method Foo_bar is not found}).
 */
public final class RuntimeApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public RuntimeApiException(String message) {
        super(message);
    }

    /** Creates the exception with its cause. */
    public RuntimeApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
