package io.zklayer.runtime.metadata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * scale-info's {@code PortableRegistry}: every type the metadata refers to, each at the position of
 * its id. The constructor refuses a registry that is not well formed, with a message naming the
 * offending type: ids out of order, a reference to an id that does not exist, or one path and
 * parameter list used for two different shapes.
 *
 * @param types the types; {@code types.get(i).id() == i}
 */
public record PortableRegistry(List<PortableType> types) {
    public PortableRegistry {
        types = List.copyOf(types);
        Map<String, PortableType> byPath = new HashMap<>();
        for (int i = 0; i < types.size(); i++) {
            PortableType t = types.get(i);
            if (t.id() != i) {
                throw new IllegalArgumentException("type at position " + i + " has id " + t.id());
            }
            for (int ref : t.def().referencedTypes()) {
                checkRef(types, t, ref);
            }
            for (TypeParameter p : t.params()) {
                if (p.type().isPresent()) {
                    checkRef(types, t, p.type().get());
                }
            }
            if (!t.path().isEmpty()) {
                String key = t.pathName() + t.params();
                PortableType other = byPath.putIfAbsent(key, t);
                if (other != null && !other.def().equals(t.def())) {
                    throw new IllegalArgumentException("types " + other.id() + " and " + t.id() + " share path "
                            + t.pathName() + " and parameters but differ in shape");
                }
            }
        }
    }

    private static void checkRef(List<PortableType> types, PortableType t, int ref) {
        if (ref < 0 || ref >= types.size()) {
            throw new IllegalArgumentException("type " + t.id() + " (" + t.pathName() + ") refers to type " + ref
                    + ", which does not exist (" + types.size() + " types)");
        }
    }

    /** Returns the type with id {@code id}. */
    public PortableType type(int id) {
        if (id < 0 || id >= types.size()) {
            throw new IllegalArgumentException("no type with id " + id + " (" + types.size() + " types)");
        }
        return types.get(id);
    }

    /** Returns the first type whose path is {@code path} (segments joined with {@code ::}), if any. */
    public java.util.Optional<PortableType> byPath(String path) {
        return types.stream().filter(t -> t.pathName().equals(path)).findFirst();
    }
}
