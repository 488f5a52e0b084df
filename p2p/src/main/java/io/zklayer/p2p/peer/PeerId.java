package io.zklayer.p2p.peer;

import io.zklayer.p2p.wire.UnsignedVarint;
import io.zklayer.p2p.wire.WireFormatException;
import java.util.Arrays;
import java.util.Optional;

/**
 * A libp2p peer id: a multihash of the peer's protobuf-encoded public key — the identity multihash
 * when the encoding is at most 42 bytes (Ed25519), sha2-256 otherwise.
 *
 * <p>For an Ed25519 key {@code k} the id bytes are {@code 00 24 08 01 12 20 ‖ k} and the text form
 * is base58btc, which always starts {@code 12D3KooW}. Equal ids have equal bytes.
 */
public final class PeerId implements Comparable<PeerId> {
    private static final int IDENTITY = 0x00;
    private static final int SHA2_256 = 0x12;
    private static final int MAX_INLINE_KEY = 42;

    private final byte[] bytes;

    private PeerId(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Returns the peer id of an Ed25519 public key. */
    public static PeerId fromEd25519PublicKey(byte[] publicKey) {
        byte[] proto = PublicKeys.encodeEd25519(publicKey);
        byte[] out = new byte[2 + proto.length];
        out[0] = IDENTITY;
        out[1] = (byte) proto.length;
        System.arraycopy(proto, 0, out, 2, proto.length);
        return new PeerId(out);
    }

    /**
     * Returns the peer id with these multihash bytes.
     *
     * @throws WireFormatException if the bytes are not an identity (≤ 42 bytes) or sha2-256 multihash
     */
    public static PeerId fromBytes(byte[] bytes) {
        if (bytes.length > 64) {
            throw new WireFormatException("peer-ids: multihash longer than 64 bytes");
        }
        long[] code = UnsignedVarint.decode(bytes, 0, Integer.MAX_VALUE);
        long[] len = UnsignedVarint.decode(bytes, (int) code[1], 64);
        int offset = (int) (code[1] + len[1]);
        if (bytes.length - offset != len[0]) {
            throw new WireFormatException("peer-ids: multihash digest length " + len[0] + " does not match "
                    + (bytes.length - offset) + " bytes");
        }
        if (code[0] == IDENTITY) {
            if (len[0] > MAX_INLINE_KEY) {
                throw new WireFormatException("peer-ids: identity multihash over " + MAX_INLINE_KEY + " bytes");
            }
        } else if (code[0] == SHA2_256) {
            if (len[0] != 32) {
                throw new WireFormatException("peer-ids: sha2-256 multihash must be 32 bytes");
            }
        } else {
            throw new WireFormatException("peer-ids: unsupported multihash code 0x" + Long.toHexString(code[0]));
        }
        return new PeerId(bytes.clone());
    }

    /**
     * Returns the peer id written as base58btc text ({@code 12D3KooW…} or {@code Qm…}).
     *
     * @throws IllegalArgumentException if the text is not a valid peer id
     */
    public static PeerId fromBase58(String text) {
        try {
            return fromBytes(Base58.decode(text));
        } catch (WireFormatException e) {
            throw new IllegalArgumentException("peer-ids: '" + text + "': " + e.getMessage(), e);
        }
    }

    /** Returns the multihash bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Returns the Ed25519 public key inlined in an identity multihash, if this id has one. */
    public Optional<byte[]> ed25519PublicKey() {
        if (bytes[0] != IDENTITY) {
            return Optional.empty();
        }
        try {
            return Optional.of(PublicKeys.decodeEd25519(Arrays.copyOfRange(bytes, 2, bytes.length)));
        } catch (WireFormatException e) {
            return Optional.empty();
        }
    }

    /** Returns the base58btc text. */
    public String toBase58() {
        return Base58.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeerId p && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(PeerId o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return toBase58();
    }
}
