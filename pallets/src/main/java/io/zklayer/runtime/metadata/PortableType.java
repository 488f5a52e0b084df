package io.zklayer.runtime.metadata;

import java.util.List;

/**
 * One entry of the portable type registry: its id (its position in the registry), its Rust path
 * (empty for structural types such as {@code Vec<T>} or tuples), generic parameters, shape and docs.
 * {@code frame_system::AccountInfo<u32, AccountData<u128>>} has path
 * {@code ["frame_system", "AccountInfo"]} and parameters {@code Nonce} and {@code AccountData}.
 *
 * @param id the type's id
 * @param path the Rust path segments
 * @param params the generic parameters
 * @param def the shape
 * @param docs documentation lines
 */
public record PortableType(int id, List<String> path, List<TypeParameter> params, TypeDef def, List<String> docs) {
    public PortableType {
        path = List.copyOf(path);
        params = List.copyOf(params);
        docs = List.copyOf(docs);
    }

    /** Returns the path joined with {@code ::}, e.g. {@code sp_core::crypto::AccountId32}. */
    public String pathName() {
        return String.join("::", path);
    }
}
