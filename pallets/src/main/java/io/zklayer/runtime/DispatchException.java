package io.zklayer.runtime;

/**
 * Carries a {@link DispatchError} out of a pallet call to the dispatch boundary, where the
 * executive rolls the call's storage layer back and records the error in {@code ExtrinsicFailed}.
 * It never leaves the runtime: callers of the runtime see typed outcomes.
 */
public final class DispatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient DispatchError error;

    /** Creates the exception for {@code error}. */
    public DispatchException(DispatchError error) {
        super(error.describe(), null, false, false);
        this.error = error;
    }

    /** Returns the error. */
    public DispatchError error() {
        return error;
    }
}
