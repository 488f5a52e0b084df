package io.zklayer.node.storage;

/** Thrown when a database was written with another schema version or pruning mode than this node uses. */
public final class IncompatibleSchemaException extends StorageException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception naming both sides of the mismatch. */
    public IncompatibleSchemaException(String message) {
        super(message);
    }
}
