package io.zklayer.runtime.storage;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.trie.TrieEntry;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.hashing.StorageHasher;
import io.zklayer.primitives.hashing.StorageKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A map at {@code twox128(pallet) ‖ twox128(name) ‖ hasher(SCALE(key))}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class StorageMap<K, V> {
    private final String pallet;
    private final String name;
    private final StorageHasher hasher;
    private final ScaleCodec<K> keyCodec;
    private final ScaleCodec<V> valueCodec;
    private final V defaultValue;
    private final String docs;
    private final byte[] prefix;

    /** Declares a map; {@code defaultValue} may be null for items read as {@link Optional}. */
    public StorageMap(String pallet, String name, StorageHasher hasher, ScaleCodec<K> keyCodec, ScaleCodec<V> valueCodec,
                      V defaultValue, String docs) {
        this.pallet = pallet;
        this.name = name;
        this.hasher = hasher;
        this.keyCodec = keyCodec;
        this.valueCodec = valueCodec;
        this.defaultValue = defaultValue;
        this.docs = docs;
        this.prefix = StorageKeys.prefix(pallet, name);
    }

    /** Returns the full storage key of {@code key}. */
    public byte[] key(K key) {
        byte[] hashed = hasher.hash(keyCodec.encode(key));
        byte[] out = Arrays.copyOf(prefix, prefix.length + hashed.length);
        System.arraycopy(hashed, 0, out, prefix.length, hashed.length);
        return out;
    }

    /** Returns the 32-byte prefix shared by every entry. */
    public byte[] prefix() {
        return prefix.clone();
    }

    /** Returns the value at {@code key}, or the default when absent. */
    public V get(TrieState s, K key) {
        return getOptional(s, key).orElse(defaultValue);
    }

    /** Returns the value at {@code key} if present. */
    public Optional<V> getOptional(TrieState s, K key) {
        return s.get(key(key)).map(raw -> StorageValue.decodeStored(valueCodec, raw, pallet + "." + name));
    }

    /** Sets the value at {@code key}. */
    public void put(TrieState s, K key, V value) {
        s.put(key(key), valueCodec.encode(value));
    }

    /** Removes {@code key}. */
    public void remove(TrieState s, K key) {
        s.remove(key(key));
    }

    /** Returns whether {@code key} has a value. */
    public boolean contains(TrieState s, K key) {
        return s.exists(key(key));
    }

    /**
     * Returns every entry in storage-key order (the order of the hashed keys). Needs a transparent
     * hasher (Blake2_128Concat, Twox64Concat, Identity) to read the keys back.
     */
    public List<Map.Entry<K, V>> entries(TrieState s) {
        if (!hasher.isTransparent()) {
            throw new IllegalStateException(pallet + "." + name + " uses " + hasher + ", whose keys cannot be read back");
        }
        List<Map.Entry<K, V>> out = new ArrayList<>();
        Iterator<TrieEntry> entries = s.iterator(prefix);
        while (entries.hasNext()) {
            TrieEntry entry = entries.next();
            byte[] full = entry.key();
            byte[] encodedKey = Arrays.copyOfRange(full, prefix.length + hasher.prefixLength(), full.length);
            K k = StorageValue.decodeStored(keyCodec, encodedKey, pallet + "." + name + " key");
            V v = StorageValue.decodeStored(valueCodec, entry.value(), pallet + "." + name);
            out.add(Map.entry(k, v));
        }
        return out;
    }

    /** Returns the description for the runtime description and metadata. */
    public StorageEntryDescriptor descriptor() {
        return StorageEntryDescriptor.of(pallet, name, List.of(hasher), List.of(keyCodec), valueCodec,
                defaultValue == null ? null : valueCodec.encode(defaultValue), docs);
    }
}
