/**
 * The libp2p host: TCP listen and dial on Netty, the connection upgrade (multistream-select, noise,
 * yamux), streams with protocol negotiation, the connection manager and the injected scheduler.
 */
package io.zklayer.p2p.host;
