package io.zklayer.node.network;

/**
 * A connected chain peer as {@code system_peers} shows it.
 *
 * @param peerId the base58 peer id, {@code 12D3KooW…}
 * @param roles {@code AUTHORITY} or {@code FULL}, as the peer said in its status
 * @param bestHash its best block hash, {@code 0x…}
 * @param bestNumber its best block number
 */
public record PeerInfo(String peerId, String roles, String bestHash, long bestNumber) {}
