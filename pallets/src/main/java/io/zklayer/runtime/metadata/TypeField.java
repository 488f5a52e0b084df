package io.zklayer.runtime.metadata;

import java.util.List;
import java.util.Optional;

/**
 * A field of a composite type or enum variant, as scale-info describes it: an optional name (tuple
 * structs have none), the field's type id, the Rust type name as written in the source (a hint for
 * clients, e.g. {@code T::Balance}) and docs.
 *
 * @param name the field name, empty for unnamed fields
 * @param type the id of the field's type in the registry
 * @param typeName the source type name, if known
 * @param docs documentation lines
 */
public record TypeField(Optional<String> name, int type, Optional<String> typeName, List<String> docs) {
    public TypeField {
        docs = List.copyOf(docs);
    }

    /** Returns a named field with a type-name hint. */
    public static TypeField named(String name, int type, String typeName) {
        return new TypeField(Optional.of(name), type, Optional.ofNullable(typeName), List.of());
    }

    /** Returns an unnamed field with a type-name hint. */
    public static TypeField unnamed(int type, String typeName) {
        return new TypeField(Optional.empty(), type, Optional.ofNullable(typeName), List.of());
    }
}
