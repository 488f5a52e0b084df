package io.zklayer.node.cli;

/**
 * Thrown when command-line values cannot make a valid {@link NodeConfig}; the message names the
 * flag and the rule, for example {@code --rpc-port must be 0…65535, got 70000}.
 */
public final class InvalidConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Returns an exception with an operator-facing message that names the flag. */
    public InvalidConfigException(String message) {
        super(message);
    }

    /** Returns an exception with an operator-facing message and the underlying cause. */
    public InvalidConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    static int checkPort(String flag, int port) {
        if (port < 0 || port > 65535) {
            throw new InvalidConfigException(flag + " must be 0…65535, got " + port);
        }
        return port;
    }

    static int checkRange(String flag, int value, int min, int max, String unit) {
        if (value < min || value > max) {
            throw new InvalidConfigException(flag + " must be " + min + "…" + max + unit + ", got " + value);
        }
        return value;
    }
}
