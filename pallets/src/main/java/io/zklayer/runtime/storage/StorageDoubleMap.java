package io.zklayer.runtime.storage;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.trie.TrieEntry;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.hashing.StorageHasher;
import io.zklayer.primitives.hashing.StorageKeys;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A map with two keys at {@code twox128(pallet) ‖ twox128(name) ‖ hasher1(k1) ‖ hasher2(k2)}, so
 * all entries of one first key share a prefix and can be iterated or cleared together.
 *
 * @param <K1> the first key type
 * @param <K2> the second key type
 * @param <V> the value type
 */
public final class StorageDoubleMap<K1, K2, V> {
    private final String pallet;
    private final String name;
    private final StorageHasher hasher1;
    private final ScaleCodec<K1> key1Codec;
    private final StorageHasher hasher2;
    private final ScaleCodec<K2> key2Codec;
    private final ScaleCodec<V> valueCodec;
    private final V defaultValue;
    private final String docs;
    private final byte[] prefix;

    /** Declares a double map; {@code defaultValue} may be null for items read as {@link Optional}. */
    public StorageDoubleMap(String pallet, String name, StorageHasher hasher1, ScaleCodec<K1> key1Codec,
                            StorageHasher hasher2, ScaleCodec<K2> key2Codec, ScaleCodec<V> valueCodec,
                            V defaultValue, String docs) {
        this.pallet = pallet;
        this.name = name;
        this.hasher1 = hasher1;
        this.key1Codec = key1Codec;
        this.hasher2 = hasher2;
        this.key2Codec = key2Codec;
        this.valueCodec = valueCodec;
        this.defaultValue = defaultValue;
        this.docs = docs;
        this.prefix = StorageKeys.prefix(pallet, name);
    }

    /** Returns the prefix shared by every entry whose first key is {@code k1}. */
    public byte[] prefix(K1 k1) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        out.writeBytes(hasher1.hash(key1Codec.encode(k1)));
        return out.toByteArray();
    }

    /** Returns the full storage key of ({@code k1}, {@code k2}). */
    public byte[] key(K1 k1, K2 k2) {
        byte[] p = prefix(k1);
        byte[] h2 = hasher2.hash(key2Codec.encode(k2));
        byte[] out = Arrays.copyOf(p, p.length + h2.length);
        System.arraycopy(h2, 0, out, p.length, h2.length);
        return out;
    }

    /** Returns the value, or the default when absent. */
    public V get(TrieState s, K1 k1, K2 k2) {
        return getOptional(s, k1, k2).orElse(defaultValue);
    }

    /** Returns the value if present. */
    public Optional<V> getOptional(TrieState s, K1 k1, K2 k2) {
        return s.get(key(k1, k2)).map(raw -> StorageValue.decodeStored(valueCodec, raw, pallet + "." + name));
    }

    /** Sets the value. */
    public void put(TrieState s, K1 k1, K2 k2, V value) {
        s.put(key(k1, k2), valueCodec.encode(value));
    }

    /** Removes the entry. */
    public void remove(TrieState s, K1 k1, K2 k2) {
        s.remove(key(k1, k2));
    }

    /** Returns whether the entry exists. */
    public boolean contains(TrieState s, K1 k1, K2 k2) {
        return s.exists(key(k1, k2));
    }

    /** Returns the entries under {@code k1} in storage-key order (needs a transparent second hasher). */
    public List<Map.Entry<K2, V>> entriesOf(TrieState s, K1 k1) {
        if (!hasher2.isTransparent()) {
            throw new IllegalStateException(pallet + "." + name + " uses " + hasher2 + ", whose keys cannot be read back");
        }
        byte[] p = prefix(k1);
        List<Map.Entry<K2, V>> out = new ArrayList<>();
        Iterator<TrieEntry> entries = s.iterator(p);
        while (entries.hasNext()) {
            TrieEntry entry = entries.next();
            byte[] full = entry.key();
            byte[] encoded = Arrays.copyOfRange(full, p.length + hasher2.prefixLength(), full.length);
            out.add(Map.entry(StorageValue.decodeStored(key2Codec, encoded, pallet + "." + name + " key2"),
                    StorageValue.decodeStored(valueCodec, entry.value(), pallet + "." + name)));
        }
        return out;
    }

    /** Removes every entry under {@code k1}; returns how many. */
    public int clear(TrieState s, K1 k1) {
        return s.clearPrefix(prefix(k1));
    }

    /** Returns the description for the runtime description and metadata. */
    public StorageEntryDescriptor descriptor() {
        return StorageEntryDescriptor.of(pallet, name, List.of(hasher1, hasher2), List.of(key1Codec, key2Codec),
                valueCodec, defaultValue == null ? null : valueCodec.encode(defaultValue), docs);
    }
}
