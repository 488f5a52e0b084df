package io.zklayer.primitives.model;

/**
 * A model file or model description breaks the format: the message names the field and, for
 * binary input, the byte offset, e.g. {@code "model: layer 1 (dense) expects 64 inputs but the
 * previous layer gives 32"}.
 */
public final class ModelFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming what was wrong and where. */
    public ModelFormatException(String message) {
        super(message);
    }

    /** Creates the exception wrapping a lower-level decoding error. */
    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
