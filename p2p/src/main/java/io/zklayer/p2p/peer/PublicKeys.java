package io.zklayer.p2p.peer;

import io.zklayer.p2p.wire.Protobuf;
import io.zklayer.p2p.wire.WireFormatException;

/**
 * The libp2p {@code PublicKey} protobuf ({@code KeyType Type = 1; bytes Data = 2}) for Ed25519
 * keys, the only key type this host issues and accepts.
 *
 * <p>An Ed25519 key {@code k} encodes as {@code 08 01 12 20 ‖ k} (36 bytes).
 */
public final class PublicKeys {
    /** {@code KeyType.Ed25519} in the libp2p crypto protobuf. */
    public static final int KEY_TYPE_ED25519 = 1;

    private PublicKeys() {}

    /** Returns the protobuf encoding of a 32-byte Ed25519 public key. */
    public static byte[] encodeEd25519(byte[] publicKey) {
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("peer-ids: Ed25519 public key must be 32 bytes, got " + publicKey.length);
        }
        return Protobuf.write(out -> {
            out.writeEnum(1, KEY_TYPE_ED25519);
            out.writeByteArray(2, publicKey);
        });
    }

    /**
     * Returns the 32-byte Ed25519 key inside a protobuf {@code PublicKey}.
     *
     * @throws WireFormatException if the bytes are malformed, the key type is not Ed25519 or the
     *     key is not 32 bytes
     */
    public static byte[] decodeEd25519(byte[] encoded) {
        int[] type = {-1};
        byte[][] data = {null};
        Protobuf.read(encoded, "PublicKey", (number, tag, in) -> {
            if (number == 1 && Protobuf.wireType(tag) == 0) {
                type[0] = in.readEnum();
                return true;
            }
            if (number == 2 && Protobuf.wireType(tag) == 2) {
                data[0] = in.readByteArray();
                return true;
            }
            return false;
        });
        if (type[0] != KEY_TYPE_ED25519) {
            throw new WireFormatException("peer-ids: unsupported key type " + type[0] + " (only Ed25519=1)");
        }
        if (data[0] == null || data[0].length != 32) {
            throw new WireFormatException("peer-ids: Ed25519 key data must be 32 bytes");
        }
        return data[0];
    }
}
