package io.zklayer.runtime.metadata;

import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.codec.ScaleReader;
import io.zklayer.primitives.hashing.StorageHasher;
import io.zklayer.primitives.hashing.StorageKeys;
import io.zklayer.primitives.trie.TrieEntry;
import io.zklayer.primitives.trie.TrieState;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Test support: decodes every stored value (and every readable map key) of every storage item the
 * metadata lists, with the types the metadata gives them, as a client reading state would. Any
 * pallet test can call it on its chain's state to show that the metadata describes what the
 * runtime really writes.
 */
public final class StorageDecodeCheck {
    private StorageDecodeCheck() {}

    /**
     * Decodes all storage of {@code state} that {@code metadata} describes; returns how many values
     * it decoded.
     *
     * @throws AssertionError naming the pallet, item and key of the first value that does not decode
     */
    public static int decodeAll(RuntimeMetadata metadata, TrieState state) {
        TypeDecoder decoder = new TypeDecoder(metadata.types());
        int decoded = 0;
        for (RuntimeMetadata.Pallet p : metadata.pallets()) {
            if (p.storage().isEmpty()) {
                continue;
            }
            String prefix = p.storage().get().prefix();
            for (RuntimeMetadata.StorageEntry e : p.storage().get().entries()) {
                byte[] itemPrefix = StorageKeys.prefix(prefix, e.name());
                if (e.keyType().isEmpty()) {
                    var value = state.get(itemPrefix);
                    if (value.isPresent()) {
                        decode(decoder, e.valueType(), value.get(), prefix + "." + e.name());
                        decoded++;
                    }
                    continue;
                }
                List<Integer> keyTypes = e.hashers().size() == 1 ? List.of(e.keyType().get())
                        : ((TypeDef.Tuple) metadata.types().type(e.keyType().get()).def()).types();
                Iterator<TrieEntry> it = state.iterator(itemPrefix);
                while (it.hasNext()) {
                    TrieEntry entry = it.next();
                    String where = prefix + "." + e.name() + "[" + io.zklayer.primitives.Hex.encode(entry.key()) + "]";
                    decodeKey(decoder, e.hashers(), keyTypes, Arrays.copyOfRange(entry.key(), 32, entry.key().length), where);
                    decode(decoder, e.valueType(), entry.value(), where);
                    decoded++;
                }
            }
        }
        return decoded;
    }

    private static void decodeKey(TypeDecoder decoder, List<StorageHasher> hashers, List<Integer> types, byte[] key,
                                  String where) {
        ScaleReader r = new ScaleReader(key);
        for (int i = 0; i < hashers.size(); i++) {
            StorageHasher h = hashers.get(i);
            if (!h.isTransparent()) {
                return;
            }
            r.raw(h.prefixLength(), "key hash");
            try {
                decoder.decode(types.get(i), r);
            } catch (ScaleDecodeException ex) {
                throw new AssertionError(where + ": key " + i + " does not decode: " + ex.getMessage(), ex);
            }
        }
        if (!r.isAtEnd()) {
            throw new AssertionError(where + ": " + r.remaining() + " key bytes left after the keys");
        }
    }

    private static void decode(TypeDecoder decoder, int type, byte[] value, String where) {
        try {
            decoder.decode(type, value);
        } catch (ScaleDecodeException ex) {
            throw new AssertionError(where + ": value does not decode: " + ex.getMessage(), ex);
        }
    }
}
