package io.zklayer.zk;

/**
 * Thrown when bytes or JSON handed to the zk module do not encode a valid object: a field element
 * ≥ its modulus, a point off the curve or outside the prime-order subgroup, a wrong length, a
 * malformed snarkjs JSON document. The message names the rule and the place, for example
 * {@code "G1: point (1, 3) is not on y^2 = x^3 + 3"}.
 */
public final class ZkFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming what was wrong and where. */
    public ZkFormatException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the lower-level cause. */
    public ZkFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
