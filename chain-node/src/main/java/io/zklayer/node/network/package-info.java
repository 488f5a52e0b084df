/**
 * Chain networking on the libp2p host ({@code p2p}): the {@link io.zklayer.node.network.NetworkService}
 * runs block announcements, transaction and finality-vote gossip (gossipsub topics named after the
 * genesis hash), the status handshake and block requests (request-response with SCALE messages,
 * see {@code protocol}), sync ({@code sync}), and peer reputation with bans
 * ({@link io.zklayer.node.network.PeerReputation}). The node reaches it through
 * {@link io.zklayer.node.network.ChainAccess}, the seam to storage, import and the pool; the node's
 * libp2p identity lives in {@code <base>/chains/<id>/network/secret_ed25519}
 * ({@link io.zklayer.node.network.NodeKeys}).
 */
package io.zklayer.node.network;
