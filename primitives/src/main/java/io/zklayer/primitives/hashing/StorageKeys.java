package io.zklayer.primitives.hashing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds Substrate storage keys: {@code twox128(pallet) ‖ twox128(item) ‖ hasher(key) ‖ …}.
 *
 * <p>{@code StorageKeys.prefix("System", "Account")} →
 * {@code 0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9}.
 */
public final class StorageKeys {
    private StorageKeys() {}

    /** Returns the 32-byte prefix of a storage item: twox128(pallet) ‖ twox128(item). */
    public static byte[] prefix(String pallet, String item) {
        byte[] out = new byte[32];
        System.arraycopy(Hashing.twox128(pallet.getBytes(StandardCharsets.UTF_8)), 0, out, 0, 16);
        System.arraycopy(Hashing.twox128(item.getBytes(StandardCharsets.UTF_8)), 0, out, 16, 16);
        return out;
    }

    /** Returns the key of a map entry: prefix ‖ hasher(encodedKey). */
    public static byte[] mapKey(String pallet, String item, StorageHasher hasher, byte[] encodedKey) {
        return concat(prefix(pallet, item), hasher.hash(encodedKey));
    }

    /** Returns the key of a double-map entry: prefix ‖ hasher1(key1) ‖ hasher2(key2). */
    public static byte[] doubleMapKey(String pallet, String item, StorageHasher hasher1, byte[] key1,
                                      StorageHasher hasher2, byte[] key2) {
        return concat(prefix(pallet, item), hasher1.hash(key1), hasher2.hash(key2));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
