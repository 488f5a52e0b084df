/** libp2p ping: 32-byte echo for liveness and round-trip time. */
package io.zklayer.p2p.ping;
