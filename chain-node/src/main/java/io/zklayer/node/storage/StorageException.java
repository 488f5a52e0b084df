package io.zklayer.node.storage;

/** A storage failure the operator or caller must see: wrong schema, pruned state, broken chain rule, I/O. */
public class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the rule that failed. */
    public StorageException(String message) {
        super(message);
    }

    /** Creates the exception with a message and its cause. */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
