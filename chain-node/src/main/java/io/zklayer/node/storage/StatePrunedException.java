package io.zklayer.node.storage;

/** Thrown when the state of a block is asked for after pruning removed it. */
public final class StatePrunedException extends StorageException {
    private static final long serialVersionUID = 1L;
    private final long number;

    /** Creates the exception for block {@code number}. */
    public StatePrunedException(long number, String message) {
        super(message);
        this.number = number;
    }

    /** Returns the number of the block whose state is gone. */
    public long number() {
        return number;
    }
}
