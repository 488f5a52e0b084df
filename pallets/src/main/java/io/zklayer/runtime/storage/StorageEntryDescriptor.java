package io.zklayer.runtime.storage;

import io.zklayer.primitives.hashing.StorageHasher;
import java.util.List;

/**
 * What the runtime description (and later the metadata) says of one storage item.
 *
 * @param pallet the pallet's storage prefix, e.g. {@code System}
 * @param name the item's name, e.g. {@code Account}
 * @param hashers the key hashers, empty for a plain value
 * @param keyTypes the SCALE type names of the keys, one per hasher
 * @param valueType the SCALE type name of the value
 * @param defaultValue the encoding returned for an absent key (null for Option-style items)
 * @param docs one line saying what the item holds
 */
public record StorageEntryDescriptor(String pallet, String name, List<StorageHasher> hashers, List<String> keyTypes,
                                     String valueType, byte[] defaultValue, String docs) {
    public StorageEntryDescriptor {
        hashers = List.copyOf(hashers);
        keyTypes = List.copyOf(keyTypes);
    }
}
