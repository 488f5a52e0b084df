/**
 * The chain's network messages, SCALE-encoded and bounded before anything is allocated: block
 * announcements ({@link io.zklayer.node.network.protocol.BlockAnnounce}), the status handshake
 * ({@link io.zklayer.node.network.protocol.ChainStatus}), block requests and responses
 * ({@link io.zklayer.node.network.protocol.BlockRequestCodec} for consensus's request type,
 * {@link io.zklayer.node.network.protocol.BlockResponse}), and the protocol names, derived from the
 * genesis hash so that nodes of different chains never mix
 * ({@link io.zklayer.node.network.protocol.ProtocolNames}).
 *
 * <p>Every decoder throws {@link io.zklayer.primitives.codec.ScaleDecodeException} naming the type
 * and offset of what was wrong; the network service turns that into a reputation penalty for the
 * peer that sent it.
 */
package io.zklayer.node.network.protocol;
