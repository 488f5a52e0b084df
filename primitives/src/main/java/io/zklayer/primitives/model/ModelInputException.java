package io.zklayer.primitives.model;

/**
 * An inference input does not match the model's input spec: wrong length or a value outside the
 * declared range. The message names which, e.g. {@code "input[5] = 20 is outside [0, 16]"}.
 */
public final class ModelInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the offending element. */
    public ModelInputException(String message) {
        super(message);
    }
}
