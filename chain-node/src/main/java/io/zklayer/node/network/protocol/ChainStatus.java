package io.zklayer.node.network.protocol;

import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.codec.ScaleReader;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.types.H256;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a node tells a peer about itself on the status protocol (the request carries the asker's
 * status, the response the answerer's): protocol version, role, genesis, best and finalized
 * blocks, and a few addresses of other peers it is connected to, so that a node started with one
 * bootnode finds the rest of the network.
 *
 * <p>Encoding: {@code version u32 ‖ roles u8 ‖ genesis [32] ‖ bestNumber u32 ‖ bestHash [32] ‖
 * finalizedNumber u32 ‖ finalizedHash [32] ‖ Vec<Vec<u8>> knownPeers} (binary multiaddrs ending in
 * {@code /p2p/<id>}). Roles use Substrate's bits: {@code 0x01} full node, {@code 0x04} authority.
 * A status of a full node with no known peers is 4 + 1 + 32 + 4 + 32 + 4 + 32 + 1 = 110 bytes.
 *
 * @param version the chain protocol version ({@link #VERSION})
 * @param roles the role bits
 * @param genesis the genesis hash; peers of another chain are disconnected
 * @param bestNumber the best block's number
 * @param bestHash the best block's hash
 * @param finalizedNumber the last finalized block's number
 * @param finalizedHash the last finalized block's hash
 * @param knownPeers binary multiaddrs of other peers, at most {@link #MAX_KNOWN_PEERS}
 */
public record ChainStatus(long version, int roles, H256 genesis, long bestNumber, H256 bestHash, long finalizedNumber,
                          H256 finalizedHash, List<byte[]> knownPeers) {
    /** The protocol version this node speaks. */
    public static final long VERSION = 1;
    /** Role bit of a full node. */
    public static final int ROLE_FULL = 0x01;
    /** Role bit of an authority (validator). */
    public static final int ROLE_AUTHORITY = 0x04;
    /** The most peer addresses one status carries. */
    public static final int MAX_KNOWN_PEERS = 32;
    /** The longest binary multiaddr accepted. */
    public static final int MAX_ADDRESS_BYTES = 256;
    /** The largest encoded status. */
    public static final int MAX_BYTES = 110 + 5 + MAX_KNOWN_PEERS * (MAX_ADDRESS_BYTES + 3);

    /** Checks the fields. */
    public ChainStatus {
        Objects.requireNonNull(genesis, "genesis");
        Objects.requireNonNull(bestHash, "bestHash");
        Objects.requireNonNull(finalizedHash, "finalizedHash");
        knownPeers = List.copyOf(knownPeers);
        if (knownPeers.size() > MAX_KNOWN_PEERS) {
            throw new IllegalArgumentException("status: at most " + MAX_KNOWN_PEERS + " known peers, got " + knownPeers.size());
        }
        for (byte[] a : knownPeers) {
            if (a.length > MAX_ADDRESS_BYTES) {
                throw new IllegalArgumentException("status: a peer address of " + a.length + " bytes exceeds " + MAX_ADDRESS_BYTES);
            }
        }
        checkU32("bestNumber", bestNumber);
        checkU32("finalizedNumber", finalizedNumber);
        checkU32("version", version);
        if (roles < 0 || roles > 0xFF) {
            throw new IllegalArgumentException("status: roles must be a u8, got " + roles);
        }
    }

    /** Returns whether the peer says it is an authority. */
    public boolean isAuthority() {
        return (roles & ROLE_AUTHORITY) != 0;
    }

    /** Returns the SCALE encoding. */
    public byte[] encode() {
        ScaleWriter w = new ScaleWriter(128);
        w.u32(version).u8(roles).raw(genesis.bytes()).u32(bestNumber).raw(bestHash.bytes()).u32(finalizedNumber)
                .raw(finalizedHash.bytes());
        w.compact(knownPeers.size());
        for (byte[] a : knownPeers) {
            w.bytes(a);
        }
        return w.toByteArray();
    }

    /**
     * Decodes a status.
     *
     * @throws ScaleDecodeException when it is too large or malformed, lists more than
     *     {@link #MAX_KNOWN_PEERS} addresses, or an address is longer than {@link #MAX_ADDRESS_BYTES}
     */
    public static ChainStatus decode(byte[] bytes) {
        String type = "ChainStatus";
        if (bytes.length > MAX_BYTES) {
            throw new ScaleDecodeException(type, 0, bytes.length + " bytes exceed the limit of " + MAX_BYTES);
        }
        ScaleReader r = new ScaleReader(bytes);
        long version = r.u32();
        int roles = r.u8();
        H256 genesis = H256.of(r.raw(32, type + ".genesis"));
        long best = r.u32();
        H256 bestHash = H256.of(r.raw(32, type + ".bestHash"));
        long fin = r.u32();
        H256 finHash = H256.of(r.raw(32, type + ".finalizedHash"));
        int start = r.position();
        int n = r.length(type + ".knownPeers", 1);
        if (n > MAX_KNOWN_PEERS) {
            throw new ScaleDecodeException(type, start, "knownPeers lists " + n + " addresses, more than " + MAX_KNOWN_PEERS);
        }
        List<byte[]> peers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int at = r.position();
            byte[] a = r.bytes();
            if (a.length > MAX_ADDRESS_BYTES) {
                throw new ScaleDecodeException(type, at, "knownPeers[" + i + "] is " + a.length + " bytes, more than "
                        + MAX_ADDRESS_BYTES);
            }
            peers.add(a);
        }
        r.expectEnd(type);
        return new ChainStatus(version, roles, genesis, best, bestHash, fin, finHash, peers);
    }

    private static void checkU32(String field, long v) {
        if (v < 0 || v > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("status: " + field + " must be a u32, got " + v);
        }
    }
}
