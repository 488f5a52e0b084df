package io.zklayer.genesis;

/**
 * Thrown when a chain spec is malformed or breaks a genesis rule. The message starts with the JSON
 * path of the offending value, so that the operator can find it in the file:
 * {@code genesis.runtimeGenesis.config.balances.balances[2][0]: bad SS58 checksum}.
 *
 * <p>A path of {@code $} means the document as a whole (too large, not JSON).
 */
public final class ChainSpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String reason;

    /** Creates the exception for the value at {@code path} that broke the rule {@code reason}. */
    public ChainSpecException(String path, String reason) {
        super(path + ": " + reason);
        this.path = path;
        this.reason = reason;
    }

    /** Creates the exception with the exception that revealed the problem. */
    public ChainSpecException(String path, String reason, Throwable cause) {
        super(path + ": " + reason, cause);
        this.path = path;
        this.reason = reason;
    }

    /** Returns the JSON path of the offending value, such as {@code properties.ss58Format}. */
    public String path() {
        return path;
    }

    /** Returns what was wrong, without the path. */
    public String reason() {
        return reason;
    }
}
