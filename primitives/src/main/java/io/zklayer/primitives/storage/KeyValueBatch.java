package io.zklayer.primitives.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Puts and deletes to apply to a {@link KeyValueStore} all together or not at all. Operations on
 * the same key apply in the order they were added: the last one wins.
 */
public final class KeyValueBatch {
    /**
     * One operation.
     *
     * @param column the column
     * @param key the key
     * @param value the new value, or null for a delete
     */
    public record Op(StoreColumn column, byte[] key, byte[] value) {}

    private final List<Op> ops = new ArrayList<>();

    /** Adds a put of {@code value} under {@code key} (both copied). */
    public KeyValueBatch put(StoreColumn column, byte[] key, byte[] value) {
        ops.add(new Op(Objects.requireNonNull(column, "column"), key.clone(), Objects.requireNonNull(value, "value").clone()));
        return this;
    }

    /** Adds a delete of {@code key}. */
    public KeyValueBatch delete(StoreColumn column, byte[] key) {
        ops.add(new Op(Objects.requireNonNull(column, "column"), key.clone(), null));
        return this;
    }

    /** Returns the operations in the order they were added. */
    public List<Op> ops() {
        return Collections.unmodifiableList(ops);
    }

    /** Returns how many operations the batch holds. */
    public int size() {
        return ops.size();
    }
}
