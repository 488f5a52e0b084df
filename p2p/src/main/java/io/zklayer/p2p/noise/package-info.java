/**
 * The libp2p noise secure channel: the XX handshake, the identity payload, and the Netty handlers
 * that run the handshake and then encrypt 2-byte length-prefixed transport frames.
 */
package io.zklayer.p2p.noise;
