package io.zklayer.genesis;

import io.zklayer.primitives.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The raw form of a chain spec's genesis, {@code genesis.raw}: every key and value of the genesis
 * state, as Substrate writes it after {@code build-spec --raw}:
 *
 * <pre>
 * "raw": {
 *   "top": {"0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9…": "0x000000000…", ...},
 *   "childrenDefault": {}
 * }
 * </pre>
 *
 * <p>Keys are kept in ascending unsigned byte order, so equal states compare equal and are written
 * identically. Child tries ({@code childrenDefault}) are not supported by the runtime and are
 * rejected when reading. Immutable: accessors copy.
 */
public final class RawGenesis implements SpecGenesis {
    /** The JSON path of the top trie's entries. */
    public static final String TOP_PATH = "genesis.raw.top";

    private final TreeMap<byte[], byte[]> top;

    /** Creates the raw genesis with the entries of {@code top} (copied). */
    public RawGenesis(Map<byte[], byte[]> top) {
        this.top = new TreeMap<>(Arrays::compareUnsigned);
        top.forEach((k, v) -> {
            byte[] old = this.top.put(Objects.requireNonNull(k, "key").clone(), Objects.requireNonNull(v, "value").clone());
            if (old != null) {
                throw new IllegalArgumentException("raw genesis: key " + Hex.encode(k) + " is given twice");
            }
        });
    }

    /** Returns the number of entries. */
    public int size() {
        return top.size();
    }

    /** Returns the value of {@code key}, or empty. */
    public Optional<byte[]> get(byte[] key) {
        return Optional.ofNullable(top.get(key)).map(byte[]::clone);
    }

    /** Returns the entries in ascending unsigned key order (copies). */
    public List<Map.Entry<byte[], byte[]>> entries() {
        List<Map.Entry<byte[], byte[]>> out = new ArrayList<>(top.size());
        top.forEach((k, v) -> out.add(Map.entry(k.clone(), v.clone())));
        return Collections.unmodifiableList(out);
    }

    /** Returns a copy with {@code key} set to {@code value}: a new entry or a replaced value. */
    public RawGenesis with(byte[] key, byte[] value) {
        TreeMap<byte[], byte[]> copy = new TreeMap<>(top);
        copy.put(key.clone(), value.clone());
        return new RawGenesis(copy);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RawGenesis other) || other.top.size() != top.size()) {
            return false;
        }
        Iterator<Map.Entry<byte[], byte[]>> a = top.entrySet().iterator();
        Iterator<Map.Entry<byte[], byte[]>> b = other.top.entrySet().iterator();
        while (a.hasNext()) {
            Map.Entry<byte[], byte[]> x = a.next();
            Map.Entry<byte[], byte[]> y = b.next();
            if (!Arrays.equals(x.getKey(), y.getKey()) || !Arrays.equals(x.getValue(), y.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (Map.Entry<byte[], byte[]> e : top.entrySet()) {
            h = 31 * h + Arrays.hashCode(e.getKey());
            h = 31 * h + Arrays.hashCode(e.getValue());
        }
        return h;
    }

    @Override
    public String toString() {
        return "RawGenesis[" + top.size() + " entries]";
    }
}
