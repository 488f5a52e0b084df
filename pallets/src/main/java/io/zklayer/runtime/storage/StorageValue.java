package io.zklayer.runtime.storage;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.hashing.StorageKeys;
import java.util.List;
import java.util.Optional;

/**
 * A single value at {@code twox128(pallet) ‖ twox128(name)}, with a default for when it is absent.
 *
 * @param <V> the value type
 */
public final class StorageValue<V> {
    private final String pallet;
    private final String name;
    private final ScaleCodec<V> codec;
    private final V defaultValue;
    private final String docs;
    private final byte[] key;

    /** Declares a value; {@code defaultValue} may be null for items read as {@link Optional}. */
    public StorageValue(String pallet, String name, ScaleCodec<V> codec, V defaultValue, String docs) {
        this.pallet = pallet;
        this.name = name;
        this.codec = codec;
        this.defaultValue = defaultValue;
        this.docs = docs;
        this.key = StorageKeys.prefix(pallet, name);
    }

    /** Returns the storage key. */
    public byte[] key() {
        return key.clone();
    }

    /** Returns the value, or the default when absent. */
    public V get(TrieState s) {
        return getOptional(s).orElse(defaultValue);
    }

    /** Returns the value if present. */
    public Optional<V> getOptional(TrieState s) {
        return s.get(key).map(raw -> decodeStored(codec, raw, pallet + "." + name));
    }

    /** Sets the value. */
    public void put(TrieState s, V value) {
        s.put(key, codec.encode(value));
    }

    /** Removes the value. */
    public void kill(TrieState s) {
        s.remove(key);
    }

    /** Returns whether a value is stored. */
    public boolean exists(TrieState s) {
        return s.exists(key);
    }

    /** Returns the description for the runtime description and metadata. */
    public StorageEntryDescriptor descriptor() {
        return StorageEntryDescriptor.of(pallet, name, List.of(), List.of(), codec,
                defaultValue == null ? null : codec.encode(defaultValue), docs);
    }

    static <T> T decodeStored(ScaleCodec<T> codec, byte[] raw, String what) {
        try {
            return codec.decode(raw);
        } catch (ScaleDecodeException e) {
            throw new IllegalStateException("state corrupt: " + what + " does not decode: " + e.getMessage(), e);
        }
    }
}
