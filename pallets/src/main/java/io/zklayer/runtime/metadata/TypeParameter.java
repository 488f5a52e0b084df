package io.zklayer.runtime.metadata;

import java.util.Optional;

/**
 * A generic parameter of a type, e.g. {@code T} of {@code Option<T>}: its name and, unless the
 * parameter is only a marker (FRAME's {@code T: Config} of a pallet's {@code Call<T>}), the id of
 * the type it was instantiated with.
 *
 * @param name the parameter name
 * @param type the id of the concrete type, empty for marker parameters
 */
public record TypeParameter(String name, Optional<Integer> type) {
    /** Returns a parameter bound to type {@code id}. */
    public static TypeParameter of(String name, int id) {
        return new TypeParameter(name, Optional.of(id));
    }

    /** Returns a marker parameter with no concrete type. */
    public static TypeParameter marker(String name) {
        return new TypeParameter(name, Optional.empty());
    }
}
