package io.zklayer.primitives.storage;

/**
 * A column of a {@link KeyValueStore}: a separate key space with a fixed byte id that is never
 * reused for another meaning once released.
 */
public interface StoreColumn {
    /** Returns the column's fixed id (1…255). */
    int id();

    /** Returns a readable name, used in messages and as part of the on-disk column name. */
    String name();
}
