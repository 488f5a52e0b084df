package io.zklayer.runtime.metadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link PortableRegistry}: each distinct type is added once and gets the next id, so
 * {@code sequence(u8)} asked for twice returns the same id. Recursive types (a {@code RuntimeCall}
 * that holds calls, as {@code Sudo.sudo} does) first {@link #reserve} an id, build what refers to it,
 * then {@link #define} it.
 *
 * <p>{@link #build} checks the registry is well formed: every id defined, every referenced id
 * present, and no two types with the same path and parameters but different shapes (clients name
 * types by path, so that would make one name mean two encodings).
 */
public final class TypeRegistryBuilder {
    private final List<PortableType> types = new ArrayList<>();
    private final List<String> reservedFor = new ArrayList<>();
    /** Lookup only: never iterated, so the output order does not depend on hashing. */
    private final Map<Key, Integer> interned = new HashMap<>();

    private record Key(List<String> path, List<TypeParameter> params, TypeDef def, List<String> docs) {}

    /** Returns the id of the type with these parts, adding it if it is new. */
    public int add(List<String> path, List<TypeParameter> params, TypeDef def, List<String> docs) {
        Key key = new Key(List.copyOf(path), List.copyOf(params), Objects.requireNonNull(def), List.copyOf(docs));
        Integer existing = interned.get(key);
        if (existing != null) {
            return existing;
        }
        int id = types.size();
        types.add(new PortableType(id, key.path, key.params, def, key.docs));
        reservedFor.add(null);
        interned.put(key, id);
        return id;
    }

    /** Returns the id of a structural type (no path, parameters or docs). */
    public int add(TypeDef def) {
        return add(List.of(), List.of(), def, List.of());
    }

    /** Returns the id of a primitive. */
    public int primitive(PrimitiveType p) {
        return add(new TypeDef.Primitive(p));
    }

    /** Returns the id of {@code Vec<T>}. */
    public int sequence(int element) {
        return add(new TypeDef.Sequence(element));
    }

    /** Returns the id of {@code [T; length]}. */
    public int array(long length, int element) {
        return add(new TypeDef.Array(length, element));
    }

    /** Returns the id of the tuple of {@code elements} ({@code ()} when empty). */
    public int tuple(List<Integer> elements) {
        return add(new TypeDef.Tuple(elements));
    }

    /** Returns the id of {@code Compact<T>}. */
    public int compact(int inner) {
        return add(new TypeDef.Compact(inner));
    }

    /** Reserves an id for a type defined later with {@link #define}; {@code what} names it in errors. */
    public int reserve(String what) {
        int id = types.size();
        types.add(null);
        reservedFor.add(Objects.requireNonNull(what));
        return id;
    }

    /** Defines a reserved type. */
    public void define(int id, List<String> path, List<TypeParameter> params, TypeDef def, List<String> docs) {
        if (id < 0 || id >= types.size() || reservedFor.get(id) == null || types.get(id) != null) {
            throw new IllegalStateException("type id " + id + " is not a reserved, undefined type");
        }
        types.set(id, new PortableType(id, path, params, def, docs));
    }

    /** Returns the type with id {@code id}, which must be defined. */
    public PortableType type(int id) {
        PortableType t = types.get(id);
        if (t == null) {
            throw new IllegalStateException("type id " + id + " (" + reservedFor.get(id) + ") is reserved but not defined");
        }
        return t;
    }

    /** Returns how many ids are in use. */
    public int size() {
        return types.size();
    }

    /** Returns the registry, checking that it is well formed. */
    public PortableRegistry build() {
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i) == null) {
                throw new IllegalStateException("type id " + i + " reserved for " + reservedFor.get(i) + " was never defined");
            }
        }
        return new PortableRegistry(types);
    }
}
