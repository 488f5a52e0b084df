package io.zklayer.runtime.storage;

import io.zklayer.primitives.codec.ScaleCodec;
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
 * @param keyCodecs the codecs of the keys, one per hasher, or empty when only the names are known
 * @param valueCodec the codec of the value, or null when only its name is known; the metadata reads
 *     records and enums field by field through these codecs
 */
public record StorageEntryDescriptor(String pallet, String name, List<StorageHasher> hashers, List<String> keyTypes,
                                     String valueType, byte[] defaultValue, String docs,
                                     List<ScaleCodec<?>> keyCodecs, ScaleCodec<?> valueCodec) {
    public StorageEntryDescriptor {
        hashers = List.copyOf(hashers);
        keyTypes = List.copyOf(keyTypes);
        keyCodecs = List.copyOf(keyCodecs);
        if (keyTypes.size() != hashers.size() || (!keyCodecs.isEmpty() && keyCodecs.size() != hashers.size())) {
            throw new IllegalArgumentException(pallet + "." + name + ": one key type (and codec) per hasher");
        }
    }

    /** Describes an item by type names only (no codecs). */
    public StorageEntryDescriptor(String pallet, String name, List<StorageHasher> hashers, List<String> keyTypes,
                                  String valueType, byte[] defaultValue, String docs) {
        this(pallet, name, hashers, keyTypes, valueType, defaultValue, docs, List.of(), null);
    }

    /** Describes an item by its codecs (their type names fill the name fields). */
    public static StorageEntryDescriptor of(String pallet, String name, List<StorageHasher> hashers,
                                            List<ScaleCodec<?>> keyCodecs, ScaleCodec<?> valueCodec,
                                            byte[] defaultValue, String docs) {
        return new StorageEntryDescriptor(pallet, name, hashers, keyCodecs.stream().map(ScaleCodec::typeName).toList(),
                valueCodec.typeName(), defaultValue, docs, keyCodecs, valueCodec);
    }
}
